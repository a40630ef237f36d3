import { Button, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBriefcase, IconDownload, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCoalition } from '../../../coalition/context';
import { Empty } from '../../../components/Empty';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { useListFilters } from '../../../hooks/useListFilters';
import { importsPath } from '../../imports/paths';
import { tpApi, tpDownloads, tpKeys, type OpportunityParams } from '../api';
import { tpPaths } from '../paths';
import { useViewer } from '../useViewer';
import { BOARD_FILTERS, BoardFilters } from './BoardFilters';
import { OpportunityCard } from './OpportunityCard';

const PAGE = 25;

/** The opportunity board: every published opportunity, searchable and filtered; a list, no map. */
export default function BoardPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const viewer = useViewer();
  const filters = useListFilters(BOARD_FILTERS);
  const [, setParams] = useSearchParams();
  const f = filters.filters;
  const [skill, setSkill] = useState(f.skill);
  const [debouncedSkill] = useDebouncedValue(skill.trim(), 300);
  useEffect(() => {
    if (debouncedSkill !== f.skill) filters.setFilter('skill', debouncedSkill);
  }, [debouncedSkill]);
  const mine = !!f.employerId && f.employerId === viewer.organizationId;
  /** Filters the member chose (the employer of "My opportunities" is where they are, not a filter). */
  const active = filters.q !== '' || BOARD_FILTERS.some((k) => k !== 'employerId' && f[k] !== '');

  const params: OpportunityParams = {
    q: filters.q,
    kind: f.kind as OpportunityParams['kind'],
    audience: f.audience as OpportunityParams['audience'],
    compensation: f.compensation as OpportunityParams['compensation'],
    pathway: f.pathway,
    skill: f.skill,
    employerId: f.employerId,
    // Open by default (and every status of one's own opportunities, drafts included).
    status: f.status === 'all' ? '' : f.status || (mine ? '' : 'open'),
    limit: PAGE,
  };
  const list = useInfiniteQuery({
    queryKey: tpKeys.opportunities(slug, params),
    queryFn: ({ pageParam, signal }) => tpApi.opportunities(slug, { ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const clear = () => {
    setSkill('');
    // "My opportunities" stays mine: clearing keeps the employer.
    filters.setSearch('');
    if (f.employerId) setParams(new URLSearchParams({ employerId: f.employerId }), { replace: true, preventScrollReset: true });
    else filters.clear();
  };

  return (
    <>
      <PageHeader
        title={mine ? t('talentPipeline.board.mineTitle') : t('talentPipeline.board.title')}
        description={t('talentPipeline.board.intro')}
        back={{ to: tpPaths.home(slug), label: t('talentPipeline.title') }}
        actions={
          <>
            {(can.editDirectory || (viewer.isStaff && !!viewer.organizationId)) && (
              <Button component={Link} to={tpPaths.newOpportunity(slug)} leftSection={<IconPlus size={16} aria-hidden />}>
                {t('talentPipeline.form.newTitle')}
              </Button>
            )}
            <Button component="a" href={tpDownloads.opportunitiesCsv(slug)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              {t('talentPipeline.board.downloadCsv')}
            </Button>
            {can.editDirectory && (
              <Button component={Link} to={importsPath(slug, { kind: 'opportunities' })} variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
                {t('talentPipeline.board.import')}
              </Button>
            )}
          </>
        }
      />
      <BoardFilters filters={filters} skill={skill} onSkill={setSkill} onClear={clear} mine={mine} active={active} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        active ? (
          <Empty icon={<IconSearch size={28} aria-hidden />} title={t('talentPipeline.board.noMatchTitle')} description={t('talentPipeline.board.noMatchBody')}>
            <Button variant="light" onClick={clear}>
              {t('common.clearFilters')}
            </Button>
            {viewer.role === 'student' && (
              <Button component={Link} to={tpPaths.myMatches(slug)} variant="default">
                {t('talentPipeline.board.seeMatches')}
              </Button>
            )}
          </Empty>
        ) : (
          <Empty icon={<IconBriefcase size={28} aria-hidden />} title={t('talentPipeline.board.emptyTitle')} description={t(viewer.role === 'employer' || can.editDirectory ? 'talentPipeline.board.emptyBodyPublisher' : 'talentPipeline.board.emptyBody')} />
        )
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" id="tb-board-count">
            {t('talentPipeline.board.resultsLabel')}
          </Text>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="tb-board-count" aria-busy={list.isFetching && !list.isFetchingNextPage}>
            {items.map((o) => (
              <li key={o.id}>
                <OpportunityCard o={o} />
              </li>
            ))}
          </Stack>
          <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
