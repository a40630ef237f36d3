import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { BreakdownQuery, MetricKey } from '../../../shared/metrics.contract.js';
import type { Executor } from '../../db/client.js';
import { attendanceTotal } from '../meetings/index.js';
import { metricTargets } from './metrics.table.js';

/**
 * Actuals, computed live from the records in one round trip per year. Calendar years are the
 * coalition's own (its time zone), and every subquery leads with coalition_id so it runs on the
 * rooms' (coalition_id, …) indexes: status changes by (coalition_id, to_status, at), opportunities
 * by (coalition_id, kind, status), pledges by (coalition_id, pledged_on).
 */
export interface Span {
  coalitionId: string;
  year: number;
  timeZone: string;
}

export const bounds = (s: Span) => sql`
  select make_timestamptz(${s.year}::int, 1, 1, 0, 0, 0, ${s.timeZone}::text) as t0,
         make_timestamptz(${s.year + 1}::int, 1, 1, 0, 0, 0, ${s.timeZone}::text) as t1,
         make_date(${s.year}::int, 1, 1) as d0,
         make_date(${s.year + 1}::int, 1, 1) as d1`;

/** Status changes into placed, completed or hired during the year, with who and where. */
const yearEvents = (s: Span) => sql`
  select c.application_id, c.to_status, a.student_id, o.kind, o.employer_id
    from application_status_changes c
    join applications a on a.coalition_id = c.coalition_id and a.id = c.application_id
    join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id, b
   where c.coalition_id = ${s.coalitionId} and c.to_status in ('placed', 'completed', 'hired') and c.at >= b.t0 and c.at < b.t1`;

/** Which events a breakdown-able metric counts, and what it counts distinctly. */
export const eventMetrics: Partial<Record<MetricKey, { where: SQL; distinct: SQL }>> = {
  internship_placements: { where: sql`e.to_status = 'placed' and e.kind = 'internship'`, distinct: sql`e.application_id` },
  job_placements: { where: sql`e.to_status = 'hired'`, distinct: sql`e.application_id` },
  conversions_to_hire: { where: sql`e.to_status = 'hired' and e.kind <> 'job'`, distinct: sql`e.application_id` },
  students_impacted: { where: sql`true`, distinct: sql`e.student_id` },
};

const delivered = (s: Span, kind: string) => sql`
  (select count(*)::int from opportunities o, b
    where o.coalition_id = ${s.coalitionId} and o.kind = ${kind} and o.status = 'completed'
      and coalesce(o.ends_on, o.starts_on) >= b.d0 and coalesce(o.ends_on, o.starts_on) < b.d1)`;

const pledged = (s: Span, kind: string) => sql`
  (select coalesce(sum(p.amount_cents), 0)::float8 / 100 from pledges p, b
    where p.coalition_id = ${s.coalitionId} and p.kind = ${kind} and p.status <> 'cancelled' and p.pledged_on >= b.d0 and p.pledged_on < b.d1)`;

const counted = (key: MetricKey) => {
  const m = eventMetrics[key]!;
  return sql`(select count(distinct ${m.distinct})::int from e where ${m.where})`;
};

/** The metrics counted from applications' status history (the ones the daily rollup holds). */
export const applicationKeys = ['internship_placements', 'job_placements', 'conversions_to_hire', 'students_impacted'] as const;
export type ApplicationKey = (typeof applicationKeys)[number];
export type ApplicationActuals = Record<ApplicationKey, number>;
export type RecordActuals = Record<Exclude<MetricKey, ApplicationKey | 'meeting_attendance'>, number>;
export type Actuals = ApplicationActuals & RecordActuals;

const recordColumns = (s: Span) => sql`
  ${delivered(s, 'soft_skill_wbl')} as soft_skill_wbl,
  ${delivered(s, 'hard_skill_wbl')} as hard_skill_wbl,
  ${delivered(s, 'faculty_externship')} as faculty_externships,
  (select coalesce(sum(r.quantity), 0)::int from engagement_requests r, b
    where r.coalition_id = ${s.coalitionId} and r.status = 'delivered' and r.requested_on >= b.d0 and r.requested_on < b.d1) as volunteers,
  (select coalesce(sum(p.hours_completed), 0)::float8 from placements p, b
    where p.coalition_id = ${s.coalitionId} and p.started_on >= b.d0 and p.started_on < b.d1) as placement_hours,
  ${pledged(s, 'cash')} as dollars_invested,
  ${pledged(s, 'in_kind')} as in_kind_invested`;

