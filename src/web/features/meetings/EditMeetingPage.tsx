import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { meetingUpdateInput, type MeetingDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { meetingKeys, meetingsApi } from './api';
import { MeetingPlaceFields, MeetingTimeFields } from './MeetingFields';
import { meetingPaths } from './paths';
import { isoToLocalInput, localInputToIso } from './zoned';

/** Edit a meeting: title, time in the coalition's zone, length, place or video link, agenda notes. */
export default function EditMeetingPage() {
  const { id = '' } = useParams();
  const { slug } = useCoalition();
  const meeting = useQuery({ queryKey: meetingKeys.one(slug, id), queryFn: ({ signal }) => meetingsApi.get(slug, id, signal) });
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <QueryErrorState error={meeting.error} onRetry={() => void meeting.refetch()} fullPage />;
  return <EditForm meeting={meeting.data} />;
}

function EditForm({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const zone = meeting.timeZone;
  const form = useForm({
    initialValues: {
      title: meeting.title,
      startsAt: isoToLocalInput(meeting.startsAt, zone),
      durationMinutes: String(meeting.durationMinutes),
      location: meeting.location ?? '',
      videoUrl: meeting.videoUrl ?? '',
      description: meeting.description ?? '',
    },
    schema: meetingUpdateInput,
    toInput: (v) => ({
      title: v.title,
      startsAt: localInputToIso(v.startsAt, zone),
      durationMinutes: Number(v.durationMinutes),
      location: v.location,
      videoUrl: v.videoUrl,
      description: v.description,
    }),
    onSubmit: async (data) => {
      const saved = await meetingsApi.update(slug, meeting.id, data);
      queryClient.setQueryData(meetingKeys.one(slug, meeting.id), saved);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.all(slug) });
      navigate(meetingPaths.meeting(slug, meeting.id), { state: { message: t('meetings.saved') } });
    },
  });
  return (
    <>
      <PageHeader title={t('meetings.edit')} description={t('meetings.editIntro', { zone })} back={{ to: meetingPaths.meeting(slug, meeting.id), label: meeting.title }} />
      <Paper withBorder p="md" maw={860}>
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-label={t('meetings.edit')}>
          <Stack gap="md">
            <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
            <TextInput label={t('meetings.fieldTitle')} required {...form.textProps('title')} />
            <MeetingTimeFields textProps={form.textProps} zone={zone} />
            <MeetingPlaceFields textProps={form.textProps} descriptionRows={3} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t('meetings.saveChanges')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
