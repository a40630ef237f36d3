import { ActionIcon, Anchor, Badge, Button, Group, List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCheck, IconEye, IconEyeOff, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { agendaItemCreateInput, type AgendaSectionDto, type MeetingDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { useFormatters } from '../../i18n/format';
import { meetingKeys, meetingsApi } from './api';
import { meetingPaths } from './paths';

const TAG_COLORS: Record<string, string> = { overdue: 'red', slipped: 'orange', carried: 'blue', new: 'teal', done: 'green', decided: 'grape', proposed: 'gray', accepted: 'teal' };

const move = <T,>(list: T[], from: number, to: number) => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
};

function ProposeForm({ meetingId, onDone }: { meetingId: string; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { title: '', notes: '' },
    schema: agendaItemCreateInput,
    onSubmit: async (data) => {
      await meetingsApi.propose(slug, meetingId, data);
      form.reset();
      setMessage(t('meetings.agendaProposed', { title: data.title }));
      await onDone();
    },
  });
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="propose-heading">
      <Stack gap="xs" mt="md">
        <Title order={3} size="h5" id="propose-heading">
          {t('meetings.proposeTitle')}
        </Title>
        <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
        <TextInput label={t('meetings.proposeField')} required {...form.textProps('title')} />
        <Textarea label={t('meetings.proposeNotes')} autosize minRows={1} {...form.textProps('notes')} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={form.submitting}>
            {t('meetings.propose')}
          </Button>
        </Group>
        <StatusMessage message={message} />
      </Stack>
    </form>
  );
}

