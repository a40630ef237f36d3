import { NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { tpPaths } from '../paths';
import { useViewer } from '../useViewer';
import { CapacitySection } from './CapacitySection';
import { RequestsSection } from './RequestsSection';

/** The engagement ledger: employers' yearly capacity, and schools' requests the Coordinator brokers against it. */
export default function EngagementsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  return (
    <>
      <PageHeader title={t('talentPipeline.engagements.title')} description={t('talentPipeline.engagements.intro')} back={{ to: tpPaths.home(slug), label: t('talentPipeline.title') }} />
      <NativeSelect
        label={t('talentPipeline.funnel.year')}
        value={String(year)}
        onChange={(e) => setParams({ year: e.currentTarget.value }, { replace: true })}
        data={[-1, 0, 1].map((d) => String(thisYear + d))}
        maw={200}
        mb="md"
      />
      {viewer.loading ? (
        <Loading />
      ) : (
        <Stack gap="xl">
          <CapacitySection year={year} viewer={viewer} />
          <RequestsSection viewer={viewer} />
        </Stack>
      )}
    </>
  );
}
