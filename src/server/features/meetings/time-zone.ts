/**
 * Wall-clock arithmetic in the coalition's time zone, with Intl only: a monthly meeting at 9:00 in
 * Los Angeles stays at 9:00 across daylight-saving changes.
 */
import { fromWallClock, wallClock } from '../../../shared/time-zone.js';

export { fromWallClock, wallClock };

/** The same wall-clock time `days` days or `months` months later (day clamped to the month's end). */
export function addLocal(at: Date, timeZone: string, step: { days?: number; months?: number }): Date {
  const w = wallClock(at, timeZone);
  if (step.days) {
    const d = new Date(Date.UTC(w.year, w.month - 1, w.day + step.days));
    return fromWallClock({ ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, timeZone);
  }
  const total = w.year * 12 + (w.month - 1) + (step.months ?? 0);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return fromWallClock({ ...w, year, month, day: Math.min(w.day, lastDay) }, timeZone);
}

/** "Tue, Mar 3, 2026, 9:00 AM PST" in the zone, for e-mails and the PDF. */
export function formatInZone(at: Date, timeZone: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);
}
