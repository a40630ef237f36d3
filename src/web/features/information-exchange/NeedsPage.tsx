import { Anchor, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { IconBriefcase, IconFlag, IconPlus, IconSearch, IconUserCheck } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { needLevels } from '../../../shared/hiring-needs.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { useListFilters } from '../../hooks/useListFilters';
import { CsvLink } from '../labor-market/Download';
import { ixApi, ixKeys, type NeedParams } from './api';
import { ixPaths } from './paths';
import { Dash, SkillList, useIxLabels } from './ui';
import { useIxRole } from './useIxRole';

const PAGE = 50;

/** Employers' hiring needs: what they hire, how many a year, the skills, and degree flags. */
export default function NeedsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const role = useIxRole();
  const labels = useIxLabels();
  const [flash, dismissFlash] = useFlash();
  const filters = useListFilters(['level', 'employerId'] as const);
  const level = (needLevels as readonly string[]).includes(filters.filters.level) ? filters.filters.level : '';
  const params: NeedParams = { q: filters.q, level, employerId: filters.filters.employerId || undefined, limit: PAGE };
  const list = useInfiniteQuery({
    queryKey: ixKeys.part(slug, 'needs', params),
    queryFn: ({ pageParam, signal }) => ixApi.needs(slug, { ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { limit: _limit, ...csvParams } = params;

  const actions = (
    <>
      {role.employerStaff && role.organizationId && (
        <Button component={Link} to={ixPaths.profile(slug, role.organizationId)} variant="default" leftSection={<IconUserCheck size={16} aria-hidden />}>
          {t('informationExchange.needs.ownProfile')}
        </Button>
      )}
      {role.postNeed && (
        <Button component={Link} to={ixPaths.needNew(slug)} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('informationExchange.needs.add')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t('informationExchange.needs.title')} description={t('informationExchange.needs.intro')} actions={actions} />
      <StatusMessage message={flash} onClose={dismissFlash} mb="md" />
      <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
        <TextInput
          label={t('informationExchange.needs.search')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.search}
          onChange={(e) => filters.setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 18rem' }}
        />
        <NativeSelect
          label={t('informationExchange.fields.level')}
          value={level}
          onChange={(e) => filters.setFilter('level', e.currentTarget.value)}
          data={[{ value: '', label: t('informationExchange.allLevels') }, ...needLevels.map((v) => ({ value: v, label: labels.level(v) }))]}
          w={{ base: '100%', xs: 200 }}
        />
        {filters.active && (
          <Button variant="subtle" onClick={filters.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
        <CsvLink href={ixApi.needsCsv(slug, csvParams)} what={t('informationExchange.needs.title')} />
      </Group>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconBriefcase size={28} aria-hidden />} title={t('informationExchange.needs.emptyTitle')} description={t('informationExchange.needs.emptyBody')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="sm" aria-busy={list.isFetching && !list.isFetchingNextPage}>
              <Table.Caption className="tb-sr-only">{t('informationExchange.needs.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('informationExchange.fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('informationExchange.fields.employer')}</Table.Th>
                  <Table.Th scope="col">{t('informationExchange.fields.soc')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.positions')}</Table.Th>
                  <Table.Th scope="col">{t('informationExchange.fields.where')}</Table.Th>
                  <Table.Th scope="col">{t('informationExchange.fields.skills')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((n) => (
                  <Table.Tr key={n.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={ixPaths.need(slug, n.id)} className="tb-table-link">
                        {n.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {labels.level(n.level)}
                        {n.degreeRequired ? ` · ${t('informationExchange.needs.degree', { level: labels.degree(n.degreeLevel) || t('informationExchange.needs.anyDegree') })}` : ''}
                      </Text>
                      {n.flags.map((f) => (
                        <Text key={f.code} size="xs" c="dark.7" mt={4}>
                          <IconFlag size={12} aria-hidden /> {t('informationExchange.needs.flagged')}: {f.message}
                        </Text>
                      ))}
                    </Table.Th>
                    <Table.Td>
                      <Anchor component={Link} to={ixPaths.profile(slug, n.employerId)} size="sm">
                        {n.employerName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{n.soc}</Text>
                      {n.socTitle && (
                        <Text size="xs" c="dimmed">
                          {n.socTitle}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="end">{n.positions}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{labels.workplace(n.workplace)}</Text>
                      {n.location ? <Text size="xs" c="dimmed">{n.location}</Text> : <Dash />}
                    </Table.Td>
                    <Table.Td>
                      <SkillList skills={n.skillRequirements.map((s) => ({ id: s.skillId, name: s.name }))} />
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
