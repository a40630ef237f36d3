import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Textarea, TextInput, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { announcementCreateInput } from '../../../shared/communications.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { useFormatters } from '../../i18n/format';
import { AudienceFields, audienceIsEmpty, emptyAudienceValue, type AudienceValue } from '../meetings/AudienceFields';
import { ScrollTable } from '../meetings/ui';
import { commsApi, commsKeys } from './api';
import { AudiencePreview } from './AudiencePreview';
import { DigestRuns } from './DigestRuns';
import { AnnouncementStatusBadge, commsPaths } from './ui';

/** The Coordinator's composer: subject, message, segment, a live preview of who it reaches; save as draft or send. */
function Composer({ onSaved }: { onSaved: (message: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [audience, setAudience] = useState<AudienceValue>(emptyAudienceValue);
  const send = useRef(false);
  const form = useForm({
    initialValues: { subject: '', body: '' },
    schema: announcementCreateInput,
    toInput: (v) => ({ ...v, audience: { ...audience, personIds: [] }, send: send.current }),
    // Shown in the form's error summary (the segment is not a single field).
    validate: (): Record<string, string> => (audienceIsEmpty(audience) ? { audience: t('communications.composer.chooseSegment') } : {}),
    onSubmit: async (data) => {
      const created = await commsApi.create(slug, data);
      form.reset();
      setAudience(emptyAudienceValue);
      await onSaved(created.status === 'draft' ? t('communications.composer.saved', { subject: created.subject }) : t('communications.composer.queued', { subject: created.subject }));
    },
  });
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="composer-heading">
      <Title order={2} size="h3" id="composer-heading" mb="sm">
        {t('communications.composer.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="sm">
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <TextInput label={t('communications.composer.subject')} required {...form.textProps('subject')} />
          <Textarea label={t('communications.composer.body')} description={t('communications.composer.bodyHint')} required autosize minRows={6} {...form.textProps('body')} />
          <AudienceFields idPrefix="announce" legend={t('communications.composer.audience')} description={t('communications.composer.audienceHint')} value={audience} onChange={setAudience} />
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={form.submitting && !send.current} onClick={() => (send.current = false)}>
              {t('communications.composer.saveDraft')}
            </Button>
            <Button type="submit" loading={form.submitting && send.current} onClick={() => (send.current = true)}>
              {t('communications.composer.send')}
            </Button>
          </Group>
        </Stack>
        <div>
          <AudiencePreview audience={audience} />
        </div>
      </SimpleGrid>
    </form>
  );
}

/** Announcements: the Coordinator writes to segments and sees every one; others see the ones they received. */
export default function AnnouncementsPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const { dateTime } = useFormatters();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: commsKeys.announcements(slug),
    queryFn: ({ pageParam, signal }) => commsApi.announcements(slug, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While something is being sent, keep its status and counts current.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((a) => a.status === 'queued' || a.status === 'sending')) ? 2000 : false),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const saved = async (text: string) => {
    setMessage(text);
    await queryClient.invalidateQueries({ queryKey: commsKeys.announcements(slug) });
  };
  return (
    <>
      <PageHeader title={t('communications.announcements.title')} description={can.coordinator ? t('communications.announcements.introCoordinator') : t('communications.announcements.intro')} />
      <StatusMessage message={message} mb="md" />
      {can.coordinator && (
        <Paper withBorder p="md" mb="xl">
          <Composer onSaved={saved} />
        </Paper>
      )}
      <section aria-labelledby="announcements-heading">
        <Title order={2} size="h3" id="announcements-heading" mb="sm">
          {can.coordinator ? t('communications.announcements.all') : t('communications.announcements.received')}
        </Title>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty icon={<IconSpeakerphone size={28} aria-hidden />} order={3} title={t('communications.announcements.emptyTitle')} description={can.coordinator ? t('communications.announcements.emptyCoordinator') : t('communications.announcements.emptyMember')} />
        ) : (
          <>
            <ScrollTable label={t('communications.announcements.caption')} minWidth={640}>
              <Table striped verticalSpacing="xs">
                <Table.Caption className="tb-sr-only">{t('communications.announcements.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('communications.announcements.colSubject')}</Table.Th>
                    <Table.Th scope="col">{t('communications.announcements.colStatus')}</Table.Th>
                    <Table.Th scope="col">{t('communications.announcements.colRecipients')}</Table.Th>
                    <Table.Th scope="col">{t('communications.announcements.colDate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor component={Link} to={commsPaths.announcement(slug, a.id)}>
                          {a.subject}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>
                        <AnnouncementStatusBadge status={a.status} />
                      </Table.Td>
                      <Table.Td>{a.status === 'draft' ? '—' : t('communications.announcements.reached', { count: a.recipients, email: a.deliveries.email })}</Table.Td>
                      <Table.Td>{dateTime(a.sentAt ?? a.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          </>
        )}
      </section>
      {can.coordinator && <DigestRuns />}
    </>
  );
}
