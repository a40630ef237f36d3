import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export type SortDir = 'asc' | 'desc';

/**
 * A column header that sorts: a button inside the <th>, which carries aria-sort. The button's name is
 * the column's name; the state is read from aria-sort (and announced by the table's status line).
 */
export function SortableTh({
  label,
  active,
  dir,
  onSort,
  numeric = false,
  w,
}: {
  label: ReactNode;
  active: boolean;
  dir: SortDir;
  onSort: () => void;
  numeric?: boolean;
  w?: number | string;
}) {
  const Icon = !active ? IconArrowsSort : dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={numeric ? 'tb-num' : undefined} w={w} miw={numeric ? 80 : undefined}>
      <UnstyledButton className="tb-sort-button" onClick={onSort}>
        <span>{label}</span>
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.55 }} />
      </UnstyledButton>
    </Table.Th>
  );
}

/** Orders rows by one key; missing values (null) always go last, ties keep the incoming order. */
export function sortRows<T>(rows: T[], value: (row: T) => string | number | null, dir: SortDir, locale: string): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (a.v === null && b.v === null) return a.index - b.index;
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map((x) => x.row);
}
