import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PreferencesDto, PreferencesUpdateInput } from '../../../shared/communications.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFormatters } from '../../i18n/format';
import { meetingPaths } from '../meetings/paths';
import { commsApi, commsKeys } from './api';

/** What this week's digest would hold for the signed-in person (nothing is sent from here). */
function DigestPreview() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { date } = useFormatters();
  const preview = useQuery({ queryKey: commsKeys.digestPreview(slug), queryFn: ({ signal }) => commsApi.digestPreview(slug, signal) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="digest-heading">
      <Title order={2} size="h4" id="digest-heading" mb="xs">
        {t('communications.preferences.digestTitle')}
      </Title>
      {preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <QueryErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('communications.preferences.digestWeek', { week: date(preview.data.weekOf) })}{' '}
            {preview.data.wouldSend ? t('communications.preferences.wouldSend') : t('communications.preferences.wouldNotSend')}
          </Text>
          <div>
            <Title order={3} size="h5">{t('communications.preferences.upcoming')}</Title>
            {preview.data.upcoming.length === 0 ? (
              <Text size="sm" c="dimmed">{t('communications.preferences.noneUpcoming')}</Text>
            ) : (
              <List size="sm">
                {preview.data.upcoming.map((o) => (
                  <List.Item key={o.id}>
                    <Anchor component={Link} to={`/c/${slug}/talent-pipeline/opportunities/${o.id}`}>{o.title}</Anchor> · {o.organizationName}
                    {o.startsOn ? ` · ${t('communications.preferences.starts', { date: date(o.startsOn) })}` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          {preview.data.matched.length > 0 && (
            <div>
              <Title order={3} size="h5">{t('communications.preferences.matched')}</Title>
              <List size="sm">
                {preview.data.matched.map((o) => (
                  <List.Item key={o.id}>
                    <Anchor component={Link} to={`/c/${slug}/talent-pipeline/opportunities/${o.id}`}>{o.title}</Anchor> · {o.organizationName}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <div>
            <Title order={3} size="h5">{t('communications.preferences.actionItems')}</Title>
            {preview.data.actionItems.length === 0 ? (
              <Text size="sm" c="dimmed">{t('communications.preferences.noneDue')}</Text>
            ) : (
              <List size="sm">
                {preview.data.actionItems.map((i) => (
                  <List.Item key={i.id}>
                    {i.title} · {t('communications.preferences.due', { date: i.dueOn })}
                    {i.overdue && <Badge ml="xs" size="xs" color="red.9" variant="filled">{t('meetings.tags.overdue')}</Badge>}
                  </List.Item>
                ))}
              </List>
            )}
            <Anchor component={Link} to={meetingPaths.mine(slug)} size="sm">{t('communications.preferences.allActionItems')}</Anchor>
          </div>
        </Stack>
      )}
    </Paper>
  );
}

/** One's own e-mail preferences: announcements, the weekly digest, meeting follow-ups; unsubscribed from everything, or not. */
export default function PreferencesPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { dateTime } = useFormatters();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const prefs = useQuery({ queryKey: commsKeys.preferences(slug), queryFn: ({ signal }) => commsApi.preferences(slug, signal) });
  const save = useMutation({
    mutationFn: (body: PreferencesUpdateInput) => commsApi.savePreferences(slug, body),
    onSuccess: async (next, body) => {
      queryClient.setQueryData(commsKeys.preferences(slug), next);
      setMessage(body.subscribed === false ? t('communications.preferences.unsubscribedNow') : body.subscribed ? t('communications.preferences.resubscribed') : t('communications.preferences.saved'));
      await queryClient.invalidateQueries({ queryKey: commsKeys.digestPreview(slug) });
    },
  });
  if (prefs.isPending) return <Loading />;
  if (prefs.isError) return <QueryErrorState error={prefs.error} onRetry={() => void prefs.refetch()} fullPage />;
  const p: PreferencesDto = prefs.data;
  const off = p.unsubscribedAt !== null;
  const toggle = (key: 'announcements' | 'digest' | 'meetingFollowUps', label: string, description: string) => (
    <Switch label={label} description={description} checked={p[key] && !off} disabled={off || save.isPending} onChange={(e) => save.mutate({ [key]: e.currentTarget.checked })} />
  );
  return (
    <>
      <PageHeader title={t('communications.preferences.title')} description={p.email ? t('communications.preferences.intro', { email: p.email }) : t('communications.preferences.noEmail')} />
      <StatusMessage message={message} mb="md" />
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="md">
          {off && (
            <Alert color="blue" variant="light" icon={<IconMailOff aria-hidden />} title={t('communications.preferences.unsubscribedTitle')} data-testid="unsubscribed">
              <Text size="sm" mb="sm">{t('communications.preferences.unsubscribedBody', { at: dateTime(p.unsubscribedAt) })}</Text>
              <Button size="compact-md" loading={save.isPending} onClick={() => save.mutate({ subscribed: true })}>
                {t('communications.preferences.resubscribe')}
              </Button>
            </Alert>
          )}
          <Paper withBorder p="md" component="section" aria-labelledby="mail-heading">
            <Title order={2} size="h4" id="mail-heading" mb="sm">
              {t('communications.preferences.mailTitle')}
            </Title>
            <Stack gap="md">
              {toggle('announcements', t('communications.preferences.announcements'), t('communications.preferences.announcementsHint'))}
              {toggle('digest', t('communications.preferences.digest'), t('communications.preferences.digestHint'))}
              {toggle('meetingFollowUps', t('communications.preferences.followUps'), t('communications.preferences.followUpsHint'))}
            </Stack>
            <Text size="sm" c="dimmed" mt="md">{t('communications.preferences.inApp')}</Text>
            {!off && (
              <Group mt="md">
                <Button variant="default" leftSection={<IconMailOff size={16} aria-hidden />} loading={save.isPending && save.variables?.subscribed === false} onClick={() => save.mutate({ subscribed: false })}>
                  {t('communications.preferences.unsubscribeAll')}
                </Button>
              </Group>
            )}
          </Paper>
        </Stack>
        <DigestPreview />
      </SimpleGrid>
    </>
  );
}
