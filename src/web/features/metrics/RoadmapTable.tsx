import { Badge, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { metricsApi, metricsKeys } from './api';

const colors = { done: 'green.9', in_progress: 'blue.9', not_started: 'gray.8' } as const;

/** The paper's roadmap and recommendations with this coalition's status and evidence. */
export function RoadmapTable() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const query = useQuery({ queryKey: metricsKeys.roadmap(slug), queryFn: () => metricsApi.roadmap(slug) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <section aria-labelledby="roadmap-title">
      <Title order={2} size="h4" id="roadmap-title" mb="sm">{t('metrics.roadmap.title')}</Title>
      <Table withTableBorder>
        <Table.Caption>{t('metrics.roadmap.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('metrics.roadmap.item')}</Table.Th>
            <Table.Th scope="col">{t('metrics.roadmap.status')}</Table.Th>
            <Table.Th scope="col">{t('metrics.roadmap.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.items.map((item) => (
            <Table.Tr key={item.ref}>
              <Table.Th scope="row" fw={item.kind === 'phase' ? 700 : 400} pl={item.kind === 'phase' ? undefined : 'lg'}>{item.title}</Table.Th>
              <Table.Td><Badge variant="default" color={colors[item.status]}>{t(`metrics.roadmapStatus.${item.status}`)}</Badge></Table.Td>
              <Table.Td><Text size="sm">{item.evidence ?? ''}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
