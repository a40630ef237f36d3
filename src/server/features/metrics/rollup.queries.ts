import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { applicationKeys, bounds, type ApplicationActuals, type Span } from './metrics.queries.js';

/**
 * The daily rollup of the application-based metrics (decision 018). A day's row counts the
 * applications (or students) whose first qualifying status change of that calendar year happened
 * that day, so the days of a year add up to the raw distinct counts. It holds status changes
 * before the state's `through`; a read adds the live "tail" from `through` on, leaving out what the
 * rollup already counted that year.
 */

const QUALIFYING = sql`('placed', 'completed', 'hired')`;

/** Rebuilds one coalition's rollup rows from status changes before its state's `through`. */
export async function rebuildRollupRows(db: Executor, coalitionId: string, timeZone: string): Promise<void> {
  await db.execute(sql`delete from metric_daily_rollups where coalition_id = ${coalitionId}`);
  await db.execute(sql`
    insert into metric_daily_rollups (coalition_id, day, internship_placements, job_placements, conversions_to_hire, students_impacted)
    with s as (select through from metric_rollup_state where coalition_id = ${coalitionId}),
    ev as (
      select c.application_id, c.to_status, a.student_id, o.kind, (c.at at time zone ${timeZone}::text) as local_at
        from application_status_changes c
        join applications a on a.coalition_id = c.coalition_id and a.id = c.application_id
        join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id, s
       where c.coalition_id = ${coalitionId} and c.to_status in ${QUALIFYING} and c.at < s.through),
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

/** Earlier qualifying changes of the same application this year, already in the rollup. */
const earlierOfApplication = (coalitionId: string, status: string) => sql`
  exists (select 1 from application_status_changes p, b, s
           where p.coalition_id = ${coalitionId} and p.application_id = e.application_id and p.to_status = ${status}
             and p.at >= b.t0 and p.at < s.through)`;

/** The year's actuals from the rollup plus the live tail (status changes from `through` on). */
export async function rollupApplicationActuals(db: Executor, s: Span): Promise<ApplicationActuals> {
  const c = s.coalitionId;
  const result = await db.execute<Record<string, number>>(sql`
    with b as (${bounds(s)}),
    s as (select through from metric_rollup_state where coalition_id = ${c}),
    r as (
      select coalesce(sum(internship_placements), 0)::int as internship_placements, coalesce(sum(job_placements), 0)::int as job_placements,
             coalesce(sum(conversions_to_hire), 0)::int as conversions_to_hire, coalesce(sum(students_impacted), 0)::int as students_impacted
        from metric_daily_rollups, b where coalition_id = ${c} and day >= b.d0 and day < b.d1),
    e as (
      select c.application_id, c.to_status, a.student_id, o.kind
        from application_status_changes c
        join applications a on a.coalition_id = c.coalition_id and a.id = c.application_id
        join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id, b, s
       where c.coalition_id = ${c} and c.to_status in ${QUALIFYING} and c.at >= greatest(b.t0, s.through) and c.at < b.t1)
    select r.internship_placements + (select count(distinct e.application_id) from e
             where e.to_status = 'placed' and e.kind = 'internship' and not ${earlierOfApplication(c, 'placed')})::int as internship_placements,
           r.job_placements + (select count(distinct e.application_id) from e
             where e.to_status = 'hired' and not ${earlierOfApplication(c, 'hired')})::int as job_placements,
           r.conversions_to_hire + (select count(distinct e.application_id) from e
             where e.to_status = 'hired' and e.kind <> 'job' and not ${earlierOfApplication(c, 'hired')})::int as conversions_to_hire,
           r.students_impacted + (select count(distinct e.student_id) from e
             where not exists (select 1 from applications a2
                                 join application_status_changes p on p.coalition_id = a2.coalition_id and p.application_id = a2.id, b, s
                                where a2.coalition_id = ${c} and a2.student_id = e.student_id and p.to_status in ${QUALIFYING}
                                  and p.at >= b.t0 and p.at < s.through))::int as students_impacted
      from r`);
  const row = result.rows[0]!;
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
