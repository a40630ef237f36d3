import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * List filters kept in the URL (so reload, back and shared links keep them). The free-text search is
 * debounced before it reaches the URL and the server.
 */
export function useListFilters<K extends string>(filterKeys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);

  const current = params.get('q') ?? '';
  useEffect(() => {
    // Only navigate when the search really changed: a no-op navigation would drop location.state.
    if (current === debounced) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [debounced]);

  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;

  const setFilter = (key: K, value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  const clear = () => {
    setSearch('');
    setParams(new URLSearchParams(), { replace: true, preventScrollReset: true });
  };

  const active = debounced !== '' || filterKeys.some((k) => filters[k] !== '');

  return { search, setSearch, q: debounced, filters, setFilter, clear, active };
}
