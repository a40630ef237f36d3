import { Group, Textarea, TextInput } from '@mantine/core';
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The fields scheduling and editing a meeting share, bound through useForm's textProps. */
type Field = 'startsAt' | 'durationMinutes' | 'location' | 'videoUrl' | 'description';
type TextProps = (key: Field) => {
  name: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
  error: string | undefined;
};

/** Start (in the coalition's zone) and length; `before` goes first in the row (the kind, when scheduling). */
export function MeetingTimeFields({ textProps, zone, before }: { textProps: TextProps; zone: string; before?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      {before}
      <TextInput type="datetime-local" label={t('meetings.fieldStartsAt', { zone })} required {...textProps('startsAt')} />
      <TextInput type="number" min={5} max={1440} label={t('meetings.fieldDuration')} required {...textProps('durationMinutes')} />
    </Group>
  );
}

/** Place or video link, then the description with the agenda notes. */
export function MeetingPlaceFields({ textProps, descriptionRows }: { textProps: TextProps; descriptionRows: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Group grow align="flex-start">
        <TextInput label={t('meetings.fieldLocation')} {...textProps('location')} />
        <TextInput type="url" label={t('meetings.fieldVideo')} placeholder="https://" {...textProps('videoUrl')} />
      </Group>
      <Textarea label={t('meetings.fieldDescription')} autosize minRows={descriptionRows} {...textProps('description')} />
    </>
  );
}
