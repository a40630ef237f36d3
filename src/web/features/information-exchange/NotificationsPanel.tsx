import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { NotificationDto } from '../../../shared/notifications.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { useFormatters } from '../../i18n/format';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { useIxLabels } from './ui';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A notification as a sentence and, where it concerns a proposal, a link to it. */
function useDescribe() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  return (n: NotificationDto): { text: string; to: string | null } => {
    const p = n.payload;
    const proposal = str(p.proposalId) ? ixPaths.proposal(slug, str(p.proposalId)) : null;
    switch (n.kind) {
      case 'curriculum.proposal_created':
        return { text: t('informationExchange.notifications.created', { author: str(p.author), title: str(p.title) }), to: proposal };
      case 'curriculum.matches_need':
        return { text: t('informationExchange.notifications.matches', { title: str(p.title) }), to: proposal };
      case 'curriculum.comment':
        return { text: t(p.official ? 'informationExchange.notifications.answer' : 'informationExchange.notifications.comment', { author: str(p.author), title: str(p.title) }), to: proposal };
      case 'curriculum.status_changed':
        return { text: t('informationExchange.notifications.status', { title: str(p.title), status: labels.status(str(p.to)), by: str(p.by) }), to: proposal };
      case 'points_of_contact.request':
        return { text: t('informationExchange.notifications.request', { from: str(p.from), subject: str(p.subject), organization: str(p.organizationName) }), to: ixPaths.contacts(slug) };
      default:
        return { text: n.kind, to: null };
    }
  };
}

/** The member's notifications about the forum and requests, newest first; opening one marks it read. */
export function NotificationsPanel() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { dateTime } = useFormatters();
  const describe = useDescribe();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ixKeys.part(slug, 'notifications'), queryFn: ({ signal }) => ixApi.notifications(slug, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ixKeys.part(slug, 'notifications') });
  const readOne = useMutation({ mutationFn: (id: string) => ixApi.markRead(slug, id), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => ixApi.markAllRead(slug), onSuccess: refresh });
  return (
    <Card withBorder component="section" aria-labelledby="ix-notifications">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="ix-notifications">
          <IconBell size={18} aria-hidden /> {t('informationExchange.notifications.title')}{' '}
          {!!list.data?.unreadCount && (
            <Badge color="red" variant="filled">
              <span aria-hidden>{list.data.unreadCount}</span>
              <span className="tb-sr-only">{t('informationExchange.notifications.unread', { count: list.data.unreadCount })}</span>
            </Badge>
          )}
        </Title>
        {!!list.data?.unreadCount && (
          <Button size="compact-sm" variant="subtle" loading={readAll.isPending} onClick={() => readAll.mutate()}>
            {t('informationExchange.notifications.markAll')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('informationExchange.notifications.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-live="polite">
          {list.data.items.map((n) => {
            const { text, to } = describe(n);
            return (
              <li key={n.id}>
                <Text size="sm" fw={n.readAt ? 400 : 700}>
                  {!n.readAt && <span className="tb-sr-only">{t('informationExchange.notifications.new')} </span>}
                  {to ? (
                    <Anchor component={Link} to={to} onClick={() => !n.readAt && readOne.mutate(n.id)} inherit>
                      {text}
                    </Anchor>
                  ) : (
                    text
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {dateTime(n.createdAt)}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
