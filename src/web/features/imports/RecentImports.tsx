import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportStatusDto } from '../../../shared/platform.contract';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { useFormatters } from '../../i18n/format';
import { useNumbers } from '../labor-market/format';
import { TableScroll } from '../labor-market/TableScroll';
import { isFinished, useImportLabels } from './labels';

const STATUS_COLOR: Record<ImportStatusDto['status'], string> = { queued: 'gray', running: 'blue', succeeded: 'teal', failed: 'red' };
/** The list sends at most this many errors per import (the import itself has them all). */
const LISTED_ERRORS = 20;

/** Recent imports (a coordinator sees everyone's, others their own); "Show" opens one above. */
export function RecentImports({ selected, onShow }: { selected: string | null; onShow: (id: string) => void }) {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const labels = useImportLabels();
  const n = useNumbers();
  const fmt = useFormatters();
  const list = useQuery({
    queryKey: keys.imports(slug),
    queryFn: () => api.imports.list(slug),
    // Someone else's (or a script's) import may be running: keep the list current while one is.
    refetchInterval: (query) => (query.state.data?.items.some((i) => !isFinished(i.status)) ? 2000 : false),
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="tb-imports-recent">
      <div>
        <Title order={2} size="h3" id="tb-imports-recent">
          {t('imports.recent.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {can.coordinator ? t('imports.recent.introCoordinator') : t('imports.recent.introOwn')}
        </Text>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty icon={<IconFileImport size={28} aria-hidden />} title={t('imports.recent.emptyTitle')} description={t('imports.recent.emptyBody')} order={3} />
      ) : (
        <TableScroll minWidth={760} label={t('imports.recent.title')}>
          <Table striped verticalSpacing="xs">
            <Table.Caption className="tb-sr-only">{t('imports.recent.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.recent.started')}</Table.Th>
                <Table.Th scope="col">{t('imports.recent.kind')}</Table.Th>
                <Table.Th scope="col">{t('imports.recent.status')}</Table.Th>
                <Table.Th scope="col" className="tb-num">
                  {t('imports.recent.rows')}
                </Table.Th>
                <Table.Th scope="col">{t('imports.recent.outcome')}</Table.Th>
                <Table.Th scope="col">{t('common.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((job) => {
                const when = fmt.dateTime(job.createdAt);
                const outcome =
                  job.status === 'failed'
                    ? job.errors.length >= LISTED_ERRORS
                      ? t('imports.recent.manyProblems', { problems: n.integer(LISTED_ERRORS) })
                      : t('imports.recent.problems', { problems: n.integer(job.errors.length) })
                    : job.status === 'succeeded'
                      ? labels.result(job)
                      : labels.progress(job).label;
                return (
                  <Table.Tr key={job.id} aria-current={job.id === selected ? 'true' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={job.createdAt}>{when}</time>
                    </Table.Td>
                    <Table.Td>{labels.kind(job.kind)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[job.status]} variant="light" tt="none">
                        {labels.status(job.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="tb-num">{n.integer(isFinished(job.status) || job.total === null ? job.processed : job.total)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{outcome}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant={job.id === selected ? 'light' : 'subtle'}
                        aria-label={t('imports.recent.showLabel', { kind: labels.kind(job.kind), time: when })}
                        onClick={() => onShow(job.id)}
                      >
                        {t('imports.recent.show')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
