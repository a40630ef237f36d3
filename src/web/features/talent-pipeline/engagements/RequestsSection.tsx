import { Badge, Button, Card, Group, NativeSelect, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { engagementStatuses, type EngagementStatus } from '../../../../shared/engagements.contract';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { QueryErrorState } from '../../../components/QueryState';
import { useFormatters } from '../../../i18n/format';
import { tpApi, tpKeys } from '../api';
import { useTpLabels } from '../labels';
import type { useViewer } from '../useViewer';
import { RequestActions } from './RequestActions';
import { RequestForm } from './RequestForm';

/** Schools' requests for classroom engagements, and where each stands. */
export function RequestsSection({ viewer }: { viewer: ReturnType<typeof useViewer> }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const f = useFormatters();
  const [status, setStatus] = useState<EngagementStatus | ''>('');
  const [adding, setAdding] = useState(false);
  const coordinator = viewer.role === 'coordinator';
  const mayRequest = coordinator || viewer.role === 'school';
  const params = { status, limit: 50 };
  const list = useInfiniteQuery({
    queryKey: tpKeys.requests(slug, params),
    queryFn: ({ pageParam }) => tpApi.requests(slug, { ...params, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-requests">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="tb-requests">
          {t('talentPipeline.engagements.requestsTitle')}
        </Title>
        {mayRequest && !adding && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('talentPipeline.engagements.newRequest')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('talentPipeline.engagements.requestsIntro')}
      </Text>
      {adding && (
        <Card withBorder padding="md" mb="md">
          <RequestForm coordinator={coordinator} onDone={() => setAdding(false)} />
        </Card>
      )}
      <NativeSelect label={t('talentPipeline.engagements.status')} value={status} onChange={(e) => setStatus(e.currentTarget.value as EngagementStatus | '')} data={[{ value: '', label: t('talentPipeline.engagements.allStatuses') }, ...engagementStatuses.map((s) => ({ value: s, label: l.engagementStatus(s) }))]} maw={240} mb="md" />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm">{t('talentPipeline.engagements.noRequests')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{t('talentPipeline.engagements.requestsTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('talentPipeline.engagements.request')}</Table.Th>
                  <Table.Th scope="col">{t('talentPipeline.engagements.school')}</Table.Th>
                  <Table.Th scope="col">{t('talentPipeline.engagements.employer')}</Table.Th>
                  <Table.Th scope="col">{t('talentPipeline.engagements.date')}</Table.Th>
                  <Table.Th scope="col">{t('talentPipeline.engagements.status')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" fw={600}>
                        {r.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {l.engagementKind(r.kind)} · {t('talentPipeline.engagements.people', { count: r.quantity })}
                      </Text>
                    </Table.Th>
                    <Table.Td>{r.schoolName}</Table.Td>
                    <Table.Td>{r.employerName ?? '—'}</Table.Td>
                    <Table.Td>{f.date(`${r.requestedOn}T12:00:00`)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{l.engagementStatus(r.status)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <RequestActions r={r} coordinator={coordinator} ownSchool={viewer.role === 'school' && viewer.organizationId === r.schoolId} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </Card>
  );
}
