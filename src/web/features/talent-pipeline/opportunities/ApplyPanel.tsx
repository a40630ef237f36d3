import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { applicationCreateInput } from '../../../../shared/applications.contract';
import type { OpportunityDto } from '../../../../shared/opportunities.contract';
import { useCoalition } from '../../../coalition/context';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { tpApi, tpKeys } from '../api';
import { useTpLabels } from '../labels';
import { tpPaths } from '../paths';
import { useMyStudent } from '../useViewer';

/** A student applies (with an optional note to the host); once applied, where the application stands. */
export function ApplyPanel({ opportunity }: { opportunity: OpportunityDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const queryClient = useQueryClient();
  const me = useMyStudent();
  const studentId = me.data?.id;
  const mine = useQuery({
    queryKey: tpKeys.applications(slug, { studentId, opportunityId: opportunity.id }),
    queryFn: () => tpApi.applications(slug, { studentId, opportunityId: opportunity.id, limit: 5 }),
    enabled: !!studentId,
  });
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const apply = useMutation({
    mutationFn: (body: { studentId: string; opportunityId: string; note?: string | null | undefined }) => tpApi.apply(slug, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tpKeys.all(slug) }),
  });

  if (me.isPending || (studentId && mine.isPending)) return null;
  const existing = mine.data?.items.find((a) => a.status !== 'withdrawn') ?? mine.data?.items[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!studentId) return;
    const parsed = applicationCreateInput.safeParse({ studentId, opportunityId: opportunity.id, note });
    if (!parsed.success) {
      setNoteError(t('validation.maxLength', { count: 4000 }));
      return;
    }
    setNoteError(null);
    apply.mutate(parsed.data);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-apply">
      <Title order={2} size="h4" id="tb-apply" mb="xs">
        {t('talentPipeline.apply.title')}
      </Title>
      {existing ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('talentPipeline.apply.applied', { status: l.applicationStatus(existing.status) })}{' '}
          <Link to={tpPaths.applications(slug)}>{t('talentPipeline.apply.seeApplications')}</Link>
        </Alert>
      ) : !studentId ? (
        <Text size="sm">{t('talentPipeline.apply.noRecord')}</Text>
      ) : opportunity.status !== 'open' ? (
        <Text size="sm">{t('talentPipeline.apply.notOpen')}</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('talentPipeline.apply.shares', { host: opportunity.employerName })}
            </Text>
            <Textarea label={t('talentPipeline.apply.note')} description={t('talentPipeline.apply.noteHint')} autosize minRows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={noteError} />
            {apply.isError && <ProblemAlert error={apply.error} />}
            <Button type="submit" leftSection={<IconSend size={16} aria-hidden />} loading={apply.isPending} w="fit-content">
              {t('talentPipeline.apply.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
