import { Anchor, Badge, Box, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { applicationStatuses, type ApplicationDto } from '../../../../shared/applications.contract';
import { useCoalition } from '../../../coalition/context';
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
import { MoveControl } from './MoveControl';
import './pipeline.css';

/** The applicant pipeline: one column per status; each card says who moved it last and when, and moves with a select. */
export default function PipelinePage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const viewer = useViewer();
  const l = useTpLabels();
  const [params, setParams] = useSearchParams();
  const opportunityId = params.get('opportunityId') ?? '';
  const [announce, setAnnounce] = useState('');
  const coordinator = viewer.role === 'coordinator';
  const employerId = coordinator ? undefined : (viewer.organizationId ?? undefined);
  const query = { opportunityId: opportunityId || undefined, limit: 200 };
  const list = useInfiniteQuery({
    queryKey: tpKeys.applications(slug, query),
    queryFn: ({ pageParam }) => tpApi.applications(slug, { ...query, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !viewer.loading,
  });
  const opportunities = useQuery({
    queryKey: tpKeys.opportunities(slug, { employerId, status: '', limit: 200 }),
    queryFn: () => tpApi.opportunities(slug, { employerId, limit: 200 }),
    enabled: !viewer.loading,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const own = (opportunities.data?.items ?? []).filter((o) => coordinator || o.employerId === viewer.organizationId);

  return (
    <>
      <PageHeader title={t('talentPipeline.pipeline.title')} description={t('talentPipeline.pipeline.intro')} back={{ to: tpPaths.home(slug), label: t('talentPipeline.title') }} />
      <NativeSelect
        label={t('talentPipeline.pipeline.opportunity')}
        value={opportunityId}
        onChange={(e) => setParams(e.currentTarget.value ? { opportunityId: e.currentTarget.value } : {}, { replace: true })}
        data={[{ value: '', label: t('talentPipeline.pipeline.allOpportunities') }, ...own.map((o) => ({ value: o.id, label: o.title }))]}
        maw={420}
        mb="md"
      />
      <Box role="status" aria-live="polite" className="tb-sr-only">
        {announce}
      </Box>
      {viewer.loading || list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconLayoutKanban size={28} aria-hidden />} title={t('talentPipeline.pipeline.emptyTitle')} description={t('talentPipeline.pipeline.emptyBody')} />
      ) : (
        <>
          <div className="tb-kanban" role="region" aria-label={t('talentPipeline.pipeline.boardLabel')} tabIndex={0}>
            {applicationStatuses.map((status) => {
              const column = items.filter((a) => a.status === status);
              const headingId = `tb-col-${status}`;
              return (
                <Card key={status} withBorder padding="sm" component="section" aria-labelledby={headingId} className="tb-kanban-column" bg="var(--mantine-color-gray-0)">
                  <Group justify="space-between" mb="xs">
                    <Title order={2} size="h5" id={headingId}>
                      {l.applicationStatus(status)}
                    </Title>
                    <Badge variant="light">
                      <span aria-hidden>{column.length}</span>
                      <span className="tb-sr-only">{t('talentPipeline.pipeline.count', { count: column.length })}</span>
                    </Badge>
                  </Group>
                  <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                    {column.map((a) => (
                      <li key={a.id}>
                        <ApplicationCard a={a} coordinator={coordinator} onMoved={(m) => setAnnounce(t('talentPipeline.pipeline.moved', { name: m.studentName, status: l.applicationStatus(m.status) }))} />
                      </li>
                    ))}
                  </Stack>
                </Card>
              );
            })}
          </div>
          <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}

function ApplicationCard({ a, coordinator, onMoved }: { a: ApplicationDto; coordinator: boolean; onMoved: (a: ApplicationDto) => void }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const f = useFormatters();
  const l = useTpLabels();
  const last = a.history[a.history.length - 1];
  return (
    <Card withBorder padding="xs" component="article" aria-label={`${a.studentName}, ${a.opportunityTitle}`} data-testid="application-card">
      <Anchor component={Link} to={tpPaths.student(slug, a.studentId)} fw={600} size="sm">
        {a.studentName}
      </Anchor>
      <Text size="xs">{a.opportunityTitle}</Text>
      {last && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('talentPipeline.pipeline.movedTo', { status: l.applicationStatus(last.toStatus), who: last.byName ?? t('talentPipeline.pipeline.someone'), when: f.dateTime(last.at) })}
        </Text>
      )}
      <MoveControl a={a} coordinator={coordinator} onMoved={onMoved} />
    </Card>
  );
}
