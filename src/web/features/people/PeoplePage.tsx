import { Anchor, Button, CloseButton, Group, NativeSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OrganizationType, Role } from '../../../shared/common.contract';
import { api, keys, type PersonListParams } from '../../api/endpoints';
import { paths, useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { ORG_TYPE_VALUES, ROLE_VALUES, RoleBadges, useLabels } from '../../components/labels';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { useListFilters } from '../../hooks/useListFilters';

const PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function PeoplePage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const labels = useLabels();
  const [flash, dismissFlash] = useFlash();
  const filters = useListFilters(['role', 'organizationType', 'organizationId'] as const);
  const role = (ROLE_VALUES as string[]).includes(filters.filters.role) ? (filters.filters.role as Role) : '';
  const organizationType = (ORG_TYPE_VALUES as string[]).includes(filters.filters.organizationType)
    ? (filters.filters.organizationType as OrganizationType)
    : '';
  const organizationId = UUID.test(filters.filters.organizationId) ? filters.filters.organizationId : '';
  const params: PersonListParams = { q: filters.q, role, organizationType, limit: PAGE, ...(organizationId ? { organizationId } : {}) };

  const organization = useQuery({
    queryKey: keys.organization(slug, organizationId),
    queryFn: () => api.organizations.get(slug, organizationId),
    enabled: organizationId !== '',
  });

  const list = useInfiniteQuery({
    queryKey: keys.personList(slug, params),
    queryFn: ({ pageParam, signal }) => api.people.list(slug, { ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const addButton = can.editDirectory ? (
    <Button component={Link} to={paths.personNew(slug)} leftSection={<IconPlus size={16} aria-hidden />}>
      {t('people.add')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('people.title')} description={t('people.intro')} actions={addButton} />
      <StatusMessage message={flash} onClose={dismissFlash} mb="md" />

      <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
        <TextInput
          label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.search}
          onChange={(e) => filters.setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <NativeSelect
          label={t('people.filterRole')}
          value={role}
          onChange={(e) => filters.setFilter('role', e.currentTarget.value)}
          data={[{ value: '', label: t('people.allRoles') }, ...ROLE_VALUES.map((v) => ({ value: v, label: labels.role(v) }))]}
          w={{ base: '100%', xs: 200 }}
        />
        <NativeSelect
          label={t('people.filterOrgType')}
          value={organizationType}
          onChange={(e) => filters.setFilter('organizationType', e.currentTarget.value)}
          data={[{ value: '', label: t('people.allOrgTypes') }, ...ORG_TYPE_VALUES.map((v) => ({ value: v, label: labels.orgType(v) }))]}
          w={{ base: '100%', xs: 220 }}
        />
        {filters.active && (
          <Button variant="subtle" onClick={filters.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      {organizationId && (
        <Paper withBorder px="sm" py={6} mb="md" w="fit-content" bg="var(--mantine-color-blue-light)">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">
              {organization.data
                ? t('people.filteredByOrganization', { name: organization.data.name })
                : t('people.filteredByOrganizationUnknown')}
            </Text>
            <CloseButton size="sm" aria-label={t('people.removeOrganizationFilter')} onClick={() => filters.setFilter('organizationId', '')} />
          </Group>
        </Paper>
      )}

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        filters.active ? (
          <Empty icon={<IconSearch size={28} aria-hidden />} title={t('people.noMatchTitle')} description={t('people.noMatchBody')}>
            <Button variant="light" onClick={filters.clear}>
              {t('common.clearFilters')}
            </Button>
          </Empty>
        ) : (
          <Empty
            icon={<IconUsers size={28} aria-hidden />}
            title={t('people.emptyTitle')}
            description={can.editDirectory ? t('people.emptyBody') : t('people.emptyBodyReadOnly')}
          >
            {can.editDirectory && (
              <Button component={Link} to={paths.personNew(slug)} variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('people.addFirst')}
              </Button>
            )}
          </Empty>
        )
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching && !list.isFetchingNextPage}>
              <Table.Caption className="tb-sr-only">{t('people.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('people.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('people.fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('people.fields.organization')}</Table.Th>
                  <Table.Th scope="col">{t('people.fields.roles')}</Table.Th>
                  <Table.Th scope="col">{t('people.fields.email')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={paths.person(slug, p.id)} className="tb-table-link">
                        {p.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{p.title ?? <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
                    <Table.Td>
                      {p.organizationId && p.organizationName ? (
                        <>
                          <Anchor component={Link} to={paths.organization(slug, p.organizationId)} size="sm">
                            {p.organizationName}
                          </Anchor>
                          {p.organizationType && (
                            <Text size="xs" c="dimmed">
                              {labels.orgType(p.organizationType)}
                            </Text>
                          )}
                        </>
                      ) : (
                        <Text span c="dimmed" size="sm">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RoleBadges roles={p.roles} empty={t('people.noRoles')} />
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {p.email ? (
                        <Anchor href={`mailto:${p.email}`} size="sm">
                          {p.email}
                        </Anchor>
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
