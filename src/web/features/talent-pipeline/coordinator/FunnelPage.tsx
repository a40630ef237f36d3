import { Group, NativeSelect, SimpleGrid, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { applicationStatuses } from '../../../../shared/applications.contract';
import { opportunityKinds } from '../../../../shared/opportunities.contract';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { ChartFigure } from '../../labor-market/ChartFigure';
import { useNumbers } from '../../labor-market/format';
import { tpApi, tpKeys } from '../api';
import { useTpLabels } from '../labels';
import { tpPaths } from '../paths';
import { Stat } from './Stat';

const FunnelChart = lazy(() => import('./FunnelChart'));

/** The Coordinator's funnel: how many applications reached each stage, from the recorded status changes. */
export default function FunnelPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const n = useNumbers();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || undefined;
  const kind = params.get('kind') ?? '';
  const query = { year, kind: kind || undefined };
  const funnel = useQuery({ queryKey: tpKeys.funnel(slug, query), queryFn: () => tpApi.funnel(slug, query) });
  const set = (key: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });

  return (
    <>
      <PageHeader title={t('talentPipeline.funnel.title')} description={t('talentPipeline.funnel.intro')} back={{ to: tpPaths.home(slug), label: t('talentPipeline.title') }} />
      <Group gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
        <NativeSelect label={t('talentPipeline.funnel.year')} value={year ? String(year) : ''} onChange={(e) => set('year', e.currentTarget.value)} data={[{ value: '', label: t('talentPipeline.funnel.allYears') }, ...[0, 1, 2, 3].map((d) => String(thisYear - d))]} />
        <NativeSelect label={t('talentPipeline.board.kind')} value={kind} onChange={(e) => set('kind', e.currentTarget.value)} data={[{ value: '', label: t('talentPipeline.board.allKinds') }, ...opportunityKinds.map((k) => ({ value: k, label: l.kind(k) }))]} />
      </Group>
      {funnel.isPending ? (
        <Loading />
      ) : funnel.isError ? (
        <QueryErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <Stat label={t('talentPipeline.funnel.applied')} value={n.integer(funnel.data.stages.find((s) => s.status === 'applied')?.reached ?? 0)} />
            <Stat label={t('talentPipeline.funnel.placed')} value={n.integer(funnel.data.placed)} />
            <Stat label={t('talentPipeline.funnel.conversion')} value={funnel.data.conversionPercent === null ? n.na : n.percent(funnel.data.conversionPercent)} />
          </SimpleGrid>
          <ChartFigure
            headingOrder={2}
            title={t('talentPipeline.funnel.chartTitle')}
            summary={t('talentPipeline.funnel.chartSummary', { placed: n.integer(funnel.data.placed), hired: n.integer(funnel.data.hired) })}
            height={320}
            chart={(a11y) => (
              <FunnelChart {...a11y} height={320} valueLabel={t('talentPipeline.funnel.reached')} format={(v) => n.integer(v)} bars={funnel.data.stages.map((s) => ({ label: l.applicationStatus(s.status), reached: s.reached }))} />
            )}
            table={<FunnelTable stages={funnel.data.stages} />}
          />
        </Stack>
      )}
    </>
  );
}

function FunnelTable({ stages }: { stages: { status: (typeof applicationStatuses)[number]; current: number; reached: number }[] }) {
  const { t } = useTranslation();
  const l = useTpLabels();
  const n = useNumbers();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped>
        <Table.Caption className="tb-sr-only">
          {t('talentPipeline.funnel.tableCaption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('talentPipeline.funnel.stage')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('talentPipeline.funnel.reached')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('talentPipeline.funnel.current')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stages.map((s) => (
            <Table.Tr key={s.status}>
              <Table.Th scope="row" fw={500}>
                {l.applicationStatus(s.status)}
              </Table.Th>
              <Table.Td ta="right">{n.integer(s.reached)}</Table.Td>
              <Table.Td ta="right">{n.integer(s.current)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
