import { Button, Checkbox, Grid, Group, NativeSelect, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { initiativeCategories, initiativeCreateInput, initiativeStatuses, knownMetricKeys, recommendations, strategicPriorities } from '../../../shared/initiatives.contract';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { intOf, usePeople } from './util';

type Output = z.output<typeof initiativeCreateInput>;

/** Propose or add an initiative, validated with the shared initiativeCreateInput schema. */
export function InitiativeForm({ slug, sessionId, onSubmit, cancelTo }: { slug: string; sessionId?: string | undefined; onSubmit: (data: Output) => Promise<unknown>; cancelTo: string }) {
  const { t } = useTranslation();
  const people = usePeople(slug);
  const form = useForm({
    initialValues: {
      title: '',
      category: '',
      customCategory: '',
      description: '',
      status: 'proposed',
      ownerId: '',
      strategicPriorities: [] as string[],
      recommendations: [] as string[],
      goalMetric: '',
      goalTarget: '',
      startsOn: '',
      targetFinishOn: '',
    },
    schema: initiativeCreateInput,
    toInput: (v) => ({
      title: v.title,
      category: v.category || undefined,
      customCategory: v.customCategory,
      description: v.description,
      status: v.status,
      ownerId: v.ownerId || null,
      strategySessionId: sessionId ?? null,
      strategicPriorities: v.strategicPriorities,
      recommendations: v.recommendations.map(Number),
      goals: v.goalMetric ? [{ metricKey: v.goalMetric, target: intOf(v.goalTarget), description: null }] : [],
      startsOn: v.startsOn || null,
      targetFinishOn: v.targetFinishOn || null,
    }),
    onSubmit: (data) => onSubmit(data),
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={900}>
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
        <Stack gap="md">
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <TextInput label={t('initiatives.fields.title')} required {...form.textProps('title')} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={t('initiatives.fields.category')}
                required
                {...form.textProps('category')}
                data={[{ value: '', label: t('initiatives.form.chooseCategory'), disabled: true }, ...initiativeCategories.map((c) => ({ value: c, label: t(`initiatives.categories.${c}`) }))]}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {form.values.category === 'custom' && <TextInput label={t('initiatives.fields.customCategory')} required {...form.textProps('customCategory')} />}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect label={t('initiatives.fields.status')} {...form.textProps('status')} data={initiativeStatuses.map((s) => ({ value: s, label: t(`initiatives.statuses.${s}`) }))} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={t('initiatives.fields.owner')}
                description={t('initiatives.form.ownerHint')}
                {...form.textProps('ownerId')}
                data={[{ value: '', label: t('initiatives.noOwner') }, ...(people.data ?? []).map((p) => ({ value: p.id, label: p.organizationName ? `${p.name} (${p.organizationName})` : p.name }))]}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="date" label={t('initiatives.fields.startsOn')} {...form.textProps('startsOn')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="date" label={t('initiatives.fields.targetFinishOn')} description={t('initiatives.form.targetHint')} {...form.textProps('targetFinishOn')} />
            </Grid.Col>
          </Grid>
          <Textarea label={t('initiatives.fields.description')} autosize minRows={3} maxRows={10} {...form.textProps('description')} />
          <Checkbox.Group label={t('initiatives.fields.strategicPriorities')} value={form.values.strategicPriorities} onChange={(v) => form.setField('strategicPriorities', v)} error={form.errors.strategicPriorities}>
            <Group mt="xs">
              {strategicPriorities.map((p) => (
                <Checkbox key={p} value={p} label={t(`initiatives.priorities.${p}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group label={t('initiatives.fields.recommendations')} value={form.values.recommendations} onChange={(v) => form.setField('recommendations', v)} error={form.errors.recommendations}>
            <Stack mt="xs" gap={4}>
              {recommendations.map((r) => (
                <Checkbox key={r} value={String(r)} label={t(`initiatives.recommendations.r${r}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <NativeSelect
                label={t('initiatives.form.goalMetric')}
                {...form.textProps('goalMetric')}
                error={form.errors.goals}
                data={[{ value: '', label: t('initiatives.form.noGoal') }, ...knownMetricKeys.map((k) => ({ value: k, label: t(`initiatives.metrics.${k}`) }))]}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('initiatives.form.goalTarget')} inputMode="numeric" disabled={!form.values.goalMetric} {...form.textProps('goalTarget')} />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={cancelTo} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('initiatives.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
