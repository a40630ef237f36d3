import { Button, Grid, Group, MultiSelect, NativeSelect, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { proposalCreateInput } from '../../../shared/curriculum.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { SkillsInput } from './SkillsInput';
import { useIxRole } from './useIxRole';

/** Faculty post a planned curriculum change: the course, what changes, skills added and removed, the term. */
export default function ProposalCreatePage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const role = useIxRole();
  if (!role.ready) return <Loading />;
  if (!role.propose) return <Navigate to={ixPaths.forum(slug)} replace />;
  return (
    <>
      <PageHeader title={t('informationExchange.proposalForm.title')} description={t('informationExchange.proposalForm.intro')} back={{ to: ixPaths.forum(slug), label: t('informationExchange.forum.title') }} />
      <ProposalForm institutionId={role.coordinator ? undefined : (role.organizationId ?? undefined)} />
    </>
  );
}

function ProposalForm({ institutionId }: { institutionId: string | undefined }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const courses = useQuery({ queryKey: ixKeys.part(slug, 'courses', institutionId ?? 'all'), queryFn: () => ixApi.courses(slug, { institutionId, limit: 200 }) });
  const needs = useQuery({ queryKey: ixKeys.part(slug, 'needs', 'picker'), queryFn: () => ixApi.needs(slug, { limit: 200 }) });
  const form = useForm({
    initialValues: { courseId: '', title: '', summary: '', details: '', skillsAdded: [] as string[], skillsRemoved: [] as string[], targetTerm: '', hiringNeedIds: [] as string[] },
    schema: proposalCreateInput,
    toInput: (v) => ({ ...v, courseId: v.courseId || null }),
    onSubmit: async (data) => {
      const created = await ixApi.createProposal(slug, data);
      await queryClient.invalidateQueries({ queryKey: ixKeys.all(slug) });
      navigate(ixPaths.proposal(slug, created.id), { state: { flash: t('informationExchange.proposalForm.created', { title: created.title }) } });
    },
  });
  const courseOptions = (courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code ? `${c.code} ` : ''}${c.title} (${c.institutionName})` }));
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={900}>
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
        <Stack gap="md">
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <NativeSelect
            label={t('informationExchange.fields.course')}
            description={t('informationExchange.proposalForm.courseHint')}
            {...form.textProps('courseId')}
            data={[{ value: '', label: courses.isPending ? t('common.loading') : t('informationExchange.proposalForm.noCourse') }, ...courseOptions]}
          />
          <TextInput label={t('informationExchange.fields.title')} required {...form.textProps('title')} />
          <Textarea label={t('informationExchange.proposalForm.summary')} required autosize minRows={2} maxRows={6} {...form.textProps('summary')} />
          <Textarea label={t('informationExchange.proposalForm.details')} autosize minRows={3} maxRows={12} {...form.textProps('details')} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <SkillsInput name="skillsAdded" label={t('informationExchange.proposalForm.skillsAdded')} value={form.values.skillsAdded} onChange={(v) => form.setField('skillsAdded', v)} error={form.errors.skillsAdded} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <SkillsInput name="skillsRemoved" label={t('informationExchange.proposalForm.skillsRemoved')} value={form.values.skillsRemoved} onChange={(v) => form.setField('skillsRemoved', v)} error={form.errors.skillsRemoved} />
            </Grid.Col>
          </Grid>
          <TextInput label={t('informationExchange.proposalForm.targetTerm')} description={t('informationExchange.proposalForm.targetTermHint')} required {...form.textProps('targetTerm')} />
          <MultiSelect
            label={t('informationExchange.proposalForm.needs')}
            description={t('informationExchange.proposalForm.needsHint')}
            searchable
            value={form.values.hiringNeedIds}
            onChange={(v) => form.setField('hiringNeedIds', v)}
            error={form.errors.hiringNeedIds}
            data={(needs.data?.items ?? []).map((n) => ({ value: n.id, label: `${n.title} (${n.employerName})` }))}
            maxValues={20}
          />
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={ixPaths.forum(slug)} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('informationExchange.proposalForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
