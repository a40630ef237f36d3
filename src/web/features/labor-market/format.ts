import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Locale-aware number formats for labor-market figures (missing figures read "N/A", never 0). */
export function useNumbers() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const integer = new Intl.NumberFormat(lng, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(lng, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(lng, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const signedPercent = new Intl.NumberFormat(lng, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const wholePercent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 });
    const usd = new Intl.NumberFormat(lng, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    const usdCompact = new Intl.NumberFormat(lng, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
    const bytes = new Intl.NumberFormat(lng, { maximumFractionDigits: 1 });
    const na = t('laborMarket.notAvailable');
    const orNa = (format: (n: number) => string) => (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? na : format(n));
    return {
      na,
      integer: orNa((n) => integer.format(n)),
      decimal: orNa((n) => decimal.format(n)),
      /** 22.9 → "+22.9%" (the API sends percentages as numbers of percent). */
      change: orNa((n) => signedPercent.format(n / 100)),
      percent: orNa((n) => percent.format(n / 100)),
      usd: orNa((n) => usd.format(n)),
      /** A fact's value in its unit: people, jobs, count, percent, usd (others: the number and the unit). */
      fact: (value: number, unit: string) => {
        switch (unit) {
          case 'percent':
            return wholePercent.format(value / 100);
          case 'usd':
            return value >= 1_000_000 ? usdCompact.format(value) : usd.format(value);
          case 'people':
          case 'jobs':
          case 'count':
            return integer.format(value);
          default:
            return `${decimal.format(value)} ${unit}`;
        }
      },
      /** File sizes for the upload: "3.2 MB". */
      size: (n: number) => (n >= 1024 * 1024 ? `${bytes.format(n / 1024 / 1024)} MB` : `${bytes.format(Math.max(n / 1024, 0.1))} KB`),
    };
  }, [lng, t]);
}

export type Numbers = ReturnType<typeof useNumbers>;
