import { Button, Group, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoalitionDto } from '../../../shared/coalitions.contract';
import { coalitionUpdateInput } from '../../../shared/coalitions.contract';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { TimeZoneSelect } from '../../forms/TimeZoneSelect';
import { useForm } from '../../forms/useForm';
import { useCoalitionDetails } from './useCoalitionDetails';

export default function SettingsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const coalition = useCoalitionDetails(slug);
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      {coalition.isPending ? (
        <Loading />
      ) : coalition.isError ? (
        <QueryErrorState error={coalition.error} onRetry={() => void coalition.refetch()} />
      ) : (
        <SettingsForm coalition={coalition.data} />
      )}
    </>
  );
}

function SettingsForm({ coalition }: { coalition: CoalitionDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: coalition.name,
      region: coalition.region,
      timeZone: coalition.timeZone,
      mission: coalition.mission ?? '',
    },
    schema: coalitionUpdateInput,
    overrides: { timeZone: { custom: t('validation.timeZone') } },
    onSubmit: async (data) => {
      setSaved(null);
      const updated = await api.coalitions.update(coalition.slug, data);
      queryClient.setQueryData(keys.coalition(coalition.slug), updated);
      // The name also shows in the coalition switcher, which comes from /auth/me.
      await queryClient.invalidateQueries({ queryKey: keys.me });
      form.reset({ name: updated.name, region: updated.region, timeZone: updated.timeZone, mission: updated.mission ?? '' });
      setSaved(t('settings.saved'));
    },
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={720}>
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
        <Stack gap="md">
          <StatusMessage message={saved} onClose={() => setSaved(null)} />
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <TextInput label={t('settings.slug')} description={t('settings.slugHint')} value={coalition.slug} readOnly />
          <TextInput label={t('coalitions.new.name')} required {...form.textProps('name')} />
          <TextInput label={t('coalitions.new.region')} required {...form.textProps('region')} />
          <TimeZoneSelect label={t('coalitions.new.timeZone')} required {...form.textProps('timeZone')} />
          <Textarea label={t('coalitions.new.mission')} autosize minRows={3} maxRows={12} {...form.textProps('mission')} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
