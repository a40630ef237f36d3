import { ActionIcon, Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { audiences, compensations, modalities, opportunityCreateInput, opportunityKinds, opportunityStatuses, payUnits, suggestedPathways, type Audience, type OpportunityCreateInput } from '../../../../shared/opportunities.contract';
import { useCoalition } from '../../../coalition/context';
import { FormErrors } from '../../../forms/FormErrors';
import { OrganizationPicker } from '../../../forms/OrganizationPicker';
import { useForm } from '../../../forms/useForm';
import { useTpLabels } from '../labels';
import { toOpportunityInput, translateServerErrors, type OpportunityFormValues } from './opportunityFormValues';

const IMPORTANCE = [1, 2, 3, 4, 5] as const;

interface Props {
  initialValues: OpportunityFormValues;
  /** The Coordinator (or Leadership Council) picks the host; an employer's staff publish for their own organization. */
  pickHost: boolean;
  hostName: string | null;
  submitLabel: string;
  onSubmit: (input: OpportunityCreateInput) => Promise<unknown>;
  onCancel: () => void;
}

/** Create or edit an opportunity: the shared schema checks it here first; the server's 422s land on their fields. */
export function OpportunityForm({ initialValues, pickHost, hostName, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const serverMessages = {
    endsOn: t('talentPipeline.form.errors.endsOn'),
    payUnit: t('talentPipeline.form.errors.payUnit'),
    employerId: t('talentPipeline.form.errors.organization'),
    institutionId: t('talentPipeline.form.errors.organization'),
  };
  const form = useForm({
    initialValues,
    schema: opportunityCreateInput,
    toInput: toOpportunityInput,
    validate: (v): Record<string, string> => (!pickHost || v.employerId ? {} : { employerId: t('validation.required') }),
    onSubmit: async (_data, values) => {
      try {
        await onSubmit(toOpportunityInput(values));
      } catch (error) {
        throw translateServerErrors(error, serverMessages);
      }
    },
  });
  const v = form.values;
  const setSkill = (i: number, patch: Partial<OpportunityFormValues['skills'][number]>) =>
    form.setField(
      'skills',
      v.skills.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    );
  const pays = v.compensation !== 'unpaid';

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-label={submitLabel}>
      <Stack gap="md" maw={760}>
        <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('talentPipeline.opportunity.kind')} required {...form.textProps('kind')} data={opportunityKinds.map((k) => ({ value: k, label: l.kind(k) }))} />
          <NativeSelect label={t('talentPipeline.opportunity.status')} required {...form.textProps('status')} data={opportunityStatuses.map((s) => ({ value: s, label: l.opportunityStatus(s) }))} description={t('talentPipeline.form.statusHint')} />
        </SimpleGrid>
        <TextInput label={t('talentPipeline.form.title')} required {...form.textProps('title')} />
        <Textarea label={t('talentPipeline.form.description')} autosize minRows={3} {...form.textProps('description')} />
        {pickHost ? (
          <OrganizationPicker slug={slug} label={t('talentPipeline.opportunity.host')} value={v.employerId} onChange={(id) => form.setField('employerId', id)} error={form.errors.employerId} />
        ) : (
          <TextInput label={t('talentPipeline.opportunity.host')} value={hostName ?? ''} readOnly description={t('talentPipeline.form.hostYours')} error={form.errors.employerId} />
        )}
        <TextInput label={t('talentPipeline.opportunity.pathway')} list="tb-pathways" description={t('talentPipeline.form.pathwayHint')} {...form.textProps('pathway')} />
        <datalist id="tb-pathways">
          {suggestedPathways.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>

        <Fieldset legend={t('talentPipeline.form.skills')}>
          <Text size="sm" c="dimmed" mb="xs" id="tb-opp-skills-hint">
            {t('talentPipeline.form.skillsHint')}
          </Text>
          <Stack gap="xs">
            {v.skills.map((s, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput style={{ flex: 1 }} label={t('talentPipeline.form.skillName', { n: i + 1 })} value={s.name} onChange={(e) => setSkill(i, { name: e.currentTarget.value })} aria-describedby="tb-opp-skills-hint" />
                <NativeSelect
                  label={t('talentPipeline.form.importance', { n: i + 1 })}
                  value={String(s.importance)}
                  onChange={(e) => setSkill(i, { importance: Number(e.currentTarget.value) })}
                  data={IMPORTANCE.map((n) => ({ value: String(n), label: `${n} · ${t(`talentPipeline.importance.n${n}`)}` }))}
                  w={200}
                />
                <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('talentPipeline.form.removeSkill', { n: i + 1 })} onClick={() => form.setField('skills', v.skills.filter((_, j) => j !== i))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {form.errors.skills && (
              <Text size="sm" c="red" role="alert">
                {form.errors.skills}
              </Text>
            )}
            <Group>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.setField('skills', [...v.skills, { name: '', importance: 3 }])} disabled={v.skills.length >= 50}>
                {t('talentPipeline.form.addSkill')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Checkbox.Group label={t('talentPipeline.form.audiences')} description={t('talentPipeline.form.audiencesHint')} value={v.audiences} onChange={(next) => form.setField('audiences', next as Audience[])} error={form.errors.audiences}>
          <Group gap="md" mt={4}>
            {audiences.map((a) => (
              <Checkbox key={a} value={a} label={l.audience(a)} />
            ))}
          </Group>
        </Checkbox.Group>

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect label={t('talentPipeline.opportunity.pay')} {...form.textProps('compensation')} data={compensations.map((c) => ({ value: c, label: l.compensation(c) }))} />
          {pays && <TextInput label={t('talentPipeline.form.payAmount')} inputMode="decimal" {...form.textProps('payAmount')} />}
          {pays && <NativeSelect label={t('talentPipeline.form.payUnit')} {...form.textProps('payUnit')} data={[{ value: '', label: '—' }, ...payUnits.map((u) => ({ value: u, label: t(`talentPipeline.payUnits.${u}`) }))]} />}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('talentPipeline.opportunity.seats')} inputMode="numeric" {...form.textProps('seats')} />
          <TextInput label={t('talentPipeline.form.hoursPerWeek')} inputMode="numeric" {...form.textProps('hoursPerWeek')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('talentPipeline.form.startsOn')} {...form.textProps('startsOn')} />
          <TextInput type="date" label={t('talentPipeline.form.endsOn')} {...form.textProps('endsOn')} />
          <TextInput type="date" label={t('talentPipeline.opportunity.deadline')} {...form.textProps('applicationDeadline')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('talentPipeline.form.modality')} {...form.textProps('modality')} data={modalities.map((m) => ({ value: m, label: l.modality(m) }))} />
          <TextInput label={t('talentPipeline.form.location')} description={v.modality === 'online' ? t('talentPipeline.form.locationOnline') : undefined} {...form.textProps('location')} />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
