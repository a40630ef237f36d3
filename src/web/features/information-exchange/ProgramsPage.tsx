import { Anchor, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { IconSchool, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { awardLevels } from '../../../shared/programs.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { useListFilters } from '../../hooks/useListFilters';
import { CsvLink } from '../labor-market/Download';
import { ixApi, ixKeys, type ProgramParams } from './api';
import { ixPaths } from './paths';
import { Dash, SkillList, useIxLabels } from './ui';

const PAGE = 50;

/** Each institution's programs: award level, CIP, enrollment and completions, courses and skills taught. */
export default function ProgramsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  const filters = useListFilters(['institutionId', 'awardLevel'] as const);
  const awardLevel = (awardLevels as readonly string[]).includes(filters.filters.awardLevel) ? filters.filters.awardLevel : '';
  const params: ProgramParams = { q: filters.q, institutionId: filters.filters.institutionId || undefined, awardLevel, limit: PAGE };
  const institutions = useQuery({ queryKey: ixKeys.part(slug, 'institutions'), queryFn: () => ixApi.institutions(slug) });
  const list = useInfiniteQuery({
    queryKey: ixKeys.part(slug, 'programs', params),
    queryFn: ({ pageParam, signal }) => ixApi.programs(slug, { ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { limit: _limit, ...csvParams } = params;

  return (
    <>
      <PageHeader title={t('informationExchange.programs.title')} description={t('informationExchange.programs.intro')} />
      <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
        <TextInput
          label={t('informationExchange.programs.search')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.search}
          onChange={(e) => filters.setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <NativeSelect
          label={t('informationExchange.fields.institution')}
          value={filters.filters.institutionId}
          onChange={(e) => filters.setFilter('institutionId', e.currentTarget.value)}
          data={[{ value: '', label: t('informationExchange.allInstitutions') }, ...(institutions.data?.items ?? []).map((i) => ({ value: i.institutionId, label: i.name }))]}
          w={{ base: '100%', xs: 260 }}
        />
        <NativeSelect
          label={t('informationExchange.fields.awardLevel')}
          value={awardLevel}
          onChange={(e) => filters.setFilter('awardLevel', e.currentTarget.value)}
          data={[{ value: '', label: t('informationExchange.allAwards') }, ...awardLevels.map((v) => ({ value: v, label: labels.award(v) }))]}
          w={{ base: '100%', xs: 200 }}
        />
        {filters.active && (
          <Button variant="subtle" onClick={filters.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
        <CsvLink href={ixApi.programsCsv(slug, csvParams)} what={t('informationExchange.programs.title')} />
      </Group>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconSchool size={28} aria-hidden />} title={t('informationExchange.programs.emptyTitle')} description={t('informationExchange.programs.emptyBody')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={880}>
            <Table striped verticalSpacing="sm" aria-busy={list.isFetching && !list.isFetchingNextPage}>
              <Table.Caption className="tb-sr-only">{t('informationExchange.programs.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('informationExchange.fields.program')}</Table.Th>
                  <Table.Th scope="col">{t('informationExchange.fields.institution')}</Table.Th>
                  <Table.Th scope="col">{t('informationExchange.fields.awardLevel')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.enrollment')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.completions')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.courses')}</Table.Th>
                  <Table.Th scope="col">{t('informationExchange.fields.skillsTaught')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={ixPaths.program(slug, p.id)} className="tb-table-link">
                        {p.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[p.cip && `CIP ${p.cip}`, p.pathway, p.specialtySkillClass && t('informationExchange.programs.specialty')].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Anchor component={Link} to={ixPaths.institution(slug, p.institutionId)} size="sm">
                        {p.institutionName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{labels.award(p.awardLevel)}</Table.Td>
                    <Table.Td ta="end">{p.latestOutcome?.enrollment ?? <Dash />}</Table.Td>
                    <Table.Td ta="end">{p.latestOutcome?.completions ?? <Dash />}</Table.Td>
                    <Table.Td ta="end">{p.courses.length}</Table.Td>
                    <Table.Td>
                      <SkillList skills={p.skills.slice(0, 8).map((name) => ({ name }))} />
                      {p.skills.length > 8 && (
                        <Text size="xs" c="dimmed">
                          {t('informationExchange.andMore', { count: p.skills.length - 8 })}
                        </Text>
                      )}
                    </Table.Td>
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
