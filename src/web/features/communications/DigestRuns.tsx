import { Badge, Button, Group, Progress, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFormatters } from '../../i18n/format';
import { ScrollTable } from '../meetings/ui';
import { commsApi, commsKeys } from './api';
import { DigestSchedule } from './DigestSchedule';

const RUN_COLOR = { running: 'blue.9', completed: 'teal.9', failed: 'red.9' } as const;

/** The weekly digest runs (Coordinator): one per week, sent in batches by background jobs. */
export function DigestRuns() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { date, dateTime } = useFormatters();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const runs = useQuery({
    queryKey: commsKeys.digests(slug),
    queryFn: ({ signal }) => commsApi.digests(slug, signal),
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 2000 : false),
  });
  const start = useMutation({
    mutationFn: () => commsApi.runDigest(slug),
    onSuccess: async (run) => {
      setMessage(t('communications.digests.started', { week: date(run.weekOf), count: run.recipients }));
      await queryClient.invalidateQueries({ queryKey: commsKeys.digests(slug) });
    },
  });
  return (
    <section aria-labelledby="digests-heading" style={{ marginTop: 'var(--mantine-spacing-xl)' }}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="digests-heading">
          {t('communications.digests.title')}
        </Title>
        <Button variant="light" loading={start.isPending} onClick={() => start.mutate()}>
          {t('communications.digests.run')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('communications.digests.intro')}
      </Text>
      <DigestSchedule />
      <StatusMessage message={message} mb="sm" />
      {start.error ? <ProblemAlert error={start.error} /> : null}
      {runs.isPending ? (
        <Loading />
      ) : runs.isError ? (
        <QueryErrorState error={runs.error} onRetry={() => void runs.refetch()} />
      ) : runs.data.items.length === 0 ? (
        <Text c="dimmed">{t('communications.digests.empty')}</Text>
      ) : (
        <ScrollTable label={t('communications.digests.caption')} minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Caption className="tb-sr-only">{t('communications.digests.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('communications.digests.colWeek')}</Table.Th>
                <Table.Th scope="col">{t('communications.digests.colStatus')}</Table.Th>
                <Table.Th scope="col">{t('communications.digests.colProgress')}</Table.Th>
                <Table.Th scope="col">{t('communications.digests.colEmailed')}</Table.Th>
                <Table.Th scope="col">{t('communications.digests.colFinished')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.items.map((r) => {
                const label = t('communications.digests.batches', { done: r.batchesDone, total: r.batches });
                return (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={400}>{date(r.weekOf)}</Table.Th>
                    <Table.Td>
                      <Badge variant="filled" color={RUN_COLOR[r.status]}>{t(`communications.digests.statuses.${r.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Progress value={r.batches ? (r.batchesDone / r.batches) * 100 : 100} aria-label={label} mb={2} />
                      <Text size="xs">{label}</Text>
                    </Table.Td>
                    <Table.Td>{t('communications.digests.emailed', { emailed: r.emailed, recipients: r.recipients, empty: r.empty })}</Table.Td>
                    <Table.Td>{r.finishedAt ? dateTime(r.finishedAt) : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
