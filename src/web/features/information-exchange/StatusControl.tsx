import { Button, Card, NativeSelect, Stack, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { proposalTransitions, type ProposalDetailDto, type ProposalStatus } from '../../../shared/curriculum.contract';
import { useCoalition } from '../../coalition/context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { ixApi, ixKeys } from './api';
import { useIxLabels } from './ui';

/** The faculty owner moves a proposal on (open → under review → adopted | declined) with an official answer. */
export function StatusControl({ proposal }: { proposal: ProposalDetailDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  const queryClient = useQueryClient();
  const next = proposalTransitions[proposal.status];
  const [to, setTo] = useState<ProposalStatus | ''>(next[0] ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  // A final status (adopted, declined) offers no next step; the owner still sees that the change took.
  if (next.length === 0) return done ? <StatusMessage message={done} onClose={() => setDone(null)} mb="lg" /> : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await ixApi.updateProposal(slug, proposal.id, { status: to, ...(note.trim() ? { statusNote: note.trim() } : {}) });
      queryClient.setQueryData(ixKeys.part(slug, 'proposal', proposal.id), updated);
      await queryClient.invalidateQueries({ queryKey: ixKeys.all(slug) });
      setNote('');
      setDone(t('informationExchange.proposal.statusChanged', { status: labels.status(updated.status) }));
      setTo(proposalTransitions[updated.status][0] ?? '');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="ix-status-control" mb="lg">
      <Title order={2} size="h4" id="ix-status-control" mb="xs">
        {t('informationExchange.proposal.decide')}
      </Title>
      <StatusMessage message={done} onClose={() => setDone(null)} mb="sm" />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error !== null && <ProblemAlert error={error} />}
          <NativeSelect label={t('informationExchange.proposal.newStatus')} value={to} onChange={(e) => setTo(e.currentTarget.value as ProposalStatus)} data={next.map((s) => ({ value: s, label: labels.status(s) }))} />
          {to === 'adopted' && !proposal.courseId && <ProblemAlert error={null} title={t('informationExchange.proposal.needsCourse')} />}
          <Textarea label={t('informationExchange.proposal.officialNote')} description={t('informationExchange.proposal.officialNoteHint')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button type="submit" loading={busy} w="fit-content">
            {t('informationExchange.proposal.updateStatus')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
