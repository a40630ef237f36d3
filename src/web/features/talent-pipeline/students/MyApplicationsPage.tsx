import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { applicationTransitions, type ApplicationDto } from '../../../../shared/applications.contract';
import { useCoalition } from '../../../coalition/context';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Empty } from '../../../components/Empty';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { useFormatters } from '../../../i18n/format';
import { tpApi, tpKeys } from '../api';
import { useTpLabels } from '../labels';
import { tpPaths } from '../paths';
import { useViewer } from '../useViewer';

/** Applications the caller may see: a student's own (withdraw, turn an offer down), a school's students', all for the Coordinator. */
export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const viewer = useViewer();
  const l = useTpLabels();
  const f = useFormatters();
  const queryClient = useQueryClient();
  const student = viewer.role === 'student';
  const list = useInfiniteQuery({
    queryKey: tpKeys.applications(slug, { limit: 50 }),
    queryFn: ({ pageParam }) => tpApi.applications(slug, { limit: 50, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const move = async (a: ApplicationDto, status: 'withdrawn' | 'declined') => {
    await tpApi.move(slug, a.id, { status });
    await queryClient.invalidateQueries({ queryKey: tpKeys.all(slug) });
  };
  const last = (a: ApplicationDto) => a.history[a.history.length - 1];

  return (
    <>
      <PageHeader title={t(student ? 'talentPipeline.applications.myTitle' : 'talentPipeline.applications.title')} description={t(student ? 'talentPipeline.applications.myIntro' : 'talentPipeline.applications.intro')} back={{ to: tpPaths.home(slug), label: t('talentPipeline.title') }} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconListCheck size={28} aria-hidden />} title={t('talentPipeline.applications.emptyTitle')} description={t(student ? 'talentPipeline.applications.emptyBodyStudent' : 'talentPipeline.applications.emptyBody')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{t('talentPipeline.applications.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('talentPipeline.applications.opportunity')}</Table.Th>
                  {!student && <Table.Th scope="col">{t('talentPipeline.applications.student')}</Table.Th>}
                  <Table.Th scope="col">{t('talentPipeline.applications.status')}</Table.Th>
                  <Table.Th scope="col">{t('talentPipeline.applications.lastChange')}</Table.Th>
                  {student && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => {
                  const change = last(a);
                  const canWithdraw = applicationTransitions[a.status].includes('withdrawn');
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor component={Link} to={tpPaths.opportunity(slug, a.opportunityId)}>
                          {a.opportunityTitle}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {a.employerName} · {l.kind(a.opportunityKind)}
                        </Text>
                      </Table.Th>
                      {!student && (
                        <Table.Td>
                          <Anchor component={Link} to={tpPaths.student(slug, a.studentId)}>
                            {a.studentName}
                          </Anchor>
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Badge variant="light">{l.applicationStatus(a.status)}</Badge>
                      </Table.Td>
                      <Table.Td>{change ? t('talentPipeline.pipeline.movedBy', { who: change.byName ?? t('talentPipeline.pipeline.someone'), when: f.dateTime(change.at) }) : '—'}</Table.Td>
                      {student && (
                        <Table.Td>
                          <Group gap="xs">
                            {a.status === 'offered' && (
                              <ConfirmButton size="compact-sm" aria-label={t('talentPipeline.applications.declineFor', { title: a.opportunityTitle })} title={t('talentPipeline.applications.declineFor', { title: a.opportunityTitle })} body={t('talentPipeline.applications.declineBody')} confirmLabel={t('talentPipeline.applications.decline')} onConfirm={() => move(a, 'declined')}>
                                {t('talentPipeline.applications.decline')}
                              </ConfirmButton>
                            )}
                            {canWithdraw && (
                              <ConfirmButton size="compact-sm" aria-label={t('talentPipeline.applications.withdrawFor', { title: a.opportunityTitle })} title={t('talentPipeline.applications.withdrawFor', { title: a.opportunityTitle })} body={t('talentPipeline.applications.withdrawBody')} confirmLabel={t('talentPipeline.applications.withdraw')} onConfirm={() => move(a, 'withdrawn')}>
                                {t('talentPipeline.applications.withdraw')}
                              </ConfirmButton>
                            )}
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
