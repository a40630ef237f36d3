import { Alert, Badge, Box, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportStatusDto } from '../../../shared/platform.contract';
import { api, downloads, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { useFormatters } from '../../i18n/format';
import { useNumbers } from '../labor-market/format';
import { ImportProgress } from './ImportProgress';
import { affectedQueries } from './kinds';
import { isFinished, useImportLabels } from './labels';
import { TableScroll } from '../labor-market/TableScroll';

/** Polling interval while an import is queued or running. */
const POLL_MS = 500;
/** Bad rows listed on the page; the error report has them all. */
const SHOWN_ERRORS = 200;

const STATUS_COLOR: Record<ImportStatusDto['status'], string> = { queued: 'gray', running: 'blue', succeeded: 'teal', failed: 'red' };

/**
 * One import: polls its status every half second while it runs, shows the progress bar and phase,
 * then either the result (created, updated, unchanged) or every bad row with a downloadable report.
 */
export function ImportStatusPanel({
  id,
  fileName,
  fresh = false,
  focusOnLoad = false,
  onFocused,
}: {
  id: string;
  fileName?: string | undefined;
  /** Started on this page: refresh what it changes when it ends, however quickly. */
  fresh?: boolean;
  focusOnLoad?: boolean;
  onFocused?: () => void;
}) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const labels = useImportLabels();
  const n = useNumbers();
  const fmt = useFormatters();
  const job = useQuery({
    queryKey: keys.importStatus(slug, id),
    queryFn: () => api.imports.get(slug, id),
    // Until it has finished (or cannot be read at all); a failed poll mid-way is retried on the next tick.
    refetchInterval: (query) => (!query.state.data ? (query.state.status === 'error' ? false : POLL_MS) : isFinished(query.state.data.status) ? false : POLL_MS),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });

  // When it finishes: refresh the recent list and whatever the import changed (once). A fresh import
  // (started on this page) counts as running from the start: a small file may be done by the first poll.
  const data = job.data;
  const seenRunning = useRef(fresh);
  useEffect(() => {
    if (!data) return;
    if (!isFinished(data.status)) {
      seenRunning.current = true;
      return;
    }
    if (!seenRunning.current) return;
    seenRunning.current = false;
    void queryClient.invalidateQueries({ queryKey: keys.imports(slug) });
    if (data.status === 'succeeded') for (const key of affectedQueries(slug, data.kind)) void queryClient.invalidateQueries({ queryKey: key });
  }, [data, queryClient, slug]);

  // Screen readers hear the state changes, not every tick of the counter.
  const [announcement, setAnnouncement] = useState('');
  const stage = data ? `${data.status}:${data.phase ?? ''}` : '';
  useEffect(() => {
    if (!data) return;
    const text =
      data.status === 'succeeded'
        ? t('imports.announce.succeeded', { result: labels.result(data) })
        : data.status === 'failed'
          ? t('imports.announce.failed', { problems: n.integer(data.errors.length) })
          : data.phase === 'writing'
            ? t('imports.announce.writing')
            : data.phase === 'validating'
              ? t('imports.announce.validating')
              : t('imports.announce.queued');
    const timer = window.setTimeout(() => setAnnouncement(text), 100);
    return () => window.clearTimeout(timer);
  }, [stage]);

  // The embedded database answers nobody while an import writes (one connection): say so when a poll hangs.
  const [waiting, setWaiting] = useState(false);
  const polling = job.isFetching && !!data && !isFinished(data.status);
  useEffect(() => {
    if (!polling) {
      setWaiting(false);
      return;
    }
    const timer = window.setTimeout(() => setWaiting(true), 3000);
    return () => window.clearTimeout(timer);
  }, [polling]);

  // Opened by an upload or "Show": its heading takes focus once there is something to read.
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = !job.isPending;
  useEffect(() => {
    if (!focusOnLoad || !loaded || !heading.current) return;
    heading.current.focus({ preventScroll: true });
    heading.current.scrollIntoView({ block: 'start', behavior: 'smooth' });
    onFocused?.();
  }, [focusOnLoad, loaded]);

  const headingId = `tb-import-${id}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="import-status">
      <Box role="status" aria-live="polite" aria-atomic="true" className="tb-sr-only">
        {announcement}
      </Box>
      {job.isPending ? (
        <Loading />
      ) : !job.data ? (
        <>
          <Title order={2} size="h4" id={headingId} ref={heading} tabIndex={-1} mb="sm">
            {t('imports.statusTitle')}
          </Title>
          <QueryErrorState error={job.error} onRetry={() => void job.refetch()} />
        </>
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Box>
              <Title order={2} size="h4" id={headingId} ref={heading} tabIndex={-1} className="tb-page-title">
                {t('imports.statusTitleKind', { kind: labels.kind(job.data.kind) })}
              </Title>
              <Text size="sm" c="dimmed">
                {[fileName, t('imports.startedAt', { time: fmt.dateTime(job.data.createdAt) }), job.data.finishedAt ? t('imports.finishedAt', { time: fmt.dateTime(job.data.finishedAt) }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Box>
            <Badge color={STATUS_COLOR[job.data.status]} variant="light" tt="none" size="lg" data-testid="import-status-badge">
              {labels.status(job.data.status)}
            </Badge>
          </Group>

          {job.data.status !== 'succeeded' && (
            <Text size="sm">
              <Text span fw={700} size="sm">
                {t('imports.phase')}:
              </Text>{' '}
              {job.data.status === 'failed' ? t('imports.phases.stopped') : job.data.phase === 'writing' ? t('imports.phases.writing') : job.data.phase === 'validating' ? t('imports.phases.validating') : t('imports.phases.queued')}
            </Text>
          )}
          <ImportProgress {...labels.progress(job.data)} color={job.data.status === 'failed' ? 'red' : job.data.status === 'succeeded' ? 'teal' : 'blue'} testId="import-progress" />
          {waiting && (
            <Text size="sm" c="dimmed">
              {t('imports.progress.busy')}
            </Text>
          )}

          {job.isError && <QueryErrorState error={job.error} onRetry={() => void job.refetch()} />}
          {job.data.status === 'succeeded' && <Result job={job.data} />}
          {job.data.status === 'failed' && <Problems job={job.data} slug={slug} />}
        </Stack>
      )}
    </Card>
  );
}

function Result({ job }: { job: ImportStatusDto }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const labels = useImportLabels();
  const figures = [
    { key: 'created', label: t('imports.result.created') },
    { key: 'updated', label: t('imports.result.updated') },
    { key: 'unchanged', label: t('imports.result.unchanged') },
    ...(labels.count(job.result, 'skipped') > 0 ? [{ key: 'skipped', label: t('imports.result.skipped') }] : []),
  ];
  return (
    <Alert color="teal" variant="light" role="none" icon={<IconCircleCheck aria-hidden />}>
      <Text size="sm" fw={700} mb="xs">
        {t('imports.result.title')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: figures.length }} spacing="sm" component="dl" m={0} data-testid="import-result">
        {figures.map((f) => (
          <div key={f.key}>
            <Text component="dt" size="sm">
              {f.label}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700}>
              {n.integer(labels.count(job.result, f.key))}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Alert>
  );
}

function Problems({ job, slug }: { job: ImportStatusDto; slug: string }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const shown = job.errors.slice(0, SHOWN_ERRORS);
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" role="none" icon={<IconAlertTriangle aria-hidden />}>
        <Text size="sm" fw={700}>
          {t('imports.problems.title', { problems: n.integer(job.errors.length) })}
        </Text>
        <Text size="sm">{t('imports.problems.body')}</Text>
      </Alert>
      {job.errors.length > 0 && (
        <>
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {job.errors.length > shown.length
                ? t('imports.problems.showingSome', { shown: n.integer(shown.length), problems: n.integer(job.errors.length) })
                : t('imports.problems.showingAll', { problems: n.integer(job.errors.length) })}
            </Text>
            <Button component="a" href={downloads.importErrorsCsv(slug, job.id)} download variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
              {t('imports.problems.download')}
            </Button>
          </Group>
          <TableScroll minWidth={520} maxHeight={480} label={t('imports.problems.caption')}>
            <Table striped verticalSpacing={4} stickyHeader>
              <Table.Caption className="tb-sr-only">{t('imports.problems.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={90} className="tb-num">
                    {t('imports.problems.row')}
                  </Table.Th>
                  <Table.Th scope="col" w={200}>
                    {t('imports.problems.column')}
                  </Table.Th>
                  <Table.Th scope="col">{t('imports.problems.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((e, i) => (
                  <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                    <Table.Td className="tb-num">{n.integer(e.row)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.column ?? <Text span size="sm" c="dimmed">{t('imports.problems.wholeRow')}</Text>}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      )}
    </Stack>
  );
}
