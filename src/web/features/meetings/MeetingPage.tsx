import { Alert, Anchor, Badge, Button, Checkbox, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { actionItemCreateInput } from '../../../shared/meetings.contract';
import { API_BASE } from '../../api/client';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { meetingKeys, meetingsApi } from './api';
import { canRunMeetings, useWhen } from './MeetingsPage';

function AgendaSection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { slug } = useCoalition();
  const agenda = useQuery({ queryKey: [...meetingKeys.one(slug, id), 'agenda'], queryFn: ({ signal }) => meetingsApi.agenda(slug, id, signal) });
  if (agenda.isPending) return <Loading />;
  if (agenda.isError) return <QueryErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />;
  return (
    <Stack gap="sm">
      <Text c="dimmed" size="sm">
        {t('meetings.agendaSince', { since: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(agenda.data.since)) })}
      </Text>
      <ol style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        {agenda.data.sections
          .filter((s) => !s.hidden)
          .map((s) => (
            <li key={s.key} data-section={s.key}>
              <Title order={3} size="h5" mt="xs">
                {t(`meetings.sections.${s.key}`, { defaultValue: s.title })}
              </Title>
              {s.items.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('meetings.nothingNew')}
                </Text>
              ) : (
                <List size="sm" spacing={2}>
                  {s.items.map((item) => (
                    <List.Item key={item.id}>
                      {item.title}
                      {item.detail ? <Text span c="dimmed"> · {item.detail}</Text> : null}
                      {item.tag ? <Badge ml="xs" size="xs" variant="light">{item.tag}</Badge> : null}
                    </List.Item>
                  ))}
                </List>
              )}
            </li>
          ))}
      </ol>
    </Stack>
  );
}

