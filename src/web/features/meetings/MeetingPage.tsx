import { Anchor, Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCalendarDown, IconEdit, IconFileTypePdf, IconPrinter, IconVideo } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { StatusMessage } from '../../components/StatusMessage';
import type { MeetingDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { ActionItemsPanel } from './ActionItemsPanel';
import { AgendaPanel } from './AgendaPanel';
import { meetingFiles, meetingKeys, meetingsApi } from './api';
import { AttendancePanel } from './AttendancePanel';
import { MinutesPanel } from './MinutesPanel';
import { meetingPaths } from './paths';
import './print.css';
import { canRunMeetings, useWhen } from './ui';

function Rsvp({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (rsvp: 'yes' | 'no' | 'maybe') => meetingsApi.rsvp(slug, meeting.id, rsvp),
    onSuccess: async (updated) => {
      queryClient.setQueryData(meetingKeys.one(slug, meeting.id), updated);
      await queryClient.invalidateQueries({ queryKey: [...meetingKeys.one(slug, meeting.id), 'invitees'] });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.list(slug) });
    },
  });
  // The answer shows at once; it goes back if the server refuses it.
  const saved = meeting.myRsvp === 'pending' || meeting.myRsvp === null ? '' : meeting.myRsvp;
  const [choice, setChoice] = useState(saved);
  if (meeting.myRsvp === null) return <Text size="sm" c="dimmed">{t('meetings.notInvitedLong')}</Text>;
  const choose = (v: string) => {
    setChoice(v);
    answer.mutate(v as 'yes' | 'no' | 'maybe', { onError: () => setChoice(saved) });
  };
  return (
    <>
      <Radio.Group label={t('meetings.rsvpQuestion')} value={choice} onChange={choose}>
        <Group mt="xs">
          {(['yes', 'maybe', 'no'] as const).map((r) => (
            <Radio key={r} value={r} label={t(`meetings.rsvps.${r}`)} />
          ))}
        </Group>
      </Radio.Group>
      {answer.error ? <ProblemAlert error={answer.error} /> : null}
    </>
  );
}

/** Cancel, behind a confirmation with an optional reason (a 422 on it shows on the field). */
function CancelMeeting({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  return (
    <ConfirmButton
      title={t('meetings.cancelTitle', { title: meeting.title })}
      confirmLabel={t('meetings.cancelConfirm')}
      body={
        <Stack gap="sm">
          <Text size="sm">{t('meetings.cancelBody')}</Text>
          <Textarea label={t('meetings.cancelReason')} description={t('meetings.cancelReasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} autosize minRows={2} maxLength={1000} />
        </Stack>
      }
      onConfirm={async () => {
        setReasonError(undefined);
        try {
          await meetingsApi.remove(slug, meeting.id, reason.trim() || undefined);
        } catch (error) {
          if (isApiError(error)) setReasonError(error.fieldErrors.find((e) => e.path === 'reason')?.message);
          throw error;
        }
        queryClient.removeQueries({ queryKey: meetingKeys.one(slug, meeting.id) });
        await queryClient.invalidateQueries({ queryKey: meetingKeys.all(slug) });
        navigate(meetingPaths.list(slug), { state: { message: t('meetings.cancelled', { title: meeting.title }) } });
      }}
    >
      {t('meetings.cancelMeeting')}
    </ConfirmButton>
  );
}

/** One meeting: details and RSVP, the live agenda, attendance, action items, minutes and decisions, the follow-up. */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { slug, membership } = useCoalition();
  const when = useWhen();
  const flash = (useLocation().state as { message?: string } | null)?.message;
  const meeting = useQuery({ queryKey: meetingKeys.one(slug, id), queryFn: ({ signal }) => meetingsApi.get(slug, id, signal) });
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <QueryErrorState error={meeting.error} onRetry={() => void meeting.refetch()} fullPage />;
  const m = meeting.data;
  const manage = canRunMeetings(membership.roles);
  return (
    <>
      <PageHeader
        title={m.title}
        description={
          <>
            <Badge component="span" variant="light" color="dark" mr="xs">{t(`meetings.kinds.${m.kind}`)}</Badge>
            {when(m)} · {t('meetings.minutesLong', { count: m.durationMinutes })}
            {m.location ? ` · ${m.location}` : ''}
          </>
        }
        back={{ to: meetingPaths.list(slug), label: t('meetings.back') }}
        actions={
          <Group gap="xs" className="tb-no-print">
            <Button component="a" href={meetingFiles.agendaPdf(slug, m.id)} variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />}>
              {t('meetings.downloadPdf')}
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
              {t('meetings.print')}
            </Button>
            <Button component="a" href={meetingFiles.ics(slug, m.id)} variant="default" leftSection={<IconCalendarDown size={16} aria-hidden />}>
              {t('meetings.downloadIcs')}
            </Button>
            {manage && (
              <>
                <Button component={Link} to={meetingPaths.edit(slug, m.id)} variant="default" leftSection={<IconEdit size={16} aria-hidden />}>
                  {t('meetings.edit')}
                </Button>
                <CancelMeeting meeting={m} />
              </>
            )}
          </Group>
        }
      />
      <StatusMessage message={flash} />
      <Paper withBorder p="md" mb="lg" component="section" aria-label={t('meetings.details')}>
        <Stack gap="sm">
          {m.videoUrl && (
            <Group gap={6}>
              <IconVideo size={18} aria-hidden />
              <Anchor href={m.videoUrl} target="_blank" rel="noreferrer">
                {t('meetings.joinVideo')} <span className="tb-sr-only">{t('common.opensInNewTab')}</span>
              </Anchor>
            </Group>
          )}
          {m.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{m.description}</Text>}
          <Rsvp meeting={m} />
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="agenda-heading">
          <Title order={2} size="h3" id="agenda-heading" mb="xs">
            {t('meetings.agenda')}
          </Title>
          <AgendaPanel meeting={m} manage={manage} />
        </Paper>
        <Stack gap="lg">
          <Paper withBorder p="md" component="section" aria-labelledby="attendance-heading">
            <Title order={2} size="h3" id="attendance-heading" mb="xs">
              {t('meetings.attendance')}
            </Title>
            <AttendancePanel meeting={m} manage={manage} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="actions-heading">
            <Title order={2} size="h3" id="actions-heading" mb="xs">
              {t('meetings.actionItems')}
            </Title>
            <ActionItemsPanel meeting={m} manage={manage} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="minutes-heading">
            <Title order={2} size="h3" id="minutes-heading" mb="xs">
              {t('meetings.minutesAndDecisions')}
            </Title>
            <MinutesPanel key={m.id} meeting={m} manage={manage} />
          </Paper>
        </Stack>
      </SimpleGrid>
    </>
  );
}
