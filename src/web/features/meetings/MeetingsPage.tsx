import { Anchor, Badge, Button, Checkbox, CopyButton, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarEvent, IconCalendarPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { meetingKinds, type MeetingDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { meetingKeys, meetingsApi } from './api';
import { meetingPaths } from './paths';
import { ScrollTable, canRunMeetings, useWhen } from './ui';

function MeetingTable({ caption, items, emptyText }: { caption: string; items: MeetingDto[]; emptyText: string }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const when = useWhen();
  if (items.length === 0) return <Text c="dimmed">{emptyText}</Text>;
  return (
    <ScrollTable label={caption} minWidth={640}>
      <Table striped verticalSpacing="xs">
        <Table.Caption className="tb-sr-only">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('meetings.colTitle')}</Table.Th>
            <Table.Th scope="col">{t('meetings.colKind')}</Table.Th>
            <Table.Th scope="col">{t('meetings.colWhen')}</Table.Th>
            <Table.Th scope="col">{t('meetings.colInvited')}</Table.Th>
            <Table.Th scope="col">{t('meetings.colMyRsvp')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={meetingPaths.meeting(slug, m.id)}>
                  {m.title}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Badge variant="light" color="dark">{t(`meetings.kinds.${m.kind}`)}</Badge>
              </Table.Td>
              <Table.Td>{when(m)}</Table.Td>
              <Table.Td>{m.attended > 0 ? t('meetings.invitedAttended', { invited: m.invited, attended: m.attended }) : m.invited}</Table.Td>
              <Table.Td>{m.myRsvp ? t(`meetings.rsvps.${m.myRsvp}`) : t('meetings.notInvited')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** A private iCalendar subscription URL with all the person's meetings; a new one on request, all revocable. */
function SubscriptionFeed() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const create = useMutation({ mutationFn: () => meetingsApi.createFeed(slug), onSuccess: (feed) => { setUrl(feed.url); setMessage(null); } });
  const revoke = useMutation({ mutationFn: () => meetingsApi.revokeFeeds(slug), onSuccess: (r) => { setUrl(null); setMessage(t('meetings.feed.revoked', { count: r.revoked })); } });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feed-heading">
      <Title order={2} size="h4" id="feed-heading" mb={4}>
        {t('meetings.feed.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('meetings.feed.intro')}
      </Text>
      {url && (
        <Group align="flex-end" mb="sm" wrap="nowrap">
          <TextInput label={t('meetings.feed.url')} value={url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={url}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? t('meetings.feed.copied') : t('meetings.feed.copy')}</Button>}</CopyButton>
        </Group>
      )}
      <Group gap="sm">
        <Button variant="light" leftSection={<IconCalendarPlus size={16} aria-hidden />} loading={create.isPending} onClick={() => create.mutate()}>
          {url ? t('meetings.feed.another') : t('meetings.feed.create')}
        </Button>
        <Button variant="default" loading={revoke.isPending} onClick={() => revoke.mutate()}>
          {t('meetings.feed.revoke')}
        </Button>
      </Group>
      <StatusMessage message={message} />
      {create.error ? <ProblemAlert error={create.error} /> : null}
      {revoke.error ? <ProblemAlert error={revoke.error} /> : null}
    </Paper>
  );
}

/** The meeting list: upcoming first, then past; filter by kind or only mine; the subscription feed. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const { slug, membership } = useCoalition();
  const [kind, setKind] = useState('');
  const [onlyMine, setOnlyMine] = useState(false);
  // Upcoming: the next 200 from a day ago (a meeting under way stays listed); past: the last year's.
  const [since] = useState(() => ({ upcoming: new Date(Date.now() - 86_400_000).toISOString(), past: new Date(Date.now() - 365 * 86_400_000).toISOString() }));
  const soon = useQuery({ queryKey: [...meetingKeys.list(slug), 'upcoming', since.upcoming], queryFn: ({ signal }) => meetingsApi.list(slug, signal, { from: since.upcoming }) });
  const earlier = useQuery({ queryKey: [...meetingKeys.list(slug), 'past', since.past], queryFn: ({ signal }) => meetingsApi.list(slug, signal, { from: since.past, to: since.upcoming }) });
  const list = soon.isError ? soon : earlier;
  const now = Date.now();
  const keep = (m: MeetingDto) => (!kind || m.kind === kind) && (!onlyMine || m.myRsvp !== null);
  const all = [...(earlier.data?.items ?? []), ...(soon.data?.items ?? [])];
  const items = all.filter(keep);
  const upcoming = items.filter((m) => new Date(m.endsAt).getTime() >= now);
  const past = items.filter((m) => new Date(m.endsAt).getTime() < now).reverse();
  const manage = canRunMeetings(membership.roles);
  // A meeting cancelled on its own page says so here.
  const flash = (useLocation().state as { message?: string } | null)?.message;
  return (
    <>
      <StatusMessage message={flash} mb="sm" />
      <PageHeader
        title={t('meetings.title')}
        description={t('meetings.intro')}
        actions={
          manage ? (
            <Button component={Link} to={meetingPaths.schedule(slug)} leftSection={<IconCalendarPlus size={16} aria-hidden />}>
              {t('meetings.schedule')}
            </Button>
          ) : undefined
        }
      />
      {soon.isPending || earlier.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : all.length === 0 ? (
        <Empty icon={<IconCalendarEvent size={28} aria-hidden />} title={t('meetings.emptyTitle')} description={manage ? t('meetings.emptyBodyManager') : t('meetings.emptyBody')}>
          {manage && (
            <Button component={Link} to={meetingPaths.schedule(slug)}>
              {t('meetings.schedule')}
            </Button>
          )}
        </Empty>
      ) : (
        <Stack gap="lg">
          <Group align="flex-end" gap="md">
            <NativeSelect label={t('meetings.filterKind')} value={kind} onChange={(e) => setKind(e.currentTarget.value)} data={[{ value: '', label: t('meetings.allKinds') }, ...meetingKinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))]} />
            <Checkbox label={t('meetings.onlyMine')} checked={onlyMine} onChange={(e) => setOnlyMine(e.currentTarget.checked)} mb={8} />
          </Group>
          <section aria-labelledby="upcoming-heading">
            <Title order={2} size="h3" id="upcoming-heading" mb="xs">
              {t('meetings.upcoming')}
            </Title>
            <MeetingTable caption={t('meetings.captionUpcoming')} items={upcoming} emptyText={t('meetings.noUpcoming')} />
          </section>
          <section aria-labelledby="past-heading">
            <Title order={2} size="h3" id="past-heading" mb="xs">
              {t('meetings.past')}
            </Title>
            <MeetingTable caption={t('meetings.captionPast')} items={past} emptyText={t('meetings.noPast')} />
          </section>
        </Stack>
      )}
      <Stack mt="xl" maw={720}>
        <SubscriptionFeed />
      </Stack>
    </>
  );
}