function AttendanceSection({ id, manage }: { id: string; manage: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const invitees = useQuery({ queryKey: [...meetingKeys.one(slug, id), 'invitees'], queryFn: ({ signal }) => meetingsApi.invitees(slug, id, signal) });
  const [error, setError] = useState<unknown>(null);
  if (invitees.isPending) return <Loading />;
  if (invitees.isError) return <QueryErrorState error={invitees.error} onRetry={() => void invitees.refetch()} />;
  const toggle = async (personId: string, attended: boolean) => {
    try {
      setError(null);
      queryClient.setQueryData([...meetingKeys.one(slug, id), 'invitees'], await meetingsApi.checkIn(slug, id, personId, attended));
      await queryClient.invalidateQueries({ queryKey: meetingKeys.one(slug, id) });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      <Table.ScrollContainer minWidth={500}>
        <Table verticalSpacing={4}>
          <Table.Caption>{t('meetings.attendanceCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('meetings.colPerson')}</Table.Th>
              <Table.Th scope="col">{t('meetings.colOrganization')}</Table.Th>
              <Table.Th scope="col">{t('meetings.colRsvp')}</Table.Th>
              <Table.Th scope="col">{t('meetings.colAttended')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitees.data.map((p) => (
              <Table.Tr key={p.personId}>
                <Table.Th scope="row" fw={400}>{p.name}</Table.Th>
                <Table.Td>{p.organizationName ?? ''}</Table.Td>
                <Table.Td>{t(`meetings.rsvps.${p.rsvp}`)}</Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('meetings.attendedLabel', { name: p.name })} checked={p.attended} disabled={!manage} onChange={(e) => void toggle(p.personId, e.currentTarget.checked)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function ActionItemsSection({ id, manage }: { id: string; manage: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const key = [...meetingKeys.one(slug, id), 'action-items'];
  const items = useQuery({ queryKey: key, queryFn: ({ signal }) => meetingsApi.actionItems(slug, id, signal) });
  const invitees = useQuery({ queryKey: [...meetingKeys.one(slug, id), 'invitees'], queryFn: ({ signal }) => meetingsApi.invitees(slug, id, signal) });
  const form = useForm({
    initialValues: { title: '', ownerId: '', dueOn: '' },
    schema: actionItemCreateInput,
    onSubmit: async (data) => {
      await meetingsApi.addActionItem(slug, id, data);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  if (items.isPending) return <Loading />;
  if (items.isError) return <QueryErrorState error={items.error} onRetry={() => void items.refetch()} />;
  return (
    <Stack gap="sm">
      {items.data.length === 0 ? (
        <Text c="dimmed">{t('meetings.noActionItems')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table verticalSpacing={4}>
            <Table.Caption>{t('meetings.actionItemsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('meetings.colTitle')}</Table.Th>
                <Table.Th scope="col">{t('meetings.colOwner')}</Table.Th>
                <Table.Th scope="col">{t('meetings.colDue')}</Table.Th>
                <Table.Th scope="col">{t('meetings.colStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Th scope="row" fw={400}>{i.title}</Table.Th>
                  <Table.Td>{i.owner?.name ?? ''}</Table.Td>
                  <Table.Td>{i.dueOn}</Table.Td>
                  <Table.Td>{t(`meetings.statuses.${i.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage && (
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="add-action-item">
          <Stack gap="xs">
            <Title order={3} size="h5" id="add-action-item">
              {t('meetings.addActionItem')}
            </Title>
            <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
            <TextInput label={t('meetings.fieldTitle')} required {...form.textProps('title')} />
            <Group grow align="flex-start">
              <NativeSelect label={t('meetings.fieldOwner')} required data={[{ value: '', label: '' }, ...(invitees.data ?? []).map((p) => ({ value: p.personId, label: p.name }))]} {...form.textProps('ownerId')} />
              <TextInput type="date" label={t('meetings.fieldDue')} required {...form.textProps('dueOn')} />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t('meetings.addActionItem')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function MinutesSection({ id, initial, manage }: { id: string; initial: string; manage: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(initial);
  const [state, setState] = useState<{ saved?: boolean; queued?: boolean; error?: unknown }>({});
  const save = async () => {
    try {
      await meetingsApi.update(slug, id, { minutes });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.one(slug, id) });
      setState({ saved: true });
    } catch (error) {
      setState({ error });
    }
  };
  const followUp = async () => {
    try {
      await meetingsApi.followUp(slug, id);
      setState({ queued: true });
    } catch (error) {
      setState({ error });
    }
  };
  if (!manage) return <Text style={{ whiteSpace: 'pre-wrap' }}>{initial || '—'}</Text>;
  return (
    <Stack gap="xs">
      <Textarea label={t('meetings.minutes')} autosize minRows={4} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void save()}>
          {t('meetings.saveMinutes')}
        </Button>
        <Button onClick={() => void followUp()}>{t('meetings.sendFollowUp')}</Button>
      </Group>
      <div role="status">
        {state.saved ? <Alert color="green">{t('meetings.minutesSaved')}</Alert> : null}
        {state.queued ? <Alert color="green">{t('meetings.followUpQueued')}</Alert> : null}
      </div>
      {state.error ? <ProblemAlert error={state.error} /> : null}
    </Stack>
  );
}

/** One meeting: its live agenda, attendance, minutes and action items. */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { slug, membership } = useCoalition();
  const when = useWhen();
  const meeting = useQuery({ queryKey: meetingKeys.one(slug, id), queryFn: ({ signal }) => meetingsApi.get(slug, id, signal) });
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <QueryErrorState error={meeting.error} onRetry={() => void meeting.refetch()} fullPage />;
  const m = meeting.data;
  const manage = canRunMeetings(membership.roles);
  const base = `${API_BASE}/coalitions/${slug}/meetings/${m.id}`;
  return (
    <>
      <PageHeader
        title={m.title}
        description={`${t(`meetings.kinds.${m.kind}`)} · ${when(m)} · ${m.durationMinutes} min${m.location ? ` · ${m.location}` : ''}`}
        back={{ to: `/c/${slug}/meetings`, label: t('meetings.back') }}
        actions={
          <Group gap="xs">
            <Anchor href={`${base}/agenda.pdf`}>{t('meetings.downloadPdf')}</Anchor>
            <Anchor href={`${base}/calendar.ics`}>{t('meetings.downloadIcs')}</Anchor>
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="agenda-heading">
          <Title order={2} size="h3" id="agenda-heading" mb="xs">
            {t('meetings.agenda')}
          </Title>
          <AgendaSection id={m.id} />
        </Paper>
        <Stack gap="lg">
          <Paper withBorder p="md" component="section" aria-labelledby="attendance-heading">
            <Title order={2} size="h3" id="attendance-heading" mb="xs">
              {t('meetings.attendance')}
            </Title>
            <AttendanceSection id={m.id} manage={manage} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="actions-heading">
            <Title order={2} size="h3" id="actions-heading" mb="xs">
              {t('meetings.actionItems')}
            </Title>
            <ActionItemsSection id={m.id} manage={manage} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="minutes-heading">
            <Title order={2} size="h3" id="minutes-heading" mb="xs">
              {t('meetings.minutes')}
            </Title>
            <MinutesSection id={m.id} initial={m.minutes ?? ''} manage={manage} />
          </Paper>
        </Stack>
      </SimpleGrid>
    </>
  );
}
