import { Grid, NativeSelect, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { initiativesApi, iniKeys } from './api';
import { HeatMap } from './HeatMap';
import { RiskTable } from './RiskTable';

/** The coalition's risk register with its likelihood × impact heat map. */
export default function RisksPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [search, setSearch] = useSearchParams();
  const initiativeId = search.get('initiativeId') ?? undefined;
  const all = useQuery({ queryKey: iniKeys.list(slug, { limit: 200 }), queryFn: ({ signal }) => initiativesApi.list(slug, { limit: 200 }, signal) });
  const risks = useQuery({ queryKey: iniKeys.risks(slug, initiativeId), queryFn: ({ signal }) => initiativesApi.risks(slug, { initiativeId }, signal) });
  const heat = useQuery({ queryKey: iniKeys.heatMap(slug, initiativeId), queryFn: ({ signal }) => initiativesApi.heatMap(slug, initiativeId, signal) });
  return (
    <>
      <PageHeader title={t('initiatives.risks.pageTitle')} description={t('initiatives.risks.intro')} />
      <NativeSelect
        label={t('initiatives.plan.filterInitiative')}
        value={initiativeId ?? ''}
        onChange={(e) => setSearch(e.currentTarget.value ? { initiativeId: e.currentTarget.value } : {}, { replace: true })}
        data={[{ value: '', label: t('initiatives.plan.allInitiatives') }, ...(all.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))]}
        w={{ base: '100%', sm: 320 }}
        mb="md"
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Title order={2} size="h3" mb="sm">
            {t('initiatives.risks.heatTitle')}
          </Title>
          {heat.isPending ? <Loading /> : heat.isError ? <QueryErrorState error={heat.error} onRetry={() => void heat.refetch()} /> : <HeatMap map={heat.data} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Title order={2} size="h3" mb="sm">
            {t('initiatives.risks.registerTitle')}
          </Title>
          {risks.isPending ? <Loading /> : risks.isError ? <QueryErrorState error={risks.error} onRetry={() => void risks.refetch()} /> : <RiskTable risks={risks.data.items} caption={t('initiatives.risks.registerCaption')} showInitiative />}
        </Grid.Col>
      </Grid>
    </>
  );
}
