import { Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { initiativesApi, iniKeys } from './api';
import { RiskForm } from './RiskForm';
import { RiskTable } from './RiskTable';

/** The initiative's risks, and a form to register one tied to its tasks. */
export function InitiativeRisksSection({ slug, initiativeId, canManage }: { slug: string; initiativeId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const risks = useQuery({ queryKey: iniKeys.risks(slug, initiativeId), queryFn: ({ signal }) => initiativesApi.risks(slug, { initiativeId }, signal) });
  return (
    <section aria-labelledby="risks-heading">
      <Title order={2} id="risks-heading" size="h3" mb="sm">
        {t('initiatives.risks.title')}
      </Title>
      {risks.isPending ? <Loading /> : risks.isError ? <QueryErrorState error={risks.error} onRetry={() => void risks.refetch()} /> : <RiskTable risks={risks.data.items} caption={t('initiatives.risks.caption')} showInitiative={false} />}
      {canManage && <RiskForm slug={slug} initiativeId={initiativeId} onDone={() => queryClient.invalidateQueries({ queryKey: iniKeys.all(slug) })} />}
    </section>
  );
}
