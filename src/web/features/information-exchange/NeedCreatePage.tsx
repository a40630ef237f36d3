import { Button, Checkbox, Grid, Group, NativeSelect, NumberInput, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { degreeLevels, hiringNeedCreateInput, needLevels, workplaces } from '../../../shared/hiring-needs.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { FormErrors } from '../../forms/FormErrors';
import { useAllOrganizations } from '../../forms/OrganizationPicker';
import { useForm } from '../../forms/useForm';
import { CalendarField, type WindowRow } from './CalendarField';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { SkillRequirementsField, type SkillRow } from './SkillRequirementsField';
import { useIxLabels } from './ui';
import { useIxRole } from './useIxRole';

/** An employer posts a hiring need (the Coordinator may post for any member employer). */
export default function NeedCreatePage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const role = useIxRole();
  if (!role.ready) return <Loading />;
  if (!role.postNeed) return <Navigate to={ixPaths.needs(slug)} replace />;
  return (
    <>
      <PageHeader title={t('informationExchange.needForm.title')} description={t('informationExchange.needForm.intro')} back={{ to: ixPaths.needs(slug), label: t('informationExchange.needs.title') }} />
      <NeedForm employerId={role.coordinator ? '' : (role.organizationId ?? '')} chooseEmployer={role.coordinator} />
    </>
  );
}

function NeedForm({ employerId, chooseEmployer }: { employerId: string; chooseEmployer: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const orgs = useAllOrganizations(slug);
  const employers = (orgs.data ?? []).filter((o) => o.type === 'employer').sort((a, b) => a.name.localeCompare(b.name));
  const form = useForm({
    initialValues: {
      employerId,
      soc: '',
      title: '',
      level: 'entry' as string,
      positions: 1 as number | string,
      workplace: 'onsite' as string,
      location: '',
      degreeRequired: false,
      degreeLevel: '',
      description: '',
      skills: [{ name: '', level: '', importance: 'required' }] as SkillRow[],
      recruitingCalendar: [] as WindowRow[],
    },
    schema: hiringNeedCreateInput,
    toInput: (v) => ({
      ...v,
      positions: typeof v.positions === 'number' ? v.positions : Number.NaN,
      degreeLevel: v.degreeRequired && v.degreeLevel ? v.degreeLevel : null,
      skills: v.skills.filter((s) => s.name.trim() !== '').map((s) => ({ name: s.name, level: s.level || null, importance: s.importance })),
      recruitingCalendar: v.recruitingCalendar.map((w) => ({ ...w, label: w.label || null })),
    }),
    onSubmit: async (data) => {
      const created = await ixApi.createNeed(slug, data);
      await queryClient.invalidateQueries({ queryKey: ixKeys.all(slug) });
      navigate(ixPaths.need(slug, created.id), { state: { flash: t('informationExchange.needForm.created', { title: created.title }) } });
    },
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={960}>
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
        <Stack gap="md">
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          {chooseEmployer && (
            <NativeSelect
              label={t('informationExchange.fields.employer')}
              required
              {...form.textProps('employerId')}
              data={[{ value: '', label: t('informationExchange.needForm.pickEmployer'), disabled: true }, ...employers.map((o) => ({ value: o.id, label: o.name }))]}
            />
          )}
          <Grid>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('informationExchange.fields.title')} required {...form.textProps('title')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('informationExchange.fields.soc')} description={t('informationExchange.needForm.socHint')} required {...form.textProps('soc')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect label={t('informationExchange.fields.level')} {...form.textProps('level')} data={needLevels.map((v) => ({ value: v, label: labels.level(v) }))} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label={t('informationExchange.fields.positions')}
                description={t('informationExchange.needForm.positionsHint')}
                required
                min={1}
                allowDecimal={false}
                name="positions"
                value={form.values.positions}
                onChange={(v) => form.setField('positions', v)}
                error={form.errors.positions}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect label={t('informationExchange.fields.workplace')} {...form.textProps('workplace')} data={workplaces.map((v) => ({ value: v, label: labels.workplace(v) }))} />
            </Grid.Col>
          </Grid>
          <TextInput label={t('informationExchange.fields.location')} {...form.textProps('location')} />
          <Group align="flex-end" gap="lg">
            <Checkbox
              label={t('informationExchange.fields.degreeRequired')}
              name="degreeRequired"
              checked={form.values.degreeRequired}
              onChange={(e) => form.setField('degreeRequired', e.currentTarget.checked)}
            />
            {form.values.degreeRequired && (
              <NativeSelect
                label={t('informationExchange.fields.degreeLevel')}
                {...form.textProps('degreeLevel')}
                data={[{ value: '', label: t('informationExchange.needs.anyDegree') }, ...degreeLevels.map((v) => ({ value: v, label: labels.degree(v) }))]}
              />
            )}
          </Group>
          <SkillRequirementsField value={form.values.skills} onChange={(rows) => form.setField('skills', rows)} error={form.errors.skills} />
          <CalendarField value={form.values.recruitingCalendar} onChange={(rows) => form.setField('recruitingCalendar', rows)} error={form.errors.recruitingCalendar} />
          <Textarea label={t('informationExchange.fields.description')} autosize minRows={3} maxRows={10} {...form.textProps('description')} />
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={ixPaths.needs(slug)} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('informationExchange.needForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