/** The live agenda: the standing sections in the Coordinator's order, each filled with what changed since the previous meeting. */
export function AgendaPanel({ meeting, manage }: { meeting: MeetingDto; manage: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { date } = useFormatters();
  const queryClient = useQueryClient();
  const key = [...meetingKeys.one(slug, meeting.id), 'agenda'];
  const agenda = useQuery({ queryKey: key, queryFn: ({ signal }) => meetingsApi.agenda(slug, meeting.id, signal) });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: meetingKeys.one(slug, meeting.id), exact: true })]);
  const [editing, setEditing] = useState<{ id: string; title: string } | null>(null);
  const layout = useMutation({
    mutationFn: (body: { agendaOrder?: string[]; agendaHidden?: string[] }) => meetingsApi.update(slug, meeting.id, body),
    onSuccess: refresh,
  });
  const item = useMutation({
    mutationFn: async (changes: { id: string; body: { title?: string; status?: 'accepted' | 'declined'; position?: number } }[]) => {
      for (const c of changes) await meetingsApi.updateAgendaItem(slug, meeting.id, c.id, c.body);
    },
    onSuccess: async () => {
      setEditing(null);
      await refresh();
    },
  });
  if (agenda.isPending) return <Loading />;
  if (agenda.isError) return <QueryErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />;
  const sections = agenda.data.sections;
  const keys = sections.map((s) => s.key);
  const shown = manage ? sections : sections.filter((s) => !s.hidden);
  const sectionTitle = (s: AgendaSectionDto) => t(`meetings.sections.${s.key}`, { defaultValue: s.title });
  const hide = (s: AgendaSectionDto) => layout.mutate({ agendaHidden: s.hidden ? meeting.agendaHidden.filter((k) => k !== s.key) : [...meeting.agendaHidden, s.key] });

  return (
    <Stack gap="sm">
      <Text c="dimmed" size="sm">
        {agenda.data.previousMeetingId ? (
          <>
            {t('meetings.agendaSince', { since: date(agenda.data.since) })}{' '}
            <Anchor component={Link} to={meetingPaths.meeting(slug, agenda.data.previousMeetingId)}>
              {t('meetings.previousMeeting')}
            </Anchor>
          </>
        ) : (
          t('meetings.agendaSinceFirst', { since: date(agenda.data.since) })
        )}
      </Text>
      {layout.error ? <ProblemAlert error={layout.error} /> : null}
      {item.error ? <ProblemAlert error={item.error} /> : null}
      <ol style={{ margin: 0, paddingInlineStart: '1.25rem' }} aria-label={t('meetings.agendaSections')}>
        {shown.map((s) => {
          const index = keys.indexOf(s.key);
          const title = sectionTitle(s);
          return (
            <li key={s.key} data-section={s.key} data-hidden={s.hidden ? 'true' : 'false'} style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
              <Group justify="space-between" gap="xs" wrap="nowrap" mt="xs">
                <Title order={3} size="h5" c={s.hidden ? 'dimmed' : undefined}>
                  {title}
                  {s.items.length > 0 && <Badge component="span" ml="xs" size="sm" variant="light" color="dark">{s.items.length}</Badge>}
                  {s.hidden && <Text span size="sm" fw={400}> · {t('meetings.sectionHidden')}</Text>}
                </Title>
                {manage && (
                  <Group gap={2} wrap="nowrap" className="tb-no-print">
                    <ActionIcon variant="subtle" color="dark" disabled={index === 0 || layout.isPending} aria-label={t('meetings.sectionUp', { section: title })} onClick={() => layout.mutate({ agendaOrder: move(keys, index, index - 1) })}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="dark" disabled={index === keys.length - 1 || layout.isPending} aria-label={t('meetings.sectionDown', { section: title })} onClick={() => layout.mutate({ agendaOrder: move(keys, index, index + 1) })}>
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="dark" disabled={layout.isPending} aria-label={s.hidden ? t('meetings.sectionShow', { section: title }) : t('meetings.sectionHide', { section: title })} onClick={() => hide(s)}>
                      {s.hidden ? <IconEye size={16} aria-hidden /> : <IconEyeOff size={16} aria-hidden />}
                    </ActionIcon>
                  </Group>
                )}
              </Group>
              {s.hidden ? null : s.items.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {s.key === 'proposed_items' ? t('meetings.noProposals') : t('meetings.nothingNew')}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {s.items.map((entry, i) => (
                    <List.Item key={entry.id}>
                      {editing?.id === entry.id ? (
                        <Group gap="xs" align="flex-end">
                          <TextInput size="xs" label={t('meetings.editItemLabel')} value={editing.title} onChange={(e) => setEditing({ id: entry.id, title: e.currentTarget.value })} />
                          <Button size="compact-sm" onClick={() => item.mutate([{ id: entry.id, body: { title: editing.title } }])}>{t('meetings.saveItem')}</Button>
                          <Button size="compact-sm" variant="default" onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
                        </Group>
                      ) : (
                        <>
                          {entry.link ? <Anchor component={Link} to={`/c/${slug}/${entry.link}`}>{entry.title}</Anchor> : entry.title}
                          {entry.detail ? <Text span c="dimmed"> · {entry.detail}</Text> : null}
                          {entry.tag ? <Badge component="span" ml="xs" size="xs" variant="light" color={TAG_COLORS[entry.tag] ?? 'gray'} c="dark">{t(`meetings.tags.${entry.tag}`, { defaultValue: entry.tag })}</Badge> : null}
                        </>
                      )}
                      {manage && s.key === 'proposed_items' && editing?.id !== entry.id && (
                        <Group gap={4} mt={2} className="tb-no-print">
                          {entry.tag !== 'accepted' && (
                            <Button size="compact-xs" variant="light" color="teal" leftSection={<IconCheck size={12} aria-hidden />} aria-label={t('meetings.acceptItem', { title: entry.title })} onClick={() => item.mutate([{ id: entry.id, body: { status: 'accepted' } }])}>
                              {t('meetings.accept')}
                            </Button>
                          )}
                          <Button size="compact-xs" variant="light" color="red" leftSection={<IconX size={12} aria-hidden />} aria-label={t('meetings.declineItem', { title: entry.title })} onClick={() => item.mutate([{ id: entry.id, body: { status: 'declined' } }])}>
                            {t('meetings.decline')}
                          </Button>
                          <Button size="compact-xs" variant="default" aria-label={t('meetings.editItem', { title: entry.title })} onClick={() => setEditing({ id: entry.id, title: entry.title })}>
                            {t('common.edit')}
                          </Button>
                          <ActionIcon size="sm" variant="subtle" color="dark" disabled={i === 0} aria-label={t('meetings.itemUp', { title: entry.title })} onClick={() => item.mutate(move(s.items, i, i - 1).map((e, position) => ({ id: e.id, body: { position } })))}>
                            <IconArrowUp size={14} aria-hidden />
                          </ActionIcon>
                          <ActionIcon size="sm" variant="subtle" color="dark" disabled={i === s.items.length - 1} aria-label={t('meetings.itemDown', { title: entry.title })} onClick={() => item.mutate(move(s.items, i, i + 1).map((e, position) => ({ id: e.id, body: { position } })))}>
                            <IconArrowDown size={14} aria-hidden />
                          </ActionIcon>
                        </Group>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
            </li>
          );
        })}
      </ol>
      <div className="tb-no-print">
        <ProposeForm meetingId={meeting.id} onDone={refresh} />
      </div>
    </Stack>
  );
}
