import { Button, Checkbox, Grid, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MasterPlanItemDto } from '../../../shared/initiatives.contract';
import { taskCreateInput, taskUpdateInput } from '../../../shared/initiatives.contract';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { initiativesApi } from './api';
import { intOf, todayIso, usePeople } from './util';

/**
 * Add a task or milestone, or change one (`editing`): start, duration, finish-to-start dependencies,
 * assignee, progress. A change that would close a dependency cycle comes back as a 422 naming it.
 */
export function TaskForm({ slug, initiativeId, tasks, editing, onDone }: { slug: string; initiativeId: string; tasks: MasterPlanItemDto[]; editing: MasterPlanItemDto | null; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const people = usePeople(slug);
  const form = useForm({
    initialValues: {
      name: editing?.name ?? '',
      startsOn: editing?.startsOn ?? todayIso(),
      durationDays: editing ? String(editing.durationDays) : '5',
      milestone: editing?.milestone ?? false,
      dependsOn: editing?.dependsOn ?? ([] as string[]),
      assigneeId: editing?.assigneeId ?? '',
      progress: editing ? String(editing.progress) : '0',
    },
    schema: editing ? taskUpdateInput : taskCreateInput,
    toInput: (v) => ({
      name: v.name,
      startsOn: v.startsOn,
      durationDays: v.milestone ? 0 : intOf(v.durationDays),
      milestone: v.milestone,
      dependsOn: v.dependsOn,
      assigneeId: v.assigneeId || null,
      progress: intOf(v.progress) ?? 0,
    }),
    onSubmit: async (data) => {
      if (editing) await initiativesApi.updateTask(slug, initiativeId, editing.id, data);
      else await initiativesApi.createTask(slug, initiativeId, data as Parameters<typeof initiativesApi.createTask>[2]);
      form.reset();
      await onDone();
    },
  });
  const others = tasks.filter((task) => task.id !== editing?.id);
  const heading = editing ? t('initiatives.tasks.editTitle', { name: editing.name }) : t('initiatives.tasks.addTitle');
  return (
    <Paper withBorder p="md" mt="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-label={heading}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {heading}
          </Title>
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('initiatives.tasks.name')} required {...form.textProps('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput type="date" label={t('initiatives.tasks.start')} required {...form.textProps('startsOn')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label={t('initiatives.tasks.duration')} inputMode="numeric" disabled={form.values.milestone} {...form.textProps('durationDays')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={t('initiatives.tasks.assignee')}
                {...form.textProps('assigneeId')}
                data={[{ value: '', label: t('initiatives.tasks.unassigned') }, ...(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label={t('initiatives.tasks.progressPercent')} inputMode="numeric" {...form.textProps('progress')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Checkbox mt={30} label={t('initiatives.tasks.milestone')} checked={form.values.milestone} onChange={(e) => form.setField('milestone', e.currentTarget.checked)} />
            </Grid.Col>
          </Grid>
          {others.length > 0 && (
            <Checkbox.Group label={t('initiatives.tasks.dependsOn')} description={t('initiatives.tasks.dependsOnHint')} value={form.values.dependsOn} onChange={(v) => form.setField('dependsOn', v)} error={form.errors.dependsOn}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={4}>
                {others.map((task) => (
                  <Checkbox key={task.id} value={task.id} label={task.name} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          <Group justify="flex-end">
            {editing && (
              <Button variant="default" onClick={() => void onDone()}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={form.submitting}>
              {editing ? t('initiatives.tasks.saveChanges') : t('initiatives.tasks.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
