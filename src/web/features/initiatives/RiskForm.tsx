import { Button, Checkbox, Grid, Group, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { riskCreateInput, riskImpactAreas } from '../../../shared/initiative-risks.contract';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { initiativesApi, iniKeys } from './api';
import { intOf, usePeople } from './util';

const SCALE = ['1', '2', '3', '4', '5'];

/** Register a risk to an initiative: likelihood × impact, what it hits, its owner and mitigation, and the tasks it threatens. */
export function RiskForm({ slug, initiativeId, onDone }: { slug: string; initiativeId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const people = usePeople(slug);
  const params = { initiativeId };
  const plan = useQuery({ queryKey: iniKeys.masterPlan(slug, params), queryFn: ({ signal }) => initiativesApi.masterPlan(slug, params, signal) });
  const form = useForm({
    initialValues: { title: '', likelihood: '3', impact: '3', impactOn: ['timeline'] as string[], ownerId: '', mitigation: '', taskIds: [] as string[] },
    schema: riskCreateInput,
    toInput: (v) => ({ ...v, initiativeId, likelihood: intOf(v.likelihood), impact: intOf(v.impact), ownerId: v.ownerId || null }),
    onSubmit: async (data) => {
      await initiativesApi.createRisk(slug, data);
      form.reset();
      await onDone();
    },
  });
  const scale = (kind: 'likelihood' | 'impact') => SCALE.map((v) => ({ value: v, label: t(`initiatives.risks.${kind}Scale.s${v as '1'}`) }));
  return (
    <Paper withBorder p="md" mt="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-label={t('initiatives.risks.add')}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('initiatives.risks.add')}
          </Title>
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('initiatives.risks.riskTitle')} required {...form.textProps('title')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NativeSelect label={t('initiatives.risks.likelihood')} {...form.textProps('likelihood')} data={scale('likelihood')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NativeSelect label={t('initiatives.risks.impact')} {...form.textProps('impact')} data={scale('impact')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect label={t('initiatives.risks.owner')} {...form.textProps('ownerId')} data={[{ value: '', label: t('initiatives.noOwner') }, ...(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Checkbox.Group label={t('initiatives.risks.impactOn')} value={form.values.impactOn} onChange={(v) => form.setField('impactOn', v)} error={form.errors.impactOn}>
                <Group mt="xs">
                  {riskImpactAreas.map((a) => (
                    <Checkbox key={a} value={a} label={t(`initiatives.risks.areas.${a}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            </Grid.Col>
          </Grid>
          <Textarea label={t('initiatives.risks.mitigation')} autosize minRows={2} {...form.textProps('mitigation')} />
          {(plan.data?.items.length ?? 0) > 0 && (
            <Checkbox.Group label={t('initiatives.risks.tasks')} value={form.values.taskIds} onChange={(v) => form.setField('taskIds', v)} error={form.errors.taskIds}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={4}>
                {plan.data!.items.map((task) => (
                  <Checkbox key={task.id} value={task.id} label={task.name} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {t('initiatives.risks.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
