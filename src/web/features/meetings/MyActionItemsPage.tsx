import { Anchor, Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ActionItemDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { useFormatters } from '../../i18n/format';
import { meetingKeys, meetingsApi } from './api';
import { meetingPaths } from './paths';
import { SavingCheckbox, ScrollTable, useCoalitionZone } from './ui';
import { dayOf } from './zoned';

type Filter = 'open' | 'done' | 'all';

/** The signed-in person's action items from every meeting, by due date; overdue ones are flagged. */
export default function MyActionItemsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { date } = useFormatters();
  const zone = useCoalitionZone();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('open');
  const items = useQuery({ queryKey: meetingKeys.mine(slug, filter), queryFn: ({ signal }) => meetingsApi.myActionItems(slug, filter, signal) });
  const toggle = useMutation({
    mutationFn: (i: ActionItemDto) => meetingsApi.updateActionItem(slug, i.meetingId, i.id, { status: i.status === 'done' ? 'open' : 'done' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...meetingKeys.all(slug), 'my-action-items'] }),
  });
  const today = zone ? dayOf(new Date(), zone) : new Date().toISOString().slice(0, 10);
  const rows = items.data?.items ?? [];
  const overdue = rows.filter((i) => i.status === 'open' && i.dueOn < today).length;
  return (
    <>
      <PageHeader title={t('meetings.mine.title')} description={t('meetings.mine.intro')} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('meetings.mine.filter')}
          w="fit-content"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'open', label: t('meetings.mine.open') },
            { value: 'done', label: t('meetings.mine.done') },
            { value: 'all', label: t('meetings.mine.all') },
          ]}
        />
        {toggle.error ? <ProblemAlert error={toggle.error} /> : null}
        {items.isPending ? (
          <Loading />
        ) : items.isError ? (
          <QueryErrorState error={items.error} onRetry={() => void items.refetch()} />
        ) : rows.length === 0 ? (
          <Empty icon={<IconChecklist size={28} aria-hidden />} title={t(filter === 'done' ? 'meetings.mine.emptyDone' : 'meetings.mine.emptyTitle')} description={t('meetings.mine.emptyBody')} />
        ) : (
          <>
            {filter !== 'done' && (
              <Text size="sm" role="status">
                {overdue > 0 ? t('meetings.mine.overdueCount', { count: overdue }) : t('meetings.mine.noneOverdue')}
              </Text>
            )}
            <ScrollTable label={t('meetings.mine.caption')} minWidth={640}>
              <Table striped verticalSpacing="xs">
                <Table.Caption className="tb-sr-only">{t('meetings.mine.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('meetings.colAction')}</Table.Th>
                    <Table.Th scope="col">{t('meetings.colDue')}</Table.Th>
                    <Table.Th scope="col">{t('meetings.mine.fromMeeting')}</Table.Th>
                    <Table.Th scope="col">{t('meetings.colDone')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Th scope="row" fw={400}>
                        {i.title}
                        {i.notes ? <Text size="xs" c="dimmed">{i.notes}</Text> : null}
                      </Table.Th>
                      <Table.Td>
                        {i.dueOn}
                        {i.status === 'open' && i.dueOn < today && <Badge component="span" ml="xs" size="sm" color="red.9" variant="filled">{t('meetings.tags.overdue')}</Badge>}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={meetingPaths.meeting(slug, i.meetingId)}>
                          {i.meetingTitle}
                        </Anchor>{' '}
                        <Text span size="sm" c="dimmed">({date(i.meetingStartsAt)})</Text>
                      </Table.Td>
                      <Table.Td>
                        <SavingCheckbox label={t('meetings.markDone', { title: i.title })} checked={i.status === 'done'} onSave={() => toggle.mutateAsync(i)} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </>
        )}
      </Stack>
    </>
  );
}
