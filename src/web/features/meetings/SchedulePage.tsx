import { Button, Group, NativeSelect, Paper, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { meetingCreateInput, meetingKinds, recurrenceFrequencies } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { meetingKeys, meetingsApi } from './api';
import { MeetingPlaceFields, MeetingTimeFields } from './MeetingFields';
import { AudienceFields, emptyAudienceValue, type AudienceValue } from './AudienceFields';
import { meetingPaths } from './paths';
import { useCoalitionZone } from './ui';
import { localInputToIso } from './zoned';

/** Schedule a meeting: kind, time in the coalition's zone, recurrence, place or video link, invitees. */
export default function SchedulePage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const zone = useCoalitionZone();
  const [audience, setAudience] = useState<AudienceValue>(emptyAudienceValue);
  const form = useForm({
    initialValues: { title: '', kind: 'coalition_meeting', startsAt: '', durationMinutes: '90', repeat: '', count: '4', location: '', videoUrl: '', description: '' },
    schema: meetingCreateInput,
    toInput: (v) => ({
      title: v.title,
      kind: v.kind,
      startsAt: zone ? localInputToIso(v.startsAt, zone) : '',
      durationMinutes: Number(v.durationMinutes),
      location: v.location,
      videoUrl: v.videoUrl,
      description: v.description,
      recurrence: v.repeat ? { frequency: v.repeat, count: Number(v.count) } : null,
      audience: { ...audience, personIds: [] },
    }),
    onSubmit: async (data) => {
      const created = await meetingsApi.create(slug, data);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.all(slug) });
      navigate(meetingPaths.meeting(slug, created.id));
    },
  });
  if (!zone) return <Loading />;
  // Recurrence errors come back under `recurrence.count`; show them on the count field.
  const countError = form.errors['count'] ?? form.errors['recurrence.count'] ?? form.errors['recurrence'];
  return (
    <>
      <PageHeader title={t('meetings.schedule')} description={t('meetings.scheduleIntro', { zone })} back={{ to: meetingPaths.list(slug), label: t('meetings.back') }} />
      <Paper withBorder p="md" maw={860}>
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-label={t('meetings.schedule')}>
          <Stack gap="md">
            <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
            <TextInput label={t('meetings.fieldTitle')} required {...form.textProps('title')} />
            <MeetingTimeFields
              textProps={form.textProps}
              zone={zone}
              before={<NativeSelect label={t('meetings.fieldKind')} data={meetingKinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} {...form.textProps('kind')} />}
            />
            <Group grow align="flex-start">
              <NativeSelect
                label={t('meetings.fieldRepeat')}
                data={[{ value: '', label: t('meetings.repeatNone') }, ...recurrenceFrequencies.map((f) => ({ value: f, label: t(`meetings.repeat.${f}`) }))]}
                {...form.textProps('repeat')}
              />
              <TextInput type="number" min={2} max={52} label={t('meetings.fieldCount')} description={t('meetings.fieldCountHint')} disabled={!form.values.repeat} {...form.textProps('count')} error={countError} />
            </Group>
            <MeetingPlaceFields textProps={form.textProps} descriptionRows={2} />
            <AudienceFields idPrefix="invite" legend={t('meetings.audience.legend')} description={t('meetings.audience.meetingHint')} value={audience} onChange={setAudience} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t('meetings.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
