import { Button, Group, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { coalitionCreateInput } from '../../../shared/coalitions.contract';
import { api, keys } from '../../api/endpoints';
import { useMe } from '../../auth/session';
import { rememberCoalition } from '../../coalition/context';
import { PageHeader } from '../../components/PageHeader';
import { FormErrors } from '../../forms/FormErrors';
import { browserTimeZone, TimeZoneSelect } from '../../forms/TimeZoneSelect';
import { useForm } from '../../forms/useForm';

/** "Los Ángeles Tech Coalition" → "los-angeles-tech-coalition" */
function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
}

export default function NewCoalitionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const first = (me?.coalitions.length ?? 0) === 0;
  const [slugTouched, setSlugTouched] = useState(false);

  const form = useForm({
    initialValues: { name: '', slug: '', region: '', timeZone: browserTimeZone(), mission: '' },
    schema: coalitionCreateInput,
    overrides: { slug: { invalid_format: t('validation.slug') }, timeZone: { custom: t('validation.timeZone') } },
    onSubmit: async (data) => {
      const created = await api.coalitions.create(data);
      rememberCoalition(created.slug);
      await queryClient.invalidateQueries({ queryKey: keys.me });
      navigate(`/c/${created.slug}`, { state: { flash: t('coalitions.new.created', { name: created.name }) } });
    },
  });

  return (
    <>
      <PageHeader
        title={t('coalitions.new.title')}
        description={first ? t('coalitions.new.firstIntro') : t('coalitions.new.intro')}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={720}>
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
          <Stack gap="md">
            <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
            <TextInput
              label={t('coalitions.new.name')}
              required
              {...form.textProps('name')}
              onChange={(e) => {
                const name = e.currentTarget.value;
                form.setField('name', name);
                if (!slugTouched) form.setField('slug', slugify(name));
              }}
            />
            <TextInput
              label={t('coalitions.new.slug')}
              description={t('coalitions.new.slugHint', { slug: form.values.slug || 'my-coalition' })}
              required
              autoCapitalize="none"
              spellCheck={false}
              {...form.textProps('slug')}
              onChange={(e) => {
                setSlugTouched(true);
                form.setField('slug', e.currentTarget.value);
              }}
            />
            <TextInput
              label={t('coalitions.new.region')}
              description={t('coalitions.new.regionHint')}
              required
              {...form.textProps('region')}
            />
            <TimeZoneSelect label={t('coalitions.new.timeZone')} required {...form.textProps('timeZone')} />
            <Textarea label={t('coalitions.new.mission')} autosize minRows={3} maxRows={10} {...form.textProps('mission')} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t('coalitions.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
