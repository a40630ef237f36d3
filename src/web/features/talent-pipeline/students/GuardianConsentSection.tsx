import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guardianConsentInput, type StudentDto } from '../../../../shared/students.contract';
import { useCoalition } from '../../../coalition/context';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { StatusMessage } from '../../../components/StatusMessage';
import { FormErrors } from '../../../forms/FormErrors';
import { useForm } from '../../../forms/useForm';
import { useFormatters } from '../../../i18n/format';
import { tpApi, tpKeys } from '../api';
import { translateServerErrors } from '../opportunities/opportunityFormValues';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A minor's guardian consent: what is on record, and (for their school's staff and the Coordinator,
 * as the students policy says; never the student) recording one or revoking it.
 */
export function GuardianConsentSection({ s }: { s: StudentDto }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const mayRecord = s.isMinor === true && (s.viewerRelation === 'coordinator' || s.viewerRelation === 'institution');
  const refresh = () => queryClient.invalidateQueries({ queryKey: tpKeys.all(slug) });
  const form = useForm({
    initialValues: { guardianName: '', relationship: '', method: '', givenOn: today() },
    schema: guardianConsentInput,
    overrides: { givenOn: { invalid_format: t('talentPipeline.consent.dateRequired') } },
    onSubmit: async (data) => {
      try {
        await tpApi.recordConsent(slug, s.id, data);
      } catch (error) {
        // The server's own check (not in the future) comes back in English: shown in the UI language.
        throw translateServerErrors(error, { givenOn: t('talentPipeline.consent.future') });
      }
      form.reset();
      setOpen(false);
      setMessage(t('talentPipeline.consent.recorded'));
      await refresh();
    },
  });
  const c = s.guardianConsent;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-student-minor">
      <Title order={2} size="h4" id="tb-student-minor" mb="xs">
        {t('talentPipeline.student.guardian')}
      </Title>
      <StatusMessage message={message} onClose={() => setMessage(null)} mb="sm" />
      <Text size="sm">
        {!s.isMinor
          ? t('talentPipeline.student.adult')
          : c
            ? t('talentPipeline.student.consentGiven', { name: c.guardianName, date: f.date(`${c.givenOn}T12:00:00`) })
            : t('talentPipeline.student.consentMissing')}
      </Text>
      {s.isMinor && c && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('talentPipeline.consent.details', { relationship: c.relationship, method: c.method, by: c.recordedBy ?? '—', at: f.date(c.recordedAt) })}
        </Text>
      )}
      {mayRecord && c && (
        <Group mt="sm">
          <ConfirmButton
            variant="light"
            color="red"
            size="xs"
            title={t('talentPipeline.consent.revokeTitle')}
            body={t('talentPipeline.consent.revokeBody', { name: `${s.firstName} ${s.lastName}` })}
            confirmLabel={t('talentPipeline.consent.revoke')}
            onConfirm={async () => {
              await tpApi.revokeConsent(slug, s.id);
              setMessage(t('talentPipeline.consent.revoked'));
              await refresh();
            }}
          >
            {t('talentPipeline.consent.revoke')}
          </ConfirmButton>
        </Group>
      )}
      {mayRecord && !c && !open && (
        <Group mt="sm">
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            {t('talentPipeline.consent.record')}
          </Button>
        </Group>
      )}
      {mayRecord && !c && open && (
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="tb-consent-form">
          <Title order={3} size="h5" id="tb-consent-form" mt="md" mb="xs">
            {t('talentPipeline.consent.formTitle')}
          </Title>
          <Stack gap="sm">
            <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
            <TextInput label={t('talentPipeline.consent.guardianName')} required {...form.textProps('guardianName')} />
            <TextInput label={t('talentPipeline.consent.relationship')} description={t('talentPipeline.consent.relationshipHint')} required {...form.textProps('relationship')} />
            <TextInput label={t('talentPipeline.consent.method')} description={t('talentPipeline.consent.methodHint')} required {...form.textProps('method')} />
            <TextInput type="date" label={t('talentPipeline.consent.givenOn')} required max={today()} {...form.textProps('givenOn')} />
            <Group gap="sm">
              <Button type="submit" size="sm" loading={form.submitting}>
                {t('talentPipeline.consent.save')}
              </Button>
              <Button
                size="sm"
                variant="default"
                onClick={() => {
                  form.reset();
                  setOpen(false);
                }}
              >
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
