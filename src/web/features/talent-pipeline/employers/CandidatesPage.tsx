import { Alert, Anchor, Badge, List, Switch, Table, Text } from '@mantine/core';
import { IconEyeOff, IconUsers } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCoalition } from '../../../coalition/context';
import { Empty } from '../../../components/Empty';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { tpApi, tpKeys } from '../api';
import { useReasonText, useTpLabels } from '../labels';
import { tpPaths } from '../paths';

/** Students ranked for an opportunity, degree-blind unless the host reveals credentials (which is audited). */
export default function CandidatesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const reason = useReasonText();
  const [reveal, setReveal] = useState(false);
  const opportunity = useQuery({ queryKey: tpKeys.opportunity(slug, id), queryFn: () => tpApi.opportunity(slug, id) });
  const list = useInfiniteQuery({
    queryKey: tpKeys.candidates(slug, id, reveal),
    queryFn: ({ pageParam }) => tpApi.candidates(slug, id, { showCredentials: reveal, limit: 25, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const title = opportunity.data?.title ?? '';

  return (
    <>
      <PageHeader title={t('talentPipeline.candidates.title')} description={title} back={{ to: tpPaths.opportunity(slug, id), label: title || t('talentPipeline.board.title') }} />
      <Alert variant="light" color="gray" icon={<IconEyeOff aria-hidden />} mb="md" role="note">
        {t('talentPipeline.candidates.blind')}
      </Alert>
      <Switch label={t('talentPipeline.candidates.reveal')} description={t('talentPipeline.candidates.revealHint')} checked={reveal} onChange={(e) => setReveal(e.currentTarget.checked)} mb="md" />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconUsers size={28} aria-hidden />} title={t('talentPipeline.candidates.emptyTitle')} description={t('talentPipeline.candidates.emptyBody')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{t('talentPipeline.candidates.caption', { title })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('talentPipeline.candidates.name')}</Table.Th>
                  <Table.Th scope="col">{t('talentPipeline.candidates.score')}</Table.Th>
                  <Table.Th scope="col">{t('talentPipeline.matches.why')}</Table.Th>
                  <Table.Th scope="col">{t('talentPipeline.candidates.application')}</Table.Th>
                  {reveal && <Table.Th scope="col">{t('talentPipeline.candidates.credentials')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.studentId}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={tpPaths.student(slug, c.studentId)}>
                        {c.name}
                      </Anchor>
                      {c.pathway && (
                        <Text size="xs" c="dimmed">
                          {c.pathway}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{l.score(c.score)}</Table.Td>
                    <Table.Td>
                      <List size="xs" spacing={0}>
                        {c.reasons.map((r) => (
                          <List.Item key={r.kind}>{reason(r)}</List.Item>
                        ))}
                      </List>
                      {c.missingSkills.length > 0 && <Text size="xs">{t('talentPipeline.matches.missing', { skills: c.missingSkills.join(', ') })}</Text>}
                    </Table.Td>
                    <Table.Td>{c.applicationStatus ? <Badge variant="light">{l.applicationStatus(c.applicationStatus)}</Badge> : t('talentPipeline.candidates.notApplied')}</Table.Td>
                    {reveal && <Table.Td>{c.credentials ? [c.credentials.institutionName, c.credentials.graduationYear].filter(Boolean).join(', ') : '—'}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
