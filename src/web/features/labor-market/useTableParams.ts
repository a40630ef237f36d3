import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { SortDir } from './SortableTh';

/**
 * Search, filters and sort of a client-side table, kept in the URL (reload, back and shared links
 * keep them). Every change is one navigation, so several keys can change together.
 */
export function useTableParams<S extends string, F extends string>(options: { sortKeys: readonly S[]; defaultSort: S; defaultDir: SortDir; filterKeys: readonly F[] }) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );

  const currentQ = params.get('q') ?? '';
  useEffect(() => {
    if (currentQ !== debounced) update({ q: debounced || null });
  }, [debounced]);

  const rawSort = params.get('sort') as S | null;
  const sort: S = rawSort && options.sortKeys.includes(rawSort) ? rawSort : options.defaultSort;
  const rawDir = params.get('dir');
  const dir: SortDir = rawDir === 'asc' || rawDir === 'desc' ? rawDir : rawSort ? 'asc' : options.defaultDir;
  const filters = Object.fromEntries(options.filterKeys.map((k) => [k, params.get(k) ?? ''])) as Record<F, string>;

  return {
    search,
    setSearch,
    q: debounced,
    sort,
    dir,
    /** Sorting by a new column starts with the direction that column reads best in. */
    sortBy: (key: S, firstDir: SortDir) => update({ sort: key, dir: key === sort ? (dir === 'asc' ? 'desc' : 'asc') : firstDir }),
    filters,
    setFilter: (key: F, value: string) => update({ [key]: value || null }),
    active: debounced !== '' || options.filterKeys.some((k) => filters[k] !== ''),
    clear: () => {
      setSearch('');
      update({ q: null, ...Object.fromEntries(options.filterKeys.map((k) => [k, null])) });
    },
    update,
  };
}
