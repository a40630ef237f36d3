import { Anchor, Badge, Group, NativeSelect, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MetricItemDto } from '../../../shared/metrics.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { metricsApi, metricsKeys, thisYear } from './api';
import { formatMetric } from './format';
import { RoadmapTable } from './RoadmapTable';

const TargetsChart = lazy(() => import('./TargetsChart'));

/** Targets against actuals for a year (chart and table), the roadmap, and links to recognition and dashboards. */
export default function MetricsPage() {
  const { t, i18n } = useTranslation();
  const { slug, membership } = useCoalition();
  const [year, setYear] = useState(thisYear());
  const query = useQuery({ queryKey: metricsKeys.metrics(slug, year), queryFn: () => metricsApi.metrics(slug, year) });
  const years = Array.from({ length: 5 }, (_, i) => thisYear() - i);
  const label = (m: MetricItemDto) => t(`metrics.metricKeys.${m.key}`);
  const charted = (query.data?.items ?? []).filter((m) => m.target !== null && m.unit === 'count');

  return (
    <>
      <PageHeader
        title={t('metrics.title')}
        description={t('metrics.description')}
        actions={
          <Group>
            <Anchor component={Link} to={`/c/${slug}/metrics/recognition`}>{t('metrics.links.recognition')}</Anchor>
            {membership.organizationId && <Anchor component={Link} to={`/c/${slug}/metrics/organizations/${membership.organizationId}`}>{t('metrics.links.myDashboard')}</Anchor>}
            <Anchor component={Link} to={`/p/${slug}`}>{t('metrics.links.publicPage')}</Anchor>
          </Group>
        }
      />
      <NativeSelect label={t('metrics.year')} value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))} data={years.map(String)} w={140} mb="md" />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg">
          <Paper withBorder p="md" component="figure" m={0} aria-labelledby="metrics-chart-title">
            <Title order={2} size="h4" id="metrics-chart-title" mb="sm">{t('metrics.chart.title')}</Title>
            <Text size="sm" c="gray.7" mb="sm">{t('metrics.chart.alt')}</Text>
            <div style={{ width: '100%', height: 280 }} aria-hidden>
              {/* The box keeps its height while the chart's chunk loads: nothing below it moves. */}
              <Suspense fallback={null}>
                <TargetsChart
                  rows={charted.map((m) => ({ name: label(m), target: m.target, actual: m.actual ?? 0 }))}
                  targetLabel={t('metrics.chart.target')}
                  actualLabel={t('metrics.chart.actual')}
                />
              </Suspense>
            </div>
          </Paper>
          <Table striped withTableBorder>
            <Table.Caption>{t('metrics.chart.caption', { year })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('metrics.table.metric')}</Table.Th>
                <Table.Th scope="col">{t('metrics.table.target')}</Table.Th>
                <Table.Th scope="col">{t('metrics.table.actual')}</Table.Th>
                <Table.Th scope="col">{t('metrics.table.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((m) => (
                <Table.Tr key={m.key} data-metric={m.key}>
                  <Table.Th scope="row" fw={500}>{label(m)}</Table.Th>
                  <Table.Td>{m.target === null ? <Text c="gray.7" size="sm">{t('metrics.table.noTarget')}</Text> : formatMetric(m.target, m.unit, i18n.language)}</Table.Td>
                  <Table.Td>{m.noData || m.actual === null ? <Badge variant="default">{t('metrics.table.noData')}</Badge> : formatMetric(m.actual, m.unit, i18n.language)}</Table.Td>
                  <Table.Td miw={120}>
                    {m.target !== null && m.target > 0 && m.actual !== null && (
                      <Progress value={Math.min(100, (m.actual / m.target) * 100)} aria-label={`${label(m)}: ${Math.round((m.actual / m.target) * 100)}%`} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <RoadmapTable />
        </Stack>
      )}
    </>
  );
}
