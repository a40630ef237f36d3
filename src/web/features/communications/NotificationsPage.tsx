import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { NotificationDto } from '../../../shared/notifications.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { useFormatters } from '../../i18n/format';
import { ixPaths } from '../information-exchange/paths';
import { meetingPaths } from '../meetings/paths';
import { commsApi, commsKeys } from './api';
import { commsPaths } from './ui';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Every kind of notification as a sentence and, where it has one, a link to what it is about. */
function useDescribe() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { date } = useFormatters();
  return (n: NotificationDto): { text: string; to: string | null } => {
    const p = n.payload;
    switch (n.kind) {
      case 'communications.announcement':
        return { text: t('communications.notifications.kinds.announcement', { subject: str(p.subject) }), to: str(p.announcementId) ? commsPaths.announcement(slug, str(p.announcementId)) : null };
      case 'meeting.invited':
        return { text: t('communications.notifications.kinds.meetingInvited', { title: str(p.title), date: date(str(p.startsAt)) }), to: str(p.meetingId) ? meetingPaths.meeting(slug, str(p.meetingId)) : null };
      case 'meeting.cancelled': {
        const args = { title: str(p.title), date: date(str(p.startsAt)), reason: str(p.reason) };
        return { text: t(args.reason ? 'communications.notifications.kinds.meetingCancelledReason' : 'communications.notifications.kinds.meetingCancelled', args), to: null };
      }
      case 'meeting.action_item':
        return { text: t('communications.notifications.kinds.actionItem', { title: str(p.title), due: str(p.dueOn), meeting: str(p.meetingTitle) }), to: meetingPaths.mine(slug) };
      case 'curriculum.proposal_created':
      case 'curriculum.matches_need':
      case 'curriculum.comment':
      case 'curriculum.status_changed':
        return { text: t('communications.notifications.kinds.curriculum', { title: str(p.title) }), to: str(p.proposalId) ? ixPaths.proposal(slug, str(p.proposalId)) : null };
      case 'points_of_contact.request':
        return { text: t('communications.notifications.kinds.request', { from: str(p.from), subject: str(p.subject) }), to: ixPaths.contacts(slug) };
      default:
        return { text: t('communications.notifications.kinds.other'), to: null };
    }
  };
}

/** The notification centre: everything addressed to the signed-in member, newest first; opening one marks it read. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { dateTime } = useFormatters();
  const describe = useDescribe();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInfiniteQuery({
    queryKey: commsKeys.notifications(slug, unreadOnly),
    queryFn: ({ pageParam, signal }) => commsApi.notifications(slug, unreadOnly, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['communications', slug, 'notifications'] });
  const readOne = useMutation({ mutationFn: (id: string) => commsApi.markRead(slug, id), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => commsApi.markAllRead(slug), onSuccess: refresh });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  return (
    <>
      <PageHeader
        title={t('communications.notifications.title')}
        description={t('communications.notifications.intro')}
        actions={
          unread > 0 ? (
            <Button variant="light" loading={readAll.isPending} onClick={() => readAll.mutate()}>
              {t('communications.notifications.markAll')}
            </Button>
          ) : undefined
        }
      />
      <Group mb="md" justify="space-between">
        <Text size="sm" role="status">
          {t('communications.notifications.unread', { count: unread })}
        </Text>
        <Checkbox label={t('communications.notifications.unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
      </Group>
      {readOne.error ? <ProblemAlert error={readOne.error} /> : null}
      {readAll.error ? <ProblemAlert error={readAll.error} /> : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconBell size={28} aria-hidden />} title={unreadOnly ? t('communications.notifications.emptyUnread') : t('communications.notifications.emptyTitle')} description={t('communications.notifications.emptyBody')} />
      ) : (
        <>
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('communications.notifications.listLabel')}>
            {items.map((n) => {
              const { text, to } = describe(n);
              const isUnread = !n.readAt;
              return (
                <Paper component="li" key={n.id} withBorder p="sm" bg={isUnread ? 'blue.0' : undefined} data-unread={isUnread ? 'true' : 'false'}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div>
                      {isUnread && <Badge size="xs" color="blue.9" variant="filled" mr="xs">{t('communications.notifications.new')}</Badge>}
                      {to ? (
                        <Anchor component={Link} to={to} onClick={() => isUnread && readOne.mutate(n.id)}>
                          {text}
                        </Anchor>
                      ) : (
                        <Text span>{text}</Text>
                      )}
                      <Text size="xs" c="dimmed">{dateTime(n.createdAt)}</Text>
                    </div>
                    {isUnread && (
                      <Button size="compact-sm" variant="subtle" aria-label={t('communications.notifications.markReadOf', { text })} onClick={() => readOne.mutate(n.id)}>
                        {t('communications.notifications.markRead')}
                      </Button>
                    )}
                  </Group>
                </Paper>
              );
            })}
          </Stack>
          <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
