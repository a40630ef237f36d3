import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Locale-aware date formatting bound to the current UI language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(lng, { dateStyle: 'medium' });
    const parse = (iso: string | null | undefined) => {
      if (!iso) return null;
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? null : d;
    };
    return {
      dateTime: (iso: string | null | undefined) => {
        const d = parse(iso);
        return d ? dateTime.format(d) : '';
      },
      date: (iso: string | null | undefined) => {
        const d = parse(iso);
        return d ? date.format(d) : '';
      },
      list: (items: string[]) => new Intl.ListFormat(lng, { style: 'long', type: 'conjunction' }).format(items),
    };
  }, [lng]);
}
