import { Button, Group, NativeSelect, NumberInput, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { engagementKinds, engagementRequestInput, type EngagementKind } from '../../../../shared/engagements.contract';
import { useCoalition } from '../../../coalition/context';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { tpApi, tpKeys } from '../api';
import { useTpLabels } from '../labels';
import { useOrganizations } from './useOrganizations';

type Field = 'kind' | 'title' | 'schoolId' | 'employerId' | 'requestedOn' | 'quantity' | 'notes';

/** A school asks for a classroom engagement (the Coordinator may file one for a school). Same employer, same day: refused as a duplicate. */
export function RequestForm({ coordinator, onDone }: { coordinator: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const queryClient = useQueryClient();
  const { employers, schools } = useOrganizations();
  const [v, setV] = useState({ kind: 'guest_speaker' as EngagementKind, title: '', schoolId: '', employerId: '', requestedOn: '', quantity: 1, notes: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const create = useMutation({
    mutationFn: (body: Parameters<typeof tpApi.createRequest>[1]) => tpApi.createRequest(slug, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tpKeys.all(slug) });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...v, schoolId: v.schoolId || null, employerId: v.employerId || null };
    const parsed = engagementRequestInput.safeParse(body);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Field] ??= issue.path[0] === 'requestedOn' ? t('talentPipeline.engagements.dateRequired') : t('validation.required');
      setErrors(next);
      return;
    }
    if (coordinator && !v.schoolId) {
      setErrors({ schoolId: t('validation.required') });
      return;
    }
    setErrors({});
    create.mutate(body);
  };
  const fieldErrors = Object.fromEntries((create.error as { fieldErrors?: { path: string; message: string }[] } | null)?.fieldErrors?.map((f) => [f.path, f.message]) ?? []);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="tb-request-form">
      <Title order={3} size="h4" id="tb-request-form" mb="xs">
        {t('talentPipeline.engagements.newRequest')}
      </Title>
      <Stack gap="sm" maw={640}>
        <NativeSelect label={t('talentPipeline.engagements.kind')} required value={v.kind} onChange={(e) => setV({ ...v, kind: e.currentTarget.value as EngagementKind })} data={engagementKinds.map((k) => ({ value: k, label: l.engagementKind(k) }))} />
        <TextInput label={t('talentPipeline.engagements.requestTitle')} required value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} error={errors.title} />
        {coordinator && <NativeSelect label={t('talentPipeline.engagements.school')} required value={v.schoolId} onChange={(e) => setV({ ...v, schoolId: e.currentTarget.value })} data={[{ value: '', label: t('talentPipeline.sharing.choose') }, ...schools]} error={errors.schoolId ?? fieldErrors.schoolId} />}
        <NativeSelect label={t('talentPipeline.engagements.preferredEmployer')} value={v.employerId} onChange={(e) => setV({ ...v, employerId: e.currentTarget.value })} data={[{ value: '', label: t('talentPipeline.engagements.anyEmployer') }, ...employers]} error={fieldErrors.employerId} />
        <Group gap="sm" align="flex-start">
          <TextInput type="date" label={t('talentPipeline.engagements.date')} required value={v.requestedOn} onChange={(e) => setV({ ...v, requestedOn: e.currentTarget.value })} error={errors.requestedOn} />
          <NumberInput label={t('talentPipeline.engagements.quantity')} min={1} max={1000} allowDecimal={false} value={v.quantity} onChange={(x) => setV({ ...v, quantity: typeof x === 'number' ? x : Number(x) || 1 })} error={errors.quantity} w={140} />
        </Group>
        <Textarea label={t('talentPipeline.engagements.notes')} autosize minRows={2} value={v.notes} onChange={(e) => setV({ ...v, notes: e.currentTarget.value })} />
        {create.isError && <ProblemAlert error={create.error} />}
        <Group gap="sm">
          <Button type="submit" loading={create.isPending}>
            {t('talentPipeline.engagements.submitRequest')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
