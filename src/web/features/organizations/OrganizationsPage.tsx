import { Anchor, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { IconBuilding, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OrganizationType } from '../../../shared/common.contract';
import { api, keys, type OrganizationListParams } from '../../api/endpoints';
import { paths, useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { ORG_TYPE_VALUES, useLabels } from '../../components/labels';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { useListFilters } from '../../hooks/useListFilters';
import { importsPath } from '../imports/paths';

const PAGE = 50;

function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

export default function OrganizationsPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const labels = useLabels();
  const [flash, dismissFlash] = useFlash();
  const filters = useListFilters(['type'] as const);
  const type = (ORG_TYPE_VALUES as string[]).includes(filters.filters.type) ? (filters.filters.type as OrganizationType) : '';
  const params: OrganizationListParams = { q: filters.q, type, limit: PAGE };

  const list = useInfiniteQuery({
    queryKey: keys.organizationList(slug, params),
    queryFn: ({ pageParam, signal }) => api.organizations.list(slug, { ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const addButton = can.editDirectory ? (
    <>
      {can.coordinator && (
        <Button component={Link} to={importsPath(slug, { kind: 'organizations' })} variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
          {t('organizations.import')}
        </Button>
      )}
      <Button component={Link} to={paths.organizationNew(slug)} leftSection={<IconPlus size={16} aria-hidden />}>
        {t('organizations.add')}
      </Button>
    </>
  ) : null;

  return (
    <>
      <PageHeader title={t('organizations.title')} description={t('organizations.intro')} actions={addButton} />
      <StatusMessage message={flash} onClose={dismissFlash} mb="md" />

      <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
        <TextInput
          label={t('organizations.search')}
          placeholder={t('organizations.searchPlaceholder')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.search}
          onChange={(e) => filters.setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 18rem' }}
        />
        <NativeSelect
          label={t('organizations.filterType')}
          value={type}
          onChange={(e) => filters.setFilter('type', e.currentTarget.value)}
          data={[{ value: '', label: t('organizations.allTypes') }, ...ORG_TYPE_VALUES.map((v) => ({ value: v, label: labels.orgType(v) }))]}
          w={{ base: '100%', xs: 220 }}
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
        filters.active ? (
          <Empty icon={<IconSearch size={28} aria-hidden />} title={t('organizations.noMatchTitle')} description={t('organizations.noMatchBody')}>
            <Button variant="light" onClick={filters.clear}>
              {t('common.clearFilters')}
            </Button>
          </Empty>
        ) : (
          <Empty
            icon={<IconBuilding size={28} aria-hidden />}
            title={t('organizations.emptyTitle')}
            description={can.editDirectory ? t('organizations.emptyBody') : t('organizations.emptyBodyReadOnly')}
          >
            {can.editDirectory && (
              <Button component={Link} to={paths.organizationNew(slug)} variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('organizations.addFirst')}
              </Button>
            )}
          </Empty>
        )
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching && !list.isFetchingNextPage}>
              <Table.Caption className="tb-sr-only">{t('organizations.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('organizations.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('organizations.filterType')}</Table.Th>
                  <Table.Th scope="col">{t('organizations.fields.subtype')}</Table.Th>
                  <Table.Th scope="col">{t('organizations.fields.website')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((org) => (
                  <Table.Tr key={org.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={paths.organization(slug, org.id)} className="tb-table-link">
                        {org.name}
                      </Anchor>
                      {org.externalId && (
                        <Text size="xs" c="dimmed">
                          {t('organizations.fields.externalId')}: {org.externalId}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{labels.orgType(org.type)}</Table.Td>
                    <Table.Td>{labels.subtype(org.subtype) || <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {/* Plain text: one link per row (the name) keeps keyboard travel short; the detail page links out. */}
                      {org.website ? (
                        <Text span size="sm">
                          {displayUrl(org.website)}
                        </Text>
                      ) : (
                        <Text span c="dimmed" size="sm">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            shown={items.length}
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
