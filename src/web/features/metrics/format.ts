/** A metric's value in its unit, in the reader's language. */
export function formatMetric(value: number, unit: string, language: string): string {
  const locale = language.startsWith('es') ? 'es-US' : 'en-US';
  if (unit === 'usd') return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
