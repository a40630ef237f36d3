import { describe, expect, it } from 'vitest';
import { addMonths, dayOf, localInputToIso, monthGrid, startOfDayIn, weekGrid } from './zoned';

const LA = 'America/Los_Angeles';

describe('coalition-zone dates', () => {
  it('reads a datetime-local value as a time in the coalition zone, across daylight saving', () => {
    expect(localInputToIso('2026-12-03T09:00', LA)).toBe('2026-12-03T17:00:00.000Z'); // PST, UTC−8
    expect(localInputToIso('2026-07-03T09:00', LA)).toBe('2026-07-03T16:00:00.000Z'); // PDT, UTC−7
    expect(localInputToIso('not a date', LA)).toBe('');
  });

  it('puts an instant on the zone’s calendar day, not UTC’s', () => {
    // 05:30 UTC on the 4th is still the evening of the 3rd in Los Angeles.
    expect(dayOf('2026-12-04T05:30:00Z', LA)).toBe('2026-12-03');
    expect(dayOf('2026-12-04T05:30:00Z', 'UTC')).toBe('2026-12-04');
    expect(startOfDayIn('2026-12-03', LA).toISOString()).toBe('2026-12-03T08:00:00.000Z');
  });

  it('lays out whole Sunday-first weeks covering the month', () => {
    const weeks = monthGrid('2026-11-26');
    expect(weeks[0]![0]).toBe('2026-11-01'); // 1 November 2026 is a Sunday
    expect(weeks.at(-1)!.at(-1)).toBe('2026-12-05');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid('2027-02-10')[0]![0]).toBe('2027-01-31');
    expect(weekGrid('2026-11-26')[0]).toEqual(['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
  });

  it('moves by months, clamping to the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});
