import { Code, Table, Text, UnstyledButton } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '../../../shared/platform.contract';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { useFormatters } from '../../i18n/format';

const PAGE = 50;

export default function AuditLogPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const fmt = useFormatters();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const log = useInfiniteQuery({
    queryKey: keys.auditLog(slug),
    queryFn: ({ pageParam }) => api.platform.auditLog(slug, { limit: PAGE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries: AuditEntryDto[] = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <QueryErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <Empty icon={<IconHistory size={28} aria-hidden />} title={t('audit.emptyTitle')} description={t('audit.emptyBody')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{t('audit.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.at')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.record')}</Table.Th>
                  <Table.Th scope="col">{t('audit.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => {
                  const hasChanges = !!entry.changes && Object.keys(entry.changes).length > 0;
                  const expanded = !!open[entry.id];
                  const detailsId = `audit-${entry.id}`;
                  return (
                    <Fragment key={entry.id}>
                      <Table.Tr>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>
                        </Table.Td>
                        <Table.Td>{entry.actorName ?? <Text span c="dimmed" size="sm">{t('audit.system')}</Text>}</Table.Td>
                        <Table.Td>
                          <Code>{entry.action}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{entry.entityType}</Text>
                          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {entry.entityId}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {hasChanges ? (
                            <UnstyledButton
                              className="tb-link-button"
                              aria-expanded={expanded}
                              aria-controls={expanded ? detailsId : undefined}
                              aria-label={`${t('audit.showChanges')}: ${entry.action} ${entry.entityType}`}
                              onClick={() => setOpen((o) => ({ ...o, [entry.id]: !expanded }))}
                            >
                              {expanded ? '▾ ' : '▸ '}
                              {t('audit.showChanges')}
                            </UnstyledButton>
                          ) : (
                            <Text span size="sm" c="dimmed">
                              {t('audit.noChanges')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                      {hasChanges && expanded && (
                        <Table.Tr id={detailsId}>
                          <Table.Td colSpan={5}>
                            <pre className="tb-pre">{JSON.stringify(entry.changes, null, 2)}</pre>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            shown={entries.length}
            hasMore={!!log.hasNextPage}
            loading={log.isFetchingNextPage}
            onLoadMore={() => void log.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
