import { Badge, Button, Group, NativeSelect, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { deliveryChannels, type AnnouncementDto, type DeliveryChannel } from '../../../shared/communications.contract';
import type { OrganizationType, Role } from '../../../shared/common.contract';
import { useCoalition } from '../../coalition/context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useLabels } from '../../components/labels';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { useFormatters } from '../../i18n/format';
import { ScrollTable } from '../meetings/ui';
import { commsApi, commsKeys } from './api';
import { AnnouncementStatusBadge, commsPaths } from './ui';

const CHANNEL_COLOR: Record<DeliveryChannel, string> = { email: 'teal.8', suppressed: 'orange.8', no_address: 'gray.6' };

function Deliveries({ a }: { a: AnnouncementDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { dateTime } = useFormatters();
  const [channel, setChannel] = useState<DeliveryChannel | ''>('');
  const list = useInfiniteQuery({
    queryKey: commsKeys.deliveries(slug, a.id, channel),
    queryFn: ({ pageParam, signal }) => commsApi.deliveries(slug, a.id, channel, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = a.deliveries.email + a.deliveries.suppressed + a.deliveries.no_address;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deliveries-heading">
      <Title order={2} size="h4" id="deliveries-heading" mb="xs">
        {t('communications.deliveries.title')}
      </Title>
      {total > 0 && (
        <>
          <Progress.Root size="lg" aria-hidden mb="xs">
            {deliveryChannels.map((c) => <Progress.Section key={c} value={(a.deliveries[c] / total) * 100} color={CHANNEL_COLOR[c]} />)}
          </Progress.Root>
          <Group gap="md" mb="sm">
            {deliveryChannels.map((c) => (
              <Text key={c} size="sm">
                <Badge component="span" size="xs" circle color={CHANNEL_COLOR[c]} mr={4} aria-hidden> </Badge>
                {t(`communications.deliveries.counts.${c}`, { count: a.deliveries[c] })}
              </Text>
            ))}
          </Group>
        </>
      )}
      <NativeSelect
        label={t('communications.deliveries.filter')}
        w={260}
        mb="sm"
        value={channel}
        onChange={(e) => setChannel(e.currentTarget.value as DeliveryChannel | '')}
        data={[{ value: '', label: t('communications.deliveries.all') }, ...deliveryChannels.map((c) => ({ value: c, label: t(`communications.deliveries.channels.${c}`) }))]}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{a.status === 'draft' ? t('communications.deliveries.draft') : t('communications.deliveries.none')}</Text>
      ) : (
        <>
          <ScrollTable label={t('communications.deliveries.caption')} minWidth={480}>
            <Table striped verticalSpacing={4}>
              <Table.Caption className="tb-sr-only">{t('communications.deliveries.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('communications.deliveries.colPerson')}</Table.Th>
                  <Table.Th scope="col">{t('communications.deliveries.colChannel')}</Table.Th>
                  <Table.Th scope="col">{t('communications.deliveries.colAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((d) => (
                  <Table.Tr key={d.personId}>
                    <Table.Th scope="row" fw={400}>{d.name}</Table.Th>
                    <Table.Td>{t(`communications.deliveries.channels.${d.channel}`)}</Table.Td>
                    <Table.Td>{dateTime(d.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <LoadMore shown={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </Paper>
  );
}

/** One announcement: its message and segment; for the Coordinator, who got it and how, and a draft's send or delete. */
export default function AnnouncementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { slug, can } = useCoalition();
  const { dateTime, list: listFormat } = useFormatters();
  const labels = useLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const announcement = useQuery({
    queryKey: commsKeys.announcement(slug, id),
    queryFn: ({ signal }) => commsApi.announcement(slug, id, signal),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'sending') ? 2000 : false),
  });
  const send = useMutation({
    mutationFn: () => commsApi.send(slug, id),
    onSuccess: async (a) => {
      queryClient.setQueryData(commsKeys.announcement(slug, id), a);
      await queryClient.invalidateQueries({ queryKey: commsKeys.announcements(slug) });
    },
  });
  if (announcement.isPending) return <Loading />;
  if (announcement.isError) return <QueryErrorState error={announcement.error} onRetry={() => void announcement.refetch()} fullPage />;
  const a = announcement.data;
  const segment = [
    ...a.audience.roles.map((r) => labels.role(r as Role)),
    ...a.audience.organizationTypes.map((o) => labels.orgType(o as OrganizationType)),
    ...(a.audience.initiativeIds.length ? [t('communications.announcement.initiatives', { count: a.audience.initiativeIds.length })] : []),
    ...(a.audience.pointsOfContact ? [t('communications.announcement.pointsOfContact')] : []),
  ];
  return (
    <>
      <PageHeader
        title={a.subject}
        description={
          <>
            <AnnouncementStatusBadge status={a.status} /> {a.sentAt ? t('communications.announcement.sentAt', { at: dateTime(a.sentAt), by: a.createdBy?.name ?? '' }) : t('communications.announcement.createdAt', { at: dateTime(a.createdAt) })}
          </>
        }
        back={{ to: commsPaths.announcements(slug), label: t('communications.announcement.back') }}
        actions={
          can.coordinator && a.status === 'draft' ? (
            <Group gap="xs">
              <Button loading={send.isPending} onClick={() => send.mutate()}>
                {t('communications.announcement.send')}
              </Button>
              <ConfirmButton
                title={t('communications.announcement.deleteTitle')}
                body={t('communications.announcement.deleteBody', { subject: a.subject })}
                confirmLabel={t('common.delete')}
                onConfirm={async () => {
                  await commsApi.remove(slug, a.id);
                  await queryClient.invalidateQueries({ queryKey: commsKeys.announcements(slug) });
                  navigate(commsPaths.announcements(slug));
                }}
              >
                {t('common.delete')}
              </ConfirmButton>
            </Group>
          ) : undefined
        }
      />
      {send.error ? <ProblemAlert error={send.error} /> : null}
      <SimpleGrid cols={{ base: 1, lg: can.coordinator ? 2 : 1 }} spacing="lg">
        <Stack gap="md">
          <Paper withBorder p="md" component="section" aria-labelledby="message-heading">
            <Title order={2} size="h4" id="message-heading" mb="xs">
              {t('communications.announcement.message')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{a.body}</Text>
          </Paper>
          {can.coordinator && (
            <Paper withBorder p="md" component="section" aria-labelledby="segment-heading">
              <Title order={2} size="h4" id="segment-heading" mb="xs">
                {t('communications.announcement.segment')}
              </Title>
              <Text>{segment.length ? listFormat(segment) : t('communications.announcement.named', { count: a.audience.personIds.length })}</Text>
            </Paper>
          )}
        </Stack>
        {can.coordinator && <Deliveries a={a} />}
      </SimpleGrid>
    </>
  );
}
