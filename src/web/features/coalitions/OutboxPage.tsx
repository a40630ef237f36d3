import { Badge, Button, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconMail } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailMessageDto } from '../../../shared/platform.contract';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { useFormatters } from '../../i18n/format';

const PAGE = 50;
const STATUS: Record<MailMessageDto['status'], { key: 'outbox.statusOutbox' | 'outbox.statusSent' | 'outbox.statusFailed'; color: string }> = {
  outbox: { key: 'outbox.statusOutbox', color: 'blue' },
  sent: { key: 'outbox.statusSent', color: 'teal' },
  failed: { key: 'outbox.statusFailed', color: 'red' },
};

export default function OutboxPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const fmt = useFormatters();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const mail = useInfiniteQuery({
    queryKey: keys.outbox(slug),
    queryFn: ({ pageParam }) => api.platform.outbox(slug, { limit: PAGE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const messages = mail.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.intro')} />
      {mail.isPending ? (
        <Loading />
      ) : mail.isError ? (
        <QueryErrorState error={mail.error} onRetry={() => void mail.refetch()} />
      ) : messages.length === 0 ? (
        <Empty icon={<IconMail size={28} aria-hidden />} title={t('outbox.emptyTitle')} description={t('outbox.emptyBody')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{t('outbox.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('outbox.to')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.subject')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.kind')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.status')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.sentAt')}</Table.Th>
                  <Table.Th scope="col">{t('common.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {messages.map((m) => {
                  const expanded = !!open[m.id];
                  const bodyId = `mail-${m.id}`;
                  const status = STATUS[m.status];
                  return (
                    <Fragment key={m.id}>
                      <Table.Tr>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.toAddress}</Table.Td>
                        <Table.Td fw={500}>{m.subject}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{m.kind}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={status.color} variant="light" tt="none">
                            {t(status.key)}
                          </Badge>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(m.createdAt)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.sentAt ? fmt.dateTime(m.sentAt) : '—'}</Table.Td>
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            leftSection={expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
                            aria-expanded={expanded}
                            aria-controls={expanded ? bodyId : undefined}
                            aria-label={`${expanded ? t('outbox.hideBody') : t('outbox.showBody')}: ${m.subject}`}
                            onClick={() => setOpen((o) => ({ ...o, [m.id]: !expanded }))}
                          >
                            {expanded ? t('outbox.hideBody') : t('outbox.showBody')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                      {expanded && (
                        <Table.Tr>
                          <Table.Td colSpan={7} id={bodyId}>
                            <pre className="tb-pre">{m.textBody}</pre>
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
            shown={messages.length}
            hasMore={!!mail.hasNextPage}
            loading={mail.isFetchingNextPage}
            onLoadMore={() => void mail.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