const numbers = <T>(row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as T;

/** The application-based actuals computed raw from the whole status history of the year. */
export async function rawApplicationActuals(db: Executor, s: Span): Promise<ApplicationActuals> {
  const result = await db.execute(sql`
    with b as (${bounds(s)}), e as (${yearEvents(s)})
    select ${sql.join(applicationKeys.map((k) => sql`${counted(k)} as ${sql.raw(k)}`), sql`, `)}`);
  return numbers(result.rows[0]!);
}

/** The actuals counted from other records (opportunities, engagement requests, placements, pledges): small tables, always live. */
export async function recordActuals(db: Executor, s: Span): Promise<RecordActuals> {
  const result = await db.execute(sql`with b as (${bounds(s)}) select ${recordColumns(s)}`);
  return numbers(result.rows[0]!);
}

/** Every actual but meeting attendance, raw, in one round trip (the reference the rollup is checked against). */
export async function computeActuals(db: Executor, s: Span): Promise<Actuals> {
  const result = await db.execute(sql`
    with b as (${bounds(s)}), e as (${yearEvents(s)})
    select ${sql.join(applicationKeys.map((k) => sql`${counted(k)} as ${sql.raw(k)}`), sql`, `)}, ${recordColumns(s)}`);
  return numbers(result.rows[0]!);
}

export interface GroupCount {
  group: string;
  groupId: string | null;
  n: number;
}

/** A metric's count per institution, employer or equity group (raw; the service suppresses small cells). */
export async function breakdown(db: Executor, s: Span, key: MetricKey, by: BreakdownQuery['by']): Promise<GroupCount[]> {
  const m = eventMetrics[key]!;
  const base = sql`with b as (${bounds(s)}), e as (${yearEvents(s)})`;
  if (by === 'equity') {
    const groups = ['first_generation', 'low_income', 'no_four_year_degree_path', 'career_changer'];
    const cols = groups.map((g) => sql`count(distinct ${m.distinct}) filter (where q.${sql.raw(g)}) as ${sql.raw(g)}`);
    const result = await db.execute<Record<string, number>>(sql`${base}
      select ${sql.join(cols, sql`, `)} from e
        left join student_equity q on q.coalition_id = ${s.coalitionId} and q.student_id = e.student_id
       where ${m.where}`);
    const row = result.rows[0] ?? {};
    return groups.map((g) => ({ group: g, groupId: null, n: Number(row[g] ?? 0) }));
  }
  const groupCol = by === 'employer' ? sql`e.employer_id` : sql`st.institution_id`;
  const result = await db.execute<{ group_id: string; name: string; n: number }>(sql`${base}
    select ${groupCol} as group_id, org.name, count(distinct ${m.distinct})::int as n from e
      join students st on st.coalition_id = ${s.coalitionId} and st.id = e.student_id
      join organizations org on org.coalition_id = ${s.coalitionId} and org.id = ${groupCol}
     where ${m.where}
     group by ${groupCol}, org.name
     order by n desc, org.name`);
  return result.rows.map((r) => ({ group: r.name, groupId: r.group_id, n: Number(r.n) }));
}

/**
 * The dashboard's other figures in one round trip: the record actuals, meeting attendance (the
 * meetings room's count, the sum of its attendanceByOrganization) and the year's targets.
 */
export async function recordsAttendanceAndTargets(db: Executor, s: Span): Promise<{ records: RecordActuals; attendance: number; targets: { key: string; target: number }[] }> {
  const result = await db.execute<Record<string, unknown>>(sql`
    with b as (${bounds(s)})
    select ${recordColumns(s)},
      ${attendanceTotal(s.coalitionId, s.year, s.timeZone)} as meeting_attendance,
      (select json_agg(json_build_object('key', t.key, 'target', t.target)) from metric_targets t where t.coalition_id = ${s.coalitionId} and t.year = ${s.year}) as targets`);
  const { meeting_attendance: attendance, targets, ...records } = result.rows[0]!;
  return {
    records: numbers<RecordActuals>(records),
    attendance: Number(attendance),
    targets: ((targets ?? []) as { key: string; target: number | string }[]).map((t) => ({ key: t.key, target: Number(t.target) })),
  };
}

export async function targetsBetween(db: Executor, coalitionId: string, from: number, to: number) {
  return db
    .select({ year: metricTargets.year, key: metricTargets.key, target: metricTargets.target })
    .from(metricTargets)
    .where(and(eq(metricTargets.coalitionId, coalitionId), sql`${metricTargets.year} between ${from} and ${to}`));
}
