import { Badge, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { metricsApi, metricsKeys, thisYear } from './api';
import { formatMetric } from './format';

/** An employer's or institution's dashboard: its figures for the year, curriculum changes and recognition. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { slug } = useCoalition();
  const { id = '' } = useParams();
  const year = thisYear();
  const query = useQuery({ queryKey: metricsKeys.dashboard(slug, id, year), queryFn: () => metricsApi.dashboard(slug, id, year) });
  const awards = useQuery({ queryKey: metricsKeys.awards(slug), queryFn: () => metricsApi.awards(slug) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryErrorState error={query.error} onRetry={() => void query.refetch()} fullPage />;
  const d = query.data;
  const mine = (awards.data?.items ?? []).filter((a) => a.organizationId === id);
  const unit = (key: string) => (key.endsWith('invested') ? 'usd' : 'count');
  return (
    <>
      <PageHeader title={t('metrics.dashboard.title', { name: d.name })} description={t('metrics.dashboard.description')} back={{ to: `/c/${slug}/metrics`, label: t('metrics.title') }} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Table withTableBorder striped>
          <Table.Caption>{t('metrics.dashboard.caption', { year: d.year })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('metrics.dashboard.figure')}</Table.Th>
              <Table.Th scope="col">{t('metrics.dashboard.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.figures.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Th scope="row" fw={500}>{t(`metrics.figures.${f.key}` as 'metrics.figures.hires')}</Table.Th>
                <Table.Td>{formatMetric(f.value, unit(f.key), i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack>
          <section aria-labelledby="dashboard-recognition">
            <Title order={2} size="h4" id="dashboard-recognition" mb="xs">{t('metrics.dashboard.recognition')}</Title>
            {mine.length === 0 ? (
              <Text c="gray.7">{t('metrics.dashboard.notRecognized')}</Text>
            ) : (
              <List>
                {mine.map((a) => (
                  <List.Item key={a.id}>
                    <Badge variant="light" mr="xs">{t(`metrics.tiers.${a.tier}`)}</Badge>
                    {t('metrics.dashboard.recognized', { tier: t(`metrics.tiers.${a.tier}`), year: a.year })}
                  </List.Item>
                ))}
              </List>
            )}
          </section>
          {d.role === 'institution' && (
            <section aria-labelledby="dashboard-curriculum">
              <Title order={2} size="h4" id="dashboard-curriculum" mb="xs">{t('metrics.dashboard.curriculum')}</Title>
              {d.curriculumChanges.length === 0 ? (
                <Text c="gray.7">{t('metrics.dashboard.noCurriculum')}</Text>
              ) : (
                <List>
                  {d.curriculumChanges.map((c) => (
                    <List.Item key={c.id}>{c.title} ({c.status.replaceAll('_', ' ')})</List.Item>
                  ))}
                </List>
              )}
            </section>
          )}
        </Stack>
      </SimpleGrid>
    </>
  );
}
