import { Anchor, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { portfolioItemInput, type StudentDto } from '../../../../shared/students.contract';
import { useCoalition } from '../../../coalition/context';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useFormatters } from '../../../i18n/format';
import { tpApi, tpKeys } from '../api';

type Field = 'title' | 'url' | 'description' | 'skills';

/** Portfolio projects; their skills count as evidence. The student adds and removes them. */
export function PortfolioSection({ s }: { s: StudentDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const f = useFormatters();
  const queryClient = useQueryClient();
  const self = s.viewerRelation === 'self';
  const [adding, setAdding] = useState(false);
  const [values, setValues] = useState<Record<Field, string>>({ title: '', url: '', description: '', skills: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: tpKeys.student(slug, s.id) });
  const add = useMutation({
    mutationFn: (body: Parameters<typeof tpApi.addPortfolioItem>[2]) => tpApi.addPortfolioItem(slug, s.id, body),
    onSuccess: async () => {
      setValues({ title: '', url: '', description: '', skills: '' });
      setAdding(false);
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { ...values, skills: values.skills.split(',').map((x) => x.trim()).filter(Boolean) };
    const parsed = portfolioItemInput.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Field] ??= issue.message === 'Required' ? t('validation.required') : issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    add.mutate(input);
  };
  const set = (k: Field) => (e: { currentTarget: { value: string } }) => setValues((v) => ({ ...v, [k]: e.currentTarget.value }));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-student-portfolio">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="tb-student-portfolio">
          {t('talentPipeline.portfolio.title')}
        </Title>
        {self && !adding && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('talentPipeline.portfolio.add')}
          </Button>
        )}
      </Group>
      {s.portfolio.length === 0 && !adding && (
        <Text size="sm" c="dimmed">
          {t(self ? 'talentPipeline.portfolio.emptySelf' : 'talentPipeline.portfolio.empty')}
        </Text>
      )}
      <Stack gap="sm">
        {s.portfolio.map((p) => (
          <div key={p.id}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <div>
                <Text fw={600} size="sm">
                  {p.url ? (
                    <Anchor href={p.url} target="_blank" rel="noopener noreferrer">
                      {p.title} <span className="tb-sr-only">{t('common.opensInNewTab')}</span>
                    </Anchor>
                  ) : (
                    p.title
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {[p.completedOn ? f.date(`${p.completedOn}T12:00:00`) : null, p.skills.map((k) => k.name).join(', ')].filter(Boolean).join(' · ')}
                </Text>
                {p.description && <Text size="sm">{p.description}</Text>}
              </div>
              {self && (
                <ConfirmButton size="compact-sm" aria-label={t('talentPipeline.portfolio.removeNamed', { title: p.title })} title={t('talentPipeline.portfolio.removeNamed', { title: p.title })} body={t('talentPipeline.portfolio.removeBody')} confirmLabel={t('common.delete')} onConfirm={async () => (await tpApi.removePortfolioItem(slug, s.id, p.id), await refresh())}>
                  {t('common.delete')}
                </ConfirmButton>
              )}
            </Group>
          </div>
        ))}
      </Stack>
      {adding && (
        <form onSubmit={submit} noValidate aria-label={t('talentPipeline.portfolio.add')}>
          <Stack gap="sm" mt="md">
            <TextInput label={t('talentPipeline.portfolio.fields.title')} required value={values.title} onChange={set('title')} error={errors.title} />
            <TextInput label={t('talentPipeline.portfolio.fields.url')} type="url" value={values.url} onChange={set('url')} error={errors.url ? t('validation.url') : undefined} />
            <Textarea label={t('talentPipeline.portfolio.fields.description')} autosize minRows={2} value={values.description} onChange={set('description')} error={errors.description} />
            <TextInput label={t('talentPipeline.portfolio.fields.skills')} description={t('talentPipeline.portfolio.fields.skillsHint')} value={values.skills} onChange={set('skills')} error={errors.skills} />
            {add.isError && <ProblemAlert error={add.error} />}
            <Group gap="sm">
              <Button type="submit" loading={add.isPending}>
                {t('talentPipeline.portfolio.save')}
              </Button>
              <Button variant="default" onClick={() => setAdding(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
