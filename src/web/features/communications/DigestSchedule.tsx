import { Button, Card, Group, NativeSelect, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigestScheduleInput } from '../../../shared/communications.contract';
import { isApiError } from '../../api/client';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFormatters } from '../../i18n/format';
import { commsApi, commsKeys } from './api';

// 2024-01-01 was a Monday: weekday n (1 = Monday … 7 = Sunday) is that date plus n − 1 days.
const weekdayName = (n: number, locale: string) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, n)));

/** When the weekly digest starts itself (Coordinator): weekday and hour in the coalition's time zone, last and next run. */
export function DigestSchedule() {
  const { t, i18n } = useTranslation();
  const { slug } = useCoalition();
  const { date } = useFormatters();
  // Times read in the coalition's zone, which the text names.
  const zoned = (iso: string, timeZone: string) => new Intl.DateTimeFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
  const queryClient = useQueryClient();
  const schedule = useQuery({ queryKey: commsKeys.digestSchedule(slug), queryFn: ({ signal }) => commsApi.digestSchedule(slug, signal) });
  const [form, setForm] = useState<DigestScheduleInput | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (schedule.data && !form) setForm({ weekday: schedule.data.weekday, hour: schedule.data.hour, enabled: schedule.data.enabled });
  }, [schedule.data, form]);
  const save = useMutation({
    mutationFn: (input: DigestScheduleInput) => commsApi.saveDigestSchedule(slug, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(commsKeys.digestSchedule(slug), saved);
      setMessage(saved.nextRunAt ? t('communications.schedule.saved', { next: zoned(saved.nextRunAt, saved.timeZone) }) : t('communications.schedule.savedOff'));
    },
  });
  const fieldError = (path: string) => (isApiError(save.error) ? save.error.fieldErrors.find((e) => e.path === path)?.message : undefined);

  if (schedule.isPending || (schedule.data && !form)) return <Loading />;
  if (schedule.isError) return <QueryErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />;
  const data = schedule.data;
  const last = data.lastRun;
  return (
    <Card withBorder padding="md" mb="md" component="section" aria-labelledby="digest-schedule-heading">
      <Title order={3} size="h4" id="digest-schedule-heading" mb={4}>
        {t('communications.schedule.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('communications.schedule.intro', { zone: data.timeZone })}
      </Text>
      <Text size="sm">
        {last
          ? t(last.startedBy === 'schedule' ? 'communications.schedule.lastBySchedule' : 'communications.schedule.lastByPerson', { week: date(last.weekOf), at: zoned(last.startedAt, data.timeZone) })
          : t('communications.schedule.neverRan')}
      </Text>
      <Text size="sm" mb="sm">
        {data.nextRunAt ? t('communications.schedule.next', { at: zoned(data.nextRunAt, data.timeZone), zone: data.timeZone }) : t('communications.schedule.off')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setMessage(null);
          if (form) save.mutate(form);
        }}
      >
        <Group align="flex-end" gap="md" wrap="wrap">
          <NativeSelect
            label={t('communications.schedule.weekday')}
            value={String(form!.weekday)}
            onChange={(e) => setForm({ ...form!, weekday: Number(e.currentTarget.value) })}
            data={[1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: String(n), label: weekdayName(n, i18n.language) }))}
            error={fieldError('weekday')}
          />
          <NativeSelect
            label={t('communications.schedule.hour', { zone: data.timeZone })}
            value={String(form!.hour)}
            onChange={(e) => setForm({ ...form!, hour: Number(e.currentTarget.value) })}
            data={Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }))}
            error={fieldError('hour')}
          />
          <Switch label={t('communications.schedule.enabled')} checked={form!.enabled} onChange={(e) => setForm({ ...form!, enabled: e.currentTarget.checked })} mb={8} />
          <Button type="submit" loading={save.isPending}>
            {t('communications.schedule.save')}
          </Button>
        </Group>
      </form>
      <StatusMessage message={message} />
      {save.error && !fieldError('weekday') && !fieldError('hour') ? <ProblemAlert error={save.error} /> : null}
    </Card>
  );
}
