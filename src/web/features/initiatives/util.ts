import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto } from '../../../shared/people.contract';
import { api } from '../../api/endpoints';

/** Calendar days (YYYY-MM-DD) and money (US cents) in the UI language. Days are shown as written, never shifted by the browser's time zone. */
export function useIniFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(lng, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(lng, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const money = new Intl.NumberFormat(lng, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    const number = new Intl.NumberFormat(lng);
    const at = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return {
      day: (iso: string | null | undefined) => (iso ? day.format(at(iso)) : '—'),
      shortDay: (iso: string) => short.format(at(iso)),
      month: (iso: string) => month.format(at(iso)),
      money: (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : money.format(cents / 100)),
      number: (n: number) => number.format(n),
    };
  }, [lng]);
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of an ISO day. */
export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
export const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Today as YYYY-MM-DD in the browser's calendar. */
export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Dollars typed in a form → cents (undefined when empty, NaN when not a number, so the schema says why). */
export function centsOf(value: string): number | undefined {
  const clean = value.replace(/[$,\s]/g, '');
  if (clean === '') return undefined;
  const n = Number(clean);
  return Number.isFinite(n) ? Math.round(n * 100) : Number.NaN;
}
/** A whole number typed in a form (undefined when empty). */
export function intOf(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Everyone of the coalition (a regional coalition: hundreds at most), for owner, assignee and team pickers. */
export function usePeople(slug: string) {
  return useQuery({
    queryKey: ['coalitions', slug, 'people', 'all'],
    queryFn: async ({ signal }) => {
      const all: PersonDto[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page = await api.people.list(slug, { limit: 200, cursor }, signal);
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
    staleTime: 60_000,
  });
}
