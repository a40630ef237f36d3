import { Badge, Button, Card, Group, List, NativeSelect, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { correctionFields, type CorrectionRequestDto, type StudentDto } from '../../../../shared/students.contract';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { QueryErrorState } from '../../../components/QueryState';
import { useFormatters } from '../../../i18n/format';
import { tpApi, tpKeys } from '../api';

const statusColor = { open: 'blue', accepted: 'green', rejected: 'gray' } as const;

/**
 * The student's privacy choices (FERPA): directory-information opt-out, and requests to correct the
 * record. The student sets the opt-out and asks; their school may set the opt-out for them and
 * decides the requests; the Coordinator reads.
 */
export function PrivacySection({ s }: { s: StudentDto }) {
  const { t } = useTranslation();
  const self = s.viewerRelation === 'self';
  const mayOptOut = self || s.viewerRelation === 'institution';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-student-privacy">
      <Title order={2} size="h4" id="tb-student-privacy" mb="xs">
        {t('talentPipeline.privacy.title')}
      </Title>
      <Stack gap="md">
        <DirectoryOptOut s={s} editable={mayOptOut} />
        <Corrections s={s} />
      </Stack>
    </Card>
  );
}

function DirectoryOptOut({ s, editable }: { s: StudentDto; editable: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (optOut: boolean) => tpApi.setDirectoryOptOut(slug, s.id, optOut),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tpKeys.student(slug, s.id) }),
  });
  const checked = change.isPending ? Boolean(change.variables) : Boolean(s.directoryOptOut);
  return (
    <Stack gap={4}>
      {editable ? (
        <Switch
          checked={checked}
          disabled={change.isPending}
          onChange={(e) => change.mutate(e.currentTarget.checked)}
          label={t('talentPipeline.privacy.optOut')}
          description={t('talentPipeline.privacy.optOutHelp')}
        />
      ) : (
        <Text size="sm">{t(s.directoryOptOut ? 'talentPipeline.privacy.optedOut' : 'talentPipeline.privacy.listed')}</Text>
      )}
      {change.isError && <ProblemAlert error={change.error} />}
    </Stack>
  );
}

function Corrections({ s }: { s: StudentDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const f = useFormatters();
  const list = useQuery({ queryKey: tpKeys.corrections(slug, s.id), queryFn: () => tpApi.corrections(slug, s.id) });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('talentPipeline.privacy.corrections')}
      </Title>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(s.viewerRelation === 'self' ? 'talentPipeline.privacy.noneSelf' : 'talentPipeline.privacy.none')}
        </Text>
      ) : (
        <List spacing="sm" listStyleType="none" p={0} aria-label={t('talentPipeline.privacy.corrections')}>
          {list.data.items.map((r) => (
            <List.Item key={r.id}>
              <Group gap="xs" wrap="wrap">
                <Badge color={statusColor[r.status]} variant="light" c="dark.9">
                  {t(`talentPipeline.privacy.status.${r.status}`)}
                </Badge>
                <Text size="sm" fw={500}>
                  {t(`talentPipeline.privacy.fields.${r.field}`)}: {r.requestedValue}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t('talentPipeline.privacy.asked', { date: f.date(r.createdAt), reason: r.reason })}
              </Text>
              {r.resolvedAt && (
                <Text size="xs">
                  {t('talentPipeline.privacy.decided', { who: r.resolvedBy ?? '—', date: f.date(r.resolvedAt), note: r.resolutionNote ?? '' })}
                </Text>
              )}
              {r.status === 'open' && s.viewerRelation === 'institution' && <Resolve s={s} request={r} />}
            </List.Item>
          ))}
        </List>
      )}
      {s.viewerRelation === 'self' && <AskCorrection s={s} />}
    </Stack>
  );
}

function AskCorrection({ s }: { s: StudentDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const [field, setField] = useState<string>('');
  const [requestedValue, setRequestedValue] = useState('');
  const [reason, setReason] = useState('');
  const ask = useMutation({
    mutationFn: () => tpApi.requestCorrection(slug, s.id, { field, requestedValue, reason }),
    onSuccess: async () => {
      setField('');
      setRequestedValue('');
      setReason('');
      await queryClient.invalidateQueries({ queryKey: tpKeys.corrections(slug, s.id) });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate();
      }}
      aria-labelledby="tb-ask-correction"
    >
      <Stack gap="xs" mt="xs">
        <Text size="sm" fw={500} id="tb-ask-correction">
          {t('talentPipeline.privacy.ask')}
        </Text>
        <NativeSelect
          label={t('talentPipeline.privacy.field')}
          required
          value={field}
          onChange={(e) => setField(e.currentTarget.value)}
          data={[{ value: '', label: t('talentPipeline.privacy.choose') }, ...correctionFields.map((k) => ({ value: k, label: t(`talentPipeline.privacy.fields.${k}`) }))]}
        />
        <TextInput label={t('talentPipeline.privacy.requestedValue')} required maxLength={1000} value={requestedValue} onChange={(e) => setRequestedValue(e.currentTarget.value)} />
        <Textarea label={t('talentPipeline.privacy.reason')} required maxLength={2000} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {ask.isError && <ProblemAlert error={ask.error} />}
        {ask.isSuccess && (
          <Text size="sm" role="status">
            {t('talentPipeline.privacy.sent')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={ask.isPending} disabled={!field}>
            {t('talentPipeline.privacy.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Resolve({ s, request }: { s: StudentDto; request: CorrectionRequestDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const resolve = useMutation({
    mutationFn: (decision: 'accepted' | 'rejected') => tpApi.resolveCorrection(slug, s.id, request.id, { decision, ...(note.trim() ? { note } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tpKeys.corrections(slug, s.id) }),
  });
  return (
    <Stack gap={4} mt={4}>
      <TextInput size="xs" label={t('talentPipeline.privacy.note')} description={t('talentPipeline.privacy.noteHelp')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
      <Group gap="xs">
        <Button size="compact-sm" loading={resolve.isPending && resolve.variables === 'accepted'} onClick={() => resolve.mutate('accepted')}>
          {t('talentPipeline.privacy.accept')}
        </Button>
        <Button size="compact-sm" variant="default" loading={resolve.isPending && resolve.variables === 'rejected'} onClick={() => resolve.mutate('rejected')}>
          {t('talentPipeline.privacy.reject')}
        </Button>
      </Group>
      {resolve.isError && <ProblemAlert error={resolve.error} />}
    </Stack>
  );
}
