import { Badge, NativeSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commitmentStatuses, type CommitmentDto, type CommitmentStatus } from '../../../shared/commitments.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { cbApi, cbKeys } from './api';

function StatusCell({ item }: { item: CommitmentDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (status: CommitmentStatus) => cbApi.setCommitmentStatus(slug, item.id, status),
    onSuccess: () => client.invalidateQueries({ queryKey: cbKeys.all(slug) }),
  });
  return (
    <>
      <NativeSelect
        aria-label={t('coalitionBuilding.commitments.statusOf', { title: item.title })}
        value={item.status}
        onChange={(e) => save.mutate(e.currentTarget.value as CommitmentStatus)}
        data={commitmentStatuses.map((s) => ({ value: s, label: t(`coalitionBuilding.commitmentStatuses.${s}`) }))}
        disabled={save.isPending}
        size="xs"
      />
      {save.isError && <ProblemAlert error={save.error} />}
    </>
  );
}

export default function CommitmentsPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const [view, setView] = useState<'overdue' | 'all'>(can.coordinator ? 'overdue' : 'all');
  const overdue = view === 'overdue';
  const list = useInfiniteQuery({
    queryKey: cbKeys.commitments(slug, overdue),
    queryFn: ({ pageParam, signal }) => cbApi.commitments(slug, { overdue, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('coalitionBuilding.commitments.title')} description={can.editDirectory ? t('coalitionBuilding.commitments.intro') : t('coalitionBuilding.commitments.introOwn')} />
      <SegmentedControl
        mb="md"
        value={view}
        onChange={(v) => setView(v as 'overdue' | 'all')}
        data={[{ value: 'overdue', label: t('coalitionBuilding.commitments.overdue') }, { value: 'all', label: t('coalitionBuilding.commitments.all') }]}
        aria-label={t('coalitionBuilding.commitments.view')}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconHeartHandshake size={28} aria-hidden />} title={overdue ? t('coalitionBuilding.commitments.noneOverdue') : t('coalitionBuilding.commitments.none')} />
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{overdue ? t('coalitionBuilding.commitments.overdueCaption') : t('coalitionBuilding.commitments.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('coalitionBuilding.commitments.commitment')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.commitments.member')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.commitments.due')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.commitments.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={400}>{c.title}</Table.Th>
                    <Table.Td>{c.organizationName}</Table.Td>
                    <Table.Td>
                      {c.dueOn ?? '—'}
                      {c.overdue && <Badge ml="xs" color="red" variant="light">{t('coalitionBuilding.commitments.daysOverdue', { count: c.daysOverdue })}</Badge>}
                    </Table.Td>
                    <Table.Td><StatusCell item={c} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={items.length} hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          <Text size="sm" c="dimmed">{t('coalitionBuilding.commitments.fromPaper')}</Text>
        </Stack>
      )}
    </>
  );
}
