/**
 * Wall-clock dates in the coalition's time zone, with Intl only (src/shared/time-zone.ts, the
 * server's arithmetic too): the calendar and the schedule form show and take times in that zone,
 * whatever zone the browser is in.
 */
import { fromWallClock, wallClock } from '../../../shared/time-zone';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of an instant in the zone. */
export function dayOf(at: Date | string, timeZone: string): string {
  const w = wallClock(typeof at === 'string' ? new Date(at) : at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `<input type="datetime-local">` value (`YYYY-MM-DDTHH:mm`) read as a time in the zone → ISO instant; '' when empty or malformed. */
export function localInputToIso(value: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return '';
  return fromWallClock({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! }, timeZone).toISOString();
}

/** An ISO instant as an `<input type="datetime-local">` value on the zone's clock (the inverse of localInputToIso). */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const w = wallClock(new Date(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** Calendar-day arithmetic on `YYYY-MM-DD` strings (no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** 0 = Sunday. */
export const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
export const startOfWeek = (day: string) => addDays(day, -weekday(day));
export const startOfMonth = (day: string) => `${day.slice(0, 8)}01`;

/** The days a month view shows: whole weeks (Sunday first) covering the month of `day`. */
export function monthGrid(day: string): string[][] {
  const first = startOfWeek(startOfMonth(day));
  const month = day.slice(0, 7);
  const weeks: string[][] = [];
  for (let start = first; weeks.length === 0 || start.slice(0, 7) === month; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

export function weekGrid(day: string): string[][] {
  const start = startOfWeek(day);
  return [Array.from({ length: 7 }, (_, i) => addDays(start, i))];
}

/** The instant the zone's day begins. */
export const startOfDayIn = (day: string, timeZone: string) => {
  const [year, month, d] = day.split('-').map(Number) as [number, number, number];
  return fromWallClock({ year, month, day: d, hour: 0, minute: 0 }, timeZone);
};
