import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { applicationKeys, type ApplicationActuals, type Span } from './metrics.queries.js';

/**
 * The daily rollup of the application-based metrics (decision 018). A day's row counts the
 * applications (or students) whose first qualifying status change of that calendar year happened
 * that day, so the days of a year add up to the raw distinct counts. It holds status changes
 * before the state's `through`; a read adds the live "tail" from `through` on, leaving out what the
 * rollup already counted that year.
 */

const QUALIFYING = sql`('placed', 'completed', 'hired')`;

/**
 * Rebuilds one coalition's rollup rows from status changes before its state's `through`: all of
 * them, or only the calendar years from `fromYear` on (a year's rows depend on that year's
 * changes alone).
 */
export async function rebuildRollupRows(db: Executor, coalitionId: string, timeZone: string, fromYear?: number): Promise<void> {
  const from = fromYear === undefined ? sql`'-infinity'::timestamptz` : sql`make_timestamptz(${fromYear}::int, 1, 1, 0, 0, 0, ${timeZone}::text)`;
  await db.execute(sql`delete from metric_daily_rollups where coalition_id = ${coalitionId} and day >= ${fromYear === undefined ? sql`'-infinity'::date` : sql`make_date(${fromYear}::int, 1, 1)`}`);
  await db.execute(sql`
    insert into metric_daily_rollups (coalition_id, day, internship_placements, job_placements, conversions_to_hire, students_impacted)
    with s as (select through from metric_rollup_state where coalition_id = ${coalitionId}),
    ev as (
      select c.application_id, c.to_status, a.student_id, o.kind, (c.at at time zone ${timeZone}::text) as local_at
        from application_status_changes c
        join applications a on a.coalition_id = c.coalition_id and a.id = c.application_id
        join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id, s
       where c.coalition_id = ${coalitionId} and c.to_status in ${QUALIFYING} and c.at >= ${from} and c.at < s.through),
    firsts as (
      select min(local_at)::date as day, 1 as ip, 0 as jp, 0 as ch, 0 as si from ev
       where to_status = 'placed' and kind = 'internship' group by application_id, extract(year from local_at)
      union all
      select min(local_at)::date, 0, 1, 0, 0 from ev where to_status = 'hired' group by application_id, extract(year from local_at)
      union all
      select min(local_at)::date, 0, 0, 1, 0 from ev where to_status = 'hired' and kind <> 'job' group by application_id, extract(year from local_at)
      union all
      select min(local_at)::date, 0, 0, 0, 1 from ev group by student_id, extract(year from local_at))
    select ${coalitionId}::uuid, day, sum(ip)::int, sum(jp)::int, sum(ch)::int, sum(si)::int from firsts group by day`);
}

/**
 * The year's actuals from the rollup plus the live tail (status changes from `through` on), or
 * undefined when the rollup is not current as of this statement's snapshot (built for another
 * `through`, or out of date). The bounds are written into the statement rather than read from a
 * CTE so the planner sees how small the tail is and uses the indexes.
 */
export async function rollupApplicationActuals(db: Executor, s: Span, through: Date): Promise<ApplicationActuals | undefined> {
  const c = s.coalitionId;
  const t0 = sql`make_timestamptz(${s.year}::int, 1, 1, 0, 0, 0, ${s.timeZone}::text)`;
  const t1 = sql`make_timestamptz(${s.year + 1}::int, 1, 1, 0, 0, 0, ${s.timeZone}::text)`;
  const th = sql`${through.toISOString()}::timestamptz`;
  /**
   * Tail rows whose application (or student) has no earlier qualifying change this year, i.e.
   * not in the rollup. LATERAL … LIMIT 1 keeps it one index probe per tail row: an anti-join
   * would be planned as a hash over the whole year's changes.
   */
  const firsts = (rows: SQL, key: 'application_id' | 'student_id', earlier: SQL) => sql`
    (select count(*)::int from (select distinct ${sql.raw(key)} as k from e where ${rows}) t
       left join lateral (${earlier} limit 1) x on true where x.hit is null)`;
  const earlierOfApplication = (status: string) => sql`
    select 1 as hit from application_status_changes p
     where p.coalition_id = ${c} and p.application_id = t.k and p.to_status = ${status} and p.at >= ${t0} and p.at < ${th}`;
  const earlierOfStudent = sql`
    select 1 as hit from applications a2 join application_status_changes p on p.coalition_id = a2.coalition_id and p.application_id = a2.id
     where a2.coalition_id = ${c} and a2.student_id = t.k and p.to_status in ${QUALIFYING} and p.at >= ${t0} and p.at < ${th}`;
  const result = await db.execute<Record<string, number | boolean | null>>(sql`
    with r as (
      select coalesce(sum(internship_placements), 0)::int as internship_placements, coalesce(sum(job_placements), 0)::int as job_placements,
             coalesce(sum(conversions_to_hire), 0)::int as conversions_to_hire, coalesce(sum(students_impacted), 0)::int as students_impacted
        from metric_daily_rollups where coalition_id = ${c} and day >= make_date(${s.year}::int, 1, 1) and day < make_date(${s.year + 1}::int, 1, 1)),
    e as materialized (
      select c.application_id, c.to_status, a.student_id, o.kind
        from application_status_changes c
        join applications a on a.coalition_id = c.coalition_id and a.id = c.application_id
        join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id
       where c.coalition_id = ${c} and c.to_status in ${QUALIFYING} and c.at >= greatest(${t0}, ${th}) and c.at < ${t1})
    select (select built_version = version and through = ${th} from metric_rollup_state where coalition_id = ${c}) as current,
           r.internship_placements + ${firsts(sql`to_status = 'placed' and kind = 'internship'`, 'application_id', earlierOfApplication('placed'))} as internship_placements,
           r.job_placements + ${firsts(sql`to_status = 'hired'`, 'application_id', earlierOfApplication('hired'))} as job_placements,
           r.conversions_to_hire + ${firsts(sql`to_status = 'hired' and kind <> 'job'`, 'application_id', earlierOfApplication('hired'))} as conversions_to_hire,
           r.students_impacted + ${firsts(sql`true`, 'student_id', earlierOfStudent)} as students_impacted
      from r`);
  const row = result.rows[0]!;
  if (row.current !== true) return undefined;
  return Object.fromEntries(applicationKeys.map((k) => [k, Number(row[k])])) as ApplicationActuals;
}

export interface RollupState {
  through: Date;
  version: number;
  builtVersion: number | null;
  refreshedAt: Date | null;
}

export async function rollupState(db: Executor, coalitionId: string): Promise<RollupState | undefined> {
  const result = await db.execute<{ through: Date | string; version: string | number; built_version: string | number | null; refreshed_at: Date | string | null }>(
    sql`select through, version, built_version, refreshed_at from metric_rollup_state where coalition_id = ${coalitionId}`,
  );
  const row = result.rows[0];
  if (!row) return undefined;
  return { through: new Date(row.through), version: Number(row.version), builtVersion: row.built_version === null ? null : Number(row.built_version), refreshedAt: row.refreshed_at === null ? null : new Date(row.refreshed_at) };
}
