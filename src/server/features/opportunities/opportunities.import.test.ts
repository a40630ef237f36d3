import { describe, expect, it } from 'vitest';
import { isIsoDate } from './opportunities.import.js';

/** What a day of the calendar is, by the Date object: the definition isIsoDate must keep without making one. */
const byDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

describe('isIsoDate', () => {
  it('accepts exactly the days the calendar has, leap years and centuries included', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const candidates: string[] = [];
    for (const year of [0, 4, 100, 1900, 1999, 2000, 2023, 2024, 2026, 2100, 2400, 9999])
      for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) candidates.push(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
    const accepted = candidates.filter(isIsoDate);
    expect(accepted).toEqual(candidates.filter(byDate));
    expect(accepted).toContain('2024-02-29');
    expect(accepted).toContain('2000-02-29');
    expect(accepted).not.toContain('1900-02-29');
    expect(accepted).not.toContain('2026-04-31');
  });

  it('refuses what is not written YYYY-MM-DD', () => {
    for (const value of ['', '2026-1-05', '26-01-05', '2026/01/05', '2026-01-05T00:00:00Z', ' 2026-01-05', '2026-01-05 ', '+02026-01-05', 'yyyy-mm-dd']) expect(isIsoDate(value)).toBe(false);
  });
});
