import { Anchor, Badge, Button, Group, NativeSelect, Progress, Table, Text, TextInput } from '@mantine/core';
import { IconListCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { initiativeCategories, initiativeStatuses } from '../../../shared/initiatives.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { useListFilters } from '../../hooks/useListFilters';
import { initiativesApi, iniKeys, type InitiativeListParams } from './api';
import { iniPaths } from './paths';
import { StatusBadge, useCategoryLabel, Scroll } from './ui';
import { useIniFormat } from './util';

export default function InitiativesPage() {
  const { t } = useTranslation();
  const { slug, membership } = useCoalition();
  const [flash, dismissFlash] = useFlash();
  const fmt = useIniFormat();
  const categoryLabel = useCategoryLabel();
  const filters = useListFilters(['status', 'category'] as const);
  const params: InitiativeListParams = { q: filters.q, status: filters.filters.status, category: filters.filters.category, limit: 50 };
  const canPropose = membership.roles.some((r) => r === 'coordinator' || r === 'leadership_council' || r === 'initiative_leader');

  const list = useInfiniteQuery({
    queryKey: iniKeys.list(slug, params),
    queryFn: ({ pageParam, signal }) => initiativesApi.list(slug, { ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const add = canPropose ? (
    <Button component={Link} to={iniPaths.create(slug)} leftSection={<IconPlus size={16} aria-hidden />}>
      {t('initiatives.list.add')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('initiatives.list.title')} description={t('initiatives.list.intro')} actions={add} />
      <StatusMessage message={flash} onClose={dismissFlash} mb="md" />
      <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
        <TextInput label={t('initiatives.list.search')} type="search" leftSection={<IconSearch size={16} aria-hidden />} value={filters.search} onChange={(e) => filters.setSearch(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} />
        <NativeSelect
          label={t('initiatives.fields.status')}
          value={filters.filters.status}
          onChange={(e) => filters.setFilter('status', e.currentTarget.value)}
          data={[{ value: '', label: t('initiatives.list.allStatuses') }, ...initiativeStatuses.map((s) => ({ value: s, label: t(`initiatives.statuses.${s}`) }))]}
        />
        <NativeSelect
          label={t('initiatives.fields.category')}
          value={filters.filters.category}
          onChange={(e) => filters.setFilter('category', e.currentTarget.value)}
          data={[{ value: '', label: t('initiatives.list.allCategories') }, ...initiativeCategories.map((c) => ({ value: c, label: t(`initiatives.categories.${c}`) }))]}
        />
        {filters.active && (
          <Button variant="subtle" onClick={filters.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconListCheck size={28} aria-hidden />} title={filters.active ? t('initiatives.list.noMatch') : t('initiatives.list.emptyTitle')} description={t('initiatives.list.emptyBody')}>
          {add}
        </Empty>
      ) : (
        <>
          <Scroll minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching && !list.isFetchingNextPage}>
              <Table.Caption className="tb-sr-only">{t('initiatives.list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('initiatives.fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.category')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.owner')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.timing')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={iniPaths.initiative(slug, i.id)}>
                        {i.title}
                      </Anchor>
                      {i.priorityRank !== null && (
                        <Badge ml="xs" size="sm" variant="light">
                          {t('initiatives.list.rank', { rank: i.priorityRank })}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td>{categoryLabel(i.category, i.customCategory)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={i.status} />
                    </Table.Td>
                    <Table.Td>{i.owner?.name ?? <Text span c="dimmed" size="sm">{t('initiatives.noOwner')}</Text>}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {fmt.day(i.startsOn)} – {fmt.day(i.targetFinishOn)}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={120}>
                      <Progress value={i.progressPercent} aria-label={t('initiatives.progressOf', { title: i.title })} size="sm" />
                      <Text size="xs" c="dimmed">
                        {t('initiatives.list.progress', { percent: i.progressPercent, count: i.taskCount })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
          <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
