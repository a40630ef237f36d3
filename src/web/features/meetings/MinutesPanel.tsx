import { ActionIcon, Alert, Button, Group, List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconMailForward, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { useFormatters } from '../../i18n/format';
import { meetingKeys, meetingsApi } from './api';

/** Minutes and decisions (managers write them), and the follow-up e-mail with each person's action items. */
export function MinutesPanel({ meeting, manage }: { meeting: MeetingDto; manage: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { dateTime } = useFormatters();
  const queryClient = useQueryClient();
  const key = meetingKeys.one(slug, meeting.id);
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [decision, setDecision] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const save = useMutation({
    mutationFn: (body: { minutes?: string; decisions?: string[] }) => meetingsApi.update(slug, meeting.id, body),
    onSuccess: (updated, body) => {
      queryClient.setQueryData(key, updated);
      setMessage(body.minutes !== undefined ? t('meetings.minutesSaved') : t('meetings.decisionsSaved'));
    },
  });
  const followUp = useMutation({ mutationFn: () => meetingsApi.followUp(slug, meeting.id), onSuccess: () => setQueued(true) });
  // While the follow-up job runs, watch the meeting until it records when the mail went out.
  useQuery({ queryKey: key, queryFn: ({ signal }) => meetingsApi.get(slug, meeting.id, signal), enabled: queued && !meeting.followUpSentAt, refetchInterval: 2000 });

  if (!manage) {
    return (
      <Stack gap="sm">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes || t('meetings.noMinutes')}</Text>
        <Title order={3} size="h5">{t('meetings.decisions')}</Title>
        {meeting.decisions.length === 0 ? <Text c="dimmed" size="sm">{t('meetings.noDecisions')}</Text> : <List size="sm">{meeting.decisions.map((d, i) => <List.Item key={i}>{d}</List.Item>)}</List>}
      </Stack>
    );
  }
  const addDecision = () => {
    const text = decision.trim();
    if (!text) return;
    save.mutate({ decisions: [...meeting.decisions, text] }, { onSuccess: () => setDecision('') });
  };
  return (
    <Stack gap="sm">
      <Textarea label={t('meetings.minutes')} autosize minRows={4} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} />
      <Group justify="flex-end" className="tb-no-print">
        <Button variant="default" loading={save.isPending && save.variables?.minutes !== undefined} onClick={() => save.mutate({ minutes })}>
          {t('meetings.saveMinutes')}
        </Button>
      </Group>
      <Title order={3} size="h5" id="decisions-heading">{t('meetings.decisions')}</Title>
      {meeting.decisions.length === 0 ? (
        <Text c="dimmed" size="sm">{t('meetings.noDecisions')}</Text>
      ) : (
        <List size="sm" aria-labelledby="decisions-heading">
          {meeting.decisions.map((d, i) => (
            <List.Item key={i}>
              <Group gap={4} wrap="nowrap">
                <span>{d}</span>
                <ActionIcon size="sm" variant="subtle" color="red" className="tb-no-print" aria-label={t('meetings.removeDecision', { decision: d })} onClick={() => save.mutate({ decisions: meeting.decisions.filter((_, j) => j !== i) })}>
                  <IconTrash size={14} aria-hidden />
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Group align="flex-end" className="tb-no-print">
        <TextInput style={{ flex: 1 }} label={t('meetings.newDecision')} value={decision} onChange={(e) => setDecision(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addDecision(); } }} />
        <Button variant="default" onClick={addDecision} disabled={!decision.trim()}>
          {t('meetings.addDecision')}
        </Button>
      </Group>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <StatusMessage message={message} />
      <Stack gap="xs" mt="sm" className="tb-no-print">
        <Title order={3} size="h5">{t('meetings.followUp')}</Title>
        <Text size="sm" c="dimmed">{t('meetings.followUpHint')}</Text>
        <Group>
          <Button leftSection={<IconMailForward size={16} aria-hidden />} loading={followUp.isPending} disabled={!!meeting.followUpSentAt} onClick={() => followUp.mutate()}>
            {t('meetings.sendFollowUp')}
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {meeting.followUpSentAt ? (
            <Alert color="teal" variant="light">{t('meetings.followUpSent', { at: dateTime(meeting.followUpSentAt) })}</Alert>
          ) : queued ? (
            <Alert color="blue" variant="light">{t('meetings.followUpQueued')}</Alert>
          ) : null}
        </div>
        {followUp.error ? <ProblemAlert error={followUp.error} /> : null}
      </Stack>
    </Stack>
  );
}
