import { Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { QueryErrorState } from '../../components/QueryState';
import { CsvLink } from '../labor-market/Download';
import { TableScroll } from '../labor-market/TableScroll';

/** A column heading: its label, and whether it holds figures (right-aligned). */
export interface Column {
  label: string;
  figure?: boolean;
}

/** The shared pieces of the area's lists: filter bar, query states, headed tables, keyset paging. */
export function HeadRow({ columns }: { columns: Column[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) => (
          <Table.Th key={c.label} scope="col" ta={c.figure ? 'end' : undefined}>
            {c.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/**
 * A list's filters as one search landmark: the text search, the list's own controls, "clear" while
 * any filter is set (when the list can clear), and the server's CSV of what the filters select (when
 * there is one).
 */
export function FilterBar({
  label,
  searchLabel,
  search,
  onSearch,
  searchBasis,
  csv,
  clear,
  mb = 'md',
  children,
}: {
  label: string;
  searchLabel: string;
  search: string;
  onSearch: (value: string) => void;
  searchBasis: string;
  csv?: { href: string; what: string };
  clear?: { active: boolean; onClear: () => void };
  mb?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" mb={mb} role="search" aria-label={label}>
      <TextInput label={searchLabel} type="search" leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => onSearch(e.currentTarget.value)} style={{ flex: `1 1 ${searchBasis}` }} />
      {children}
      {clear?.active && (
        <Button variant="subtle" onClick={clear.onClear}>
          {t('common.clearFilters')}
        </Button>
      )}
      {csv && <CsvLink href={csv.href} what={csv.what} />}
    </Group>
  );
}

/** Loading, a failure with a retry, the empty state, or the content once there is something to show. */
export function QueryView<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: { data: T | undefined; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  empty: ReactNode;
  isEmpty: boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <Loading />;
  if (isEmpty) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/** A keyset-paged list ({items, nextCursor}) as one flat array, pages fetched on demand. */
export function usePagedList<T>(queryKey: QueryKey, fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const list = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return { list, items: list.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** A paged list as a striped table with a screen-reader caption, headed columns and "load more". */
export function PagedTable({
  list,
  shown,
  caption,
  minWidth,
  columns,
  children,
}: {
  list: { isFetching: boolean; isFetchingNextPage: boolean; hasNextPage: boolean; fetchNextPage: () => unknown };
  shown: number;
  caption: string;
  minWidth: number;
  columns: Column[];
  children: ReactNode;
}) {
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped verticalSpacing="sm" aria-busy={list.isFetching && !list.isFetchingNextPage}>
          <Table.Caption className="tb-sr-only">{caption}</Table.Caption>
          <HeadRow columns={columns} />
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore shown={shown} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
    </>
  );
}

/** A ranked view's search (debounced before it reaches the server) and its sort order. */
export function useSearchAndSort<S extends string>(initialSort: S) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [sort, setSort] = useState<S>(initialSort);
  return { search, setSearch, q, sort, setSort };
}

/** A ranked alignment view's filters: its search, its sort orders, anything of its own, and its CSV. */
export function RankedFilters<S extends string>({
  view,
  labels,
  csv,
  sorts,
  sortWidth,
  children,
}: {
  view: ReturnType<typeof useSearchAndSort<S>>;
  labels: { filters: string; search: string; sortBy: string; csv: string };
  csv: string;
  sorts: readonly S[];
  sortWidth: number;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <FilterBar label={labels.filters} searchLabel={labels.search} search={view.search} onSearch={view.setSearch} searchBasis="14rem" mb="sm" csv={{ href: csv, what: labels.csv }}>
      <NativeSelect
        label={labels.sortBy}
        value={view.sort}
        onChange={(e) => view.setSort(e.currentTarget.value as S)}
        data={sorts.map((s) => ({ value: s, label: t(`informationExchange.alignment.sort.${s as 'gap'}`) }))}
        w={sortWidth}
      />
      {children}
    </FilterBar>
  );
}

/** A ranked alignment table: visible caption, a scroll region of its own, and the method under it. */
export function RankedTable({ caption, minWidth, busy, columns, method, children }: { caption: string; minWidth: number; busy: boolean; columns: Column[]; method: string; children: ReactNode }) {
  return (
    <>
      <TableScroll label={caption} minWidth={minWidth} maxHeight={560}>
        <Table striped fz="sm" aria-busy={busy}>
          <Table.Caption>{caption}</Table.Caption>
          <HeadRow columns={columns} />
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </TableScroll>
      <Text size="xs" c="dimmed" mt={6}>
        {method}
      </Text>
    </>
  );
}
