// Benchmark (issue 9): the key endpoints beyond matching at Los Angeles scale, each through the whole
// app against the best raw SQL we could write for the SAME answer, and the small-scale variant for
// the embedded default, with the growth from one to the other.
//
// Data: the generated LA database (bench/la-scale/generate.ts; 40,000 organizations, 500,000
// students, 100,000 opportunities, 2,000,000 applications; built by la-scale.ts or generate.ts,
// never here) plus bench/la-scale/extras.ts (status history, hiring needs, programs and courses,
// 5,000 tasks, 800 projections, metric targets). The small scale is the same generator at
// BENCH_LA_SCALE=0.01 (400 organizations, 5,000 students, 1,000 opportunities, 20,000 applications)
// in tb_bench_la_small, measured there and on embedded PGlite (its rows copied with pg_dump into a
// fresh PGlite data directory, served by the PGlite worker process as `npm start` runs it).
//
// For each endpoint: warm-up, then repetitions alternating which of app and raw goes first; the app
// is Fastify inject with a real session (tenancy, policy, SQL, serialization), timed to the response
// (the client's JSON.parse is not timed); the raw SQL runs on its own connection (on PGlite, the one
// the socket serves) and includes the client's row parsing; both answers are reduced to the same
// canonical form and must be equal every repetition. Target: app p50 ≤ 1.25 × raw p50.
//   GET …/metrics?year=2026                the coalition dashboard (Coordinator); raw = the rollup's
//                                          `through`, then one statement over the daily rollup + its
//                                          tail + the other records + attendance + targets,
//                                          and for reference the raw aggregate over the records (issue 8)
//   GET …/opportunities?… (page of 50)     the board with filters, as the Coordinator and as a student
//   GET …/master-plan                      5,000 tasks; raw = one statement + the same criticalPath()
//   GET …/alignment/skills                 the skills gap
//   GET …/labor-market/occupations         the region's projections
//   GET …/students/:id/matches             (for growth only; la-scale.ts compares it with raw SQL)
// Growth: app p50 at LA scale ÷ app p50 at the small scale (PostgreSQL both), against the 100× data.
// Writes bench/results/la-endpoints-<date>.json.
//   node --import tsx bench/la-endpoints.ts [repetitions]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { placedOrBeyond } from '../src/shared/applications.contract.js';
import { connectPostgres, SESSION_OPTIONS, startEmbedded, wrapPool, poolForPgliteHost, type Database } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { startPgliteHost } from '../src/server/db/pglite-host.js';
import { criticalPath } from '../src/server/features/initiatives/index.js';
import { refreshRollup } from '../src/server/features/metrics/rollup.js';
import { ensureLaExtras } from './la-scale/extras.js';
import { ensureLaDatabase, GENERATOR_VERSION, SCALE } from './la-scale/generate.js';
import { settleConnections } from './support/backends.js';
import { injectedApp, loadAverage, round, summarize, timed, type InjectedApp } from './support/inject.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPETITIONS = Math.max(5, Number(process.argv[2] ?? 10));
const WARMUP = 2;
const RATIO_TARGET = 1.25;
const SUBJECTS = 3;
const YEAR = 2026;
const PART = process.env.BENCH_LA_ENDPOINTS_PART; // 'small' in the child process
const laUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tb_bench_la';
const smallUrl = process.env.BENCH_SMALL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tb_bench_la_small';
const log = (m: string) => console.error(m);
/** BENCH_ONLY=dashboard,board,plan,gap,occupations,matches measures a part (for trying a change; results are not written). */
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (part: string) => !only || only.includes(part);

type Raw = { query: <R extends pg.QueryResultRow>(text: string, params: unknown[]) => Promise<pg.QueryResult<R>> };

interface Measured {
  endpoint: string;
  app: ReturnType<typeof summarize>;
  raw: ReturnType<typeof summarize>;
  ratio: number;
  withinTarget: boolean;
  answer: string;
  reference?: { label: string; raw: ReturnType<typeof summarize> };
}

/** Alternating app/raw repetitions after a warm-up; the canonical answers must be equal every time. */
async function compare(endpoint: string, viaApp: () => Promise<string>, viaRaw: () => Promise<string>, answer: (canonical: string) => string): Promise<Measured> {
  for (let i = 0; i < WARMUP; i++) {
    await viaApp();
    await viaRaw();
  }
  const appTimes: number[] = [];
  const rawTimes: number[] = [];
  let last = '';
  for (let i = 0; i < REPETITIONS; i++) {
    const appFirst = i % 2 === 0;
    const [a1, x1] = appFirst ? await timedAnswer(viaApp) : [0, ''];
    const [r, y] = await timedAnswer(viaRaw);
    const [a, x] = appFirst ? [a1, x1] : await timedAnswer(viaApp);
    if (x !== y) throw new Error(`${endpoint}: the app and the raw SQL disagree\napp ${x.slice(0, 600)}\nraw ${y.slice(0, 600)}`);
    appTimes.push(a);
    rawTimes.push(r);
    last = y;
  }
  const app = summarize(appTimes);
  const raw = summarize(rawTimes);
  const ratio = round(app.p50 / raw.p50);
  log(`  ${endpoint}: app p50 ${app.p50} ms, raw p50 ${raw.p50} ms, ${ratio}× (${answer(last)})`);
  return { endpoint, app, raw, ratio, withinTarget: ratio <= RATIO_TARGET, answer: answer(last) };
}

/** A call that times its own request and canonicalizes its answer after the clock stops. */
type Timed = () => Promise<string>;
let lastMs = 0;
async function timedAnswer(fn: Timed): Promise<[number, string]> {
  const answer = await fn();
  return [lastMs, answer];
}
async function clock<T>(fn: () => Promise<T>): Promise<T> {
  const [ms, value] = await timed(fn);
  lastMs = ms;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Raw SQL
// ---------------------------------------------------------------------------------------------
const BOUNDS = `select make_timestamptz($2::int, 1, 1, 0, 0, 0, $3::text) as t0, make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, $3::text) as t1, make_date($2::int, 1, 1) as d0, make_date($2::int + 1, 1, 1) as d1`;
const QUALIFYING = `('placed', 'completed', 'hired')`;
/** The metrics other than the four counted from status history, attendance and the year's targets. */
const OTHER_ACTUALS = `
  (select count(*)::int from opportunities o where o.coalition_id = $1 and o.kind = 'soft_skill_wbl' and o.status = 'completed' and coalesce(o.ends_on, o.starts_on) >= b.d0 and coalesce(o.ends_on, o.starts_on) < b.d1) as soft_skill_wbl,
  (select count(*)::int from opportunities o where o.coalition_id = $1 and o.kind = 'hard_skill_wbl' and o.status = 'completed' and coalesce(o.ends_on, o.starts_on) >= b.d0 and coalesce(o.ends_on, o.starts_on) < b.d1) as hard_skill_wbl,
  (select count(*)::int from opportunities o where o.coalition_id = $1 and o.kind = 'faculty_externship' and o.status = 'completed' and coalesce(o.ends_on, o.starts_on) >= b.d0 and coalesce(o.ends_on, o.starts_on) < b.d1) as faculty_externships,
  (select coalesce(sum(r.quantity), 0)::int from engagement_requests r where r.coalition_id = $1 and r.status = 'delivered' and r.requested_on >= b.d0 and r.requested_on < b.d1) as volunteers,
  (select coalesce(sum(p.hours_completed), 0)::float8 from placements p where p.coalition_id = $1 and p.started_on >= b.d0 and p.started_on < b.d1) as placement_hours,
  (select coalesce(sum(p.amount_cents), 0)::float8 / 100 from pledges p where p.coalition_id = $1 and p.kind = 'cash' and p.status <> 'cancelled' and p.pledged_on >= b.d0 and p.pledged_on < b.d1) as dollars_invested,
  (select coalesce(sum(p.amount_cents), 0)::float8 / 100 from pledges p where p.coalition_id = $1 and p.kind = 'in_kind' and p.status <> 'cancelled' and p.pledged_on >= b.d0 and p.pledged_on < b.d1) as in_kind_invested,
  (select count(*)::int from meeting_invitees i join meetings m on m.coalition_id = i.coalition_id and m.id = i.meeting_id join people pe on pe.coalition_id = i.coalition_id and pe.id = i.person_id
    where i.coalition_id = $1 and i.attended and pe.organization_id is not null and extract(year from m.starts_at at time zone $3::text) = $2) as meeting_attendance,
  (select json_object_agg(t.key, t.target) from metric_targets t where t.coalition_id = $1 and t.year = $2) as targets`;

/**
 * Every actual from the daily rollup plus the status changes since it was built (first of the year
 * only); $4 is the rollup's `through`, read by a first statement (RAW_ROLLUP_THROUGH), as the app does.
 */
const RAW_ROLLUP_THROUGH = `select through from metric_rollup_state where coalition_id = $1 and built_version = version`;
const RAW_DASHBOARD_ROLLUP = `
with b as (${BOUNDS}),
st as (select through from metric_rollup_state where coalition_id = $1 and built_version = version and through = $4::timestamptz),
r as (select coalesce(sum(internship_placements), 0)::int as ip, coalesce(sum(job_placements), 0)::int as jp, coalesce(sum(conversions_to_hire), 0)::int as ch, coalesce(sum(students_impacted), 0)::int as si
        from metric_daily_rollups, b where coalition_id = $1 and day >= b.d0 and day < b.d1),
e as materialized (
  select c.application_id, c.to_status, a.student_id, o.kind
    from application_status_changes c join applications a on a.coalition_id = c.coalition_id and a.id = c.application_id
    join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id
   -- The bound as a parameter (as the app does), so the planner expects a small tail.
   where c.coalition_id = $1 and c.to_status in ${QUALIFYING} and c.at >= greatest(make_timestamptz($2::int, 1, 1, 0, 0, 0, $3::text), $4::timestamptz) and c.at < make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, $3::text))
select (select count(*) from st) as current,
  r.ip + (select count(distinct e.application_id)::int from e, b, st where e.to_status = 'placed' and e.kind = 'internship'
           and not exists (select 1 from application_status_changes p where p.coalition_id = $1 and p.application_id = e.application_id and p.to_status = 'placed' and p.at >= b.t0 and p.at < st.through)) as internship_placements,
  r.jp + (select count(distinct e.application_id)::int from e, b, st where e.to_status = 'hired'
           and not exists (select 1 from application_status_changes p where p.coalition_id = $1 and p.application_id = e.application_id and p.to_status = 'hired' and p.at >= b.t0 and p.at < st.through)) as job_placements,
  r.ch + (select count(distinct e.application_id)::int from e, b, st where e.to_status = 'hired' and e.kind <> 'job'
           and not exists (select 1 from application_status_changes p where p.coalition_id = $1 and p.application_id = e.application_id and p.to_status = 'hired' and p.at >= b.t0 and p.at < st.through)) as conversions_to_hire,
  r.si + (select count(distinct e.student_id)::int from e, b, st where not exists (
           select 1 from applications a2 join application_status_changes p on p.coalition_id = a2.coalition_id and p.application_id = a2.id
            where a2.coalition_id = $1 and a2.student_id = e.student_id and p.to_status in ${QUALIFYING} and p.at >= b.t0 and p.at < st.through)) as students_impacted,
  ${OTHER_ACTUALS}
from r, b`;

/** Every actual counted from the whole year's records (what the dashboard cost before the rollup). */
const RAW_DASHBOARD_RECORDS = `
with b as (${BOUNDS}),
e as (
  select c.application_id, c.to_status, a.student_id, o.kind
    from application_status_changes c join applications a on a.coalition_id = c.coalition_id and a.id = c.application_id
    join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id, b
   where c.coalition_id = $1 and c.to_status in ${QUALIFYING} and c.at >= b.t0 and c.at < b.t1)
select 1 as current,
  (select count(distinct application_id)::int from e where to_status = 'placed' and kind = 'internship') as internship_placements,
  (select count(distinct application_id)::int from e where to_status = 'hired') as job_placements,
  (select count(distinct application_id)::int from e where to_status = 'hired' and kind <> 'job') as conversions_to_hire,
  (select count(distinct student_id)::int from e) as students_impacted,
  ${OTHER_ACTUALS}
from b`;

const METRIC_KEYS = ['soft_skill_wbl', 'hard_skill_wbl', 'faculty_externships', 'internship_placements', 'job_placements', 'conversions_to_hire', 'students_impacted', 'volunteers', 'placement_hours', 'meeting_attendance', 'dollars_invested', 'in_kind_invested'];
const dashboardOfRaw = (row: Record<string, unknown>) => {
  if (Number(row.current) !== 1) throw new Error('the rollup is not current: refresh it before measuring');
  const targets = (row.targets ?? {}) as Record<string, number>;
  return JSON.stringify(METRIC_KEYS.map((k) => [k, Number(row[k]), targets[k] === undefined ? null : Number(targets[k])]));
};

/** The board: a page of 50 with the employer and institution joined, seats filled and each row's skills. */
const rawBoard = (filters: string) => `
select o.id, o.kind, o.title, o.description, o.employer_id, org.name as employer_name, org.website as employer_website, o.institution_id, inst.name as institution_name,
  o.pathway, o.audiences, o.compensation, o.pay_amount, o.pay_unit, o.seats,
  (select count(*)::int from applications a where a.coalition_id = $1 and a.opportunity_id = o.id and a.status in ('${placedOrBeyond.join("', '")}')) as seats_filled,
  o.starts_on, o.ends_on, o.application_deadline, o.hours_per_week, o.minimum_age, o.modality, o.location, o.status, o.external_id, o.created_at, o.updated_at,
  (select json_agg(json_build_object('id', s.id, 'name', s.name, 'importance', os.importance) order by os.importance desc, s.name)
     from opportunity_skills os join skills s on s.id = os.skill_id where os.coalition_id = $1 and os.opportunity_id = o.id) as skills
from opportunities o
join organizations org on org.coalition_id = o.coalition_id and org.id = o.employer_id
left join organizations inst on inst.coalition_id = o.coalition_id and inst.id = o.institution_id
where o.coalition_id = $1 ${filters}
order by o.title, o.id limit 51`;
const boardAnswer = (rows: { id: string; seatsFilled: number; skills: { id: string }[] | null }[]) =>
  JSON.stringify(rows.slice(0, 50).map((r) => [r.id, r.seatsFilled, (r.skills ?? []).map((s) => s.id)]));

const RAW_PLAN = `
select (select json_agg(json_build_object('id', id, 'startsOn', starts_on, 'durationDays', duration_days)) from initiative_tasks where coalition_id = $1) as tasks,
       (select json_agg(json_build_array(task_id, depends_on_id)) from task_dependencies where coalition_id = $1) as deps,
       (select json_agg(json_build_object('id', i.id, 'title', i.title, 'owner', p.name)) from initiatives i left join people p on p.coalition_id = i.coalition_id and p.id = i.owner_id where i.coalition_id = $1) as initiatives`;

const RAW_SKILLS_GAP = `
with demand as (
  select hs.skill_id, sum(n.positions * case hs.importance when 'preferred' then 0.5 else 1 end)::float8 as demand, count(*)::int as needs, sum(n.positions)::int as positions
  from hiring_need_skills hs join hiring_needs n on n.coalition_id = hs.coalition_id and n.id = hs.need_id where hs.coalition_id = $1 group by hs.skill_id
), supply as (
  select cs.skill_id, sum(coalesce(co.annual_enrollment, 0))::float8 as supply, count(*)::int as courses, count(distinct p.institution_id)::int as institutions
  from course_skills cs join courses co on co.coalition_id = cs.coalition_id and co.id = cs.course_id join programs p on p.coalition_id = co.coalition_id and p.id = co.program_id
  where cs.coalition_id = $1 group by cs.skill_id
)
select s.id as "skillId", s.name as skill, s.kind, coalesce(d.demand, 0) as demand, coalesce(u.supply, 0) as supply, coalesce(d.demand, 0) - coalesce(u.supply, 0) as gap,
  coalesce(d.needs, 0) as needs, coalesce(d.positions, 0) as positions, coalesce(u.courses, 0) as courses, coalesce(u.institutions, 0) as institutions
from demand d full join supply u on u.skill_id = d.skill_id join skills s on s.id = coalesce(d.skill_id, u.skill_id)
order by gap desc, s.name`;
const gapAnswer = (rows: { skillId: string; demand: number; supply: number }[]) => JSON.stringify(rows.map((r) => [r.skillId, Number(r.demand), Number(r.supply)]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));

const RAW_PROJECTIONS = `
with r as (select id from lm_regions where coalition_id = $1 order by name limit 1)
select p.soc, p.soc_version, p.title, p.category, p.base_year, p.base_employment, p.projected_year, p.projected_employment, p.annual_new_jobs, p.annual_replacement_needs,
  coalesce(p.stated_total_openings, p.annual_new_jobs + p.annual_replacement_needs) as total_openings, p.work_experience, d.key, d.name, d.publisher, d.source, d.published_on,
  (select json_agg(json_build_object('soc', x.soc2018, 'title', x.soc2018_title)) from soc_crosswalk x where p.soc_version = '2010' and x.soc2010 = p.soc) as soc2018
from lm_projections p join r on r.id = p.region_id join lm_datasets d on d.coalition_id = p.coalition_id and d.id = p.dataset_id
where p.coalition_id = $1 order by p.soc`;
const projectionAnswer = (rows: { soc: string; base: number | null; projected: number | null; openings: number | null }[]) => JSON.stringify(rows.map((r) => [r.soc, r.base, r.projected, r.openings]));

// ---------------------------------------------------------------------------------------------
// One scale on one database
// ---------------------------------------------------------------------------------------------
interface ScaleResult {
  label: string;
  mode: 'postgres' | 'pglite';
  endpoints: Measured[];
  matches: { app: ReturnType<typeof summarize> | null; subjects: number };
  requestFloor: { request: string } & ReturnType<typeof summarize>;
  loadAverage: number[];
}

async function measureScale(label: string, database: Database, raw: Raw, coalitionId: string, databaseUrl?: string): Promise<ScaleResult> {
  const served: InjectedApp = await injectedApp(database, databaseUrl);
  const base = '/api/v1/coalitions/la-tech';
  const q = async <R extends pg.QueryResultRow>(text: string, params: unknown[]) => (await raw.query<R>(text, params)).rows;
  try {
    log(`${label}: measuring (load ${loadAverage().join(' ')})`);
    const coordinator = await served.signIn('coordinator@la-tech.demo');
    const student = await served.signIn('student@la-tech.demo');
    const tz = (await q<{ time_zone: string }>('select time_zone from coalitions where id = $1', [coalitionId]))[0]!.time_zone;
    const studentOrg = (await q<{ organization_id: string }>(`select p.organization_id from people p join users u on u.id = p.user_id where p.coalition_id = $1 and u.email = 'student@la-tech.demo'`, [coalitionId]))[0]!.organization_id;
    const appGet = (cookie: string, url: string) => clock(() => served.get(cookie, `${base}${url}`));
    const rawGet = <R extends pg.QueryResultRow>(text: string, params: unknown[]) => clock(() => q<R>(text, params));
    const endpoints: Measured[] = [];

    if (wanted('dashboard')) {
    // The dashboard reads the rollup plus its tail: build it now so both sides read a current one.
    const refresh = await refreshRollup(database.db, coalitionId);
    log(`  rollup refreshed (${refresh.rebuilt}, ${refresh.days} days, current ${refresh.current})`);
    const appDashboard = async () => {
      const body = (await appGet(coordinator, `/metrics?year=${YEAR}`)).json() as { items: { key: string; actual: number; target: number | null }[] };
      const byKey = new Map(body.items.map((i) => [i.key, i]));
      return JSON.stringify(METRIC_KEYS.map((k) => [k, byKey.get(k)!.actual, byKey.get(k)!.target]));
    };
    const rawDashboard = () =>
      clock(async () => {
        const [state] = await q<{ through: Date }>(RAW_ROLLUP_THROUGH, [coalitionId]);
        return (await q<Record<string, unknown>>(RAW_DASHBOARD_ROLLUP, [coalitionId, YEAR, tz, state?.through ?? null]))[0]!;
      }).then(dashboardOfRaw);
    const dashboard = await compare('GET /metrics (Coordinator)', appDashboard, rawDashboard, (a) => `${JSON.parse(a)[6][1]} students impacted`);
    // The reference: the same answer counted from every status change of the year.
    const recordTimes: number[] = [];
    for (let i = 0; i < WARMUP + Math.ceil(REPETITIONS / 2); i++) {
      const [ms, rows] = await timed(() => q<Record<string, unknown>>(RAW_DASHBOARD_RECORDS, [coalitionId, YEAR, tz]));
      if (i >= WARMUP) recordTimes.push(ms);
      if (dashboardOfRaw(rows[0]!) !== (await appDashboard())) throw new Error('the dashboard from the records disagrees with the app');
    }
    dashboard.reference = { label: 'raw aggregate over the year’s status changes (no rollup)', raw: summarize(recordTimes) };
    log(`    reference: raw over the records p50 ${dashboard.reference.raw.p50} ms`);
    endpoints.push(dashboard);
    }

    const boards: [string, string, string, string, unknown[]][] = [
      ['Coordinator', coordinator, 'kind=internship&status=open&audience=college', `and o.kind = $2 and o.status = $3 and ($4 = any(o.audiences) or cardinality(o.audiences) = 0)`, ['internship', 'open', 'college']],
      ['student', student, 'audience=college&compensation=paid&pathway=Data%20Science', `and (o.status <> 'draft' or o.employer_id = $5) and ($2 = any(o.audiences) or cardinality(o.audiences) = 0) and o.compensation = $3 and lower(o.pathway) = lower($4)`, ['college', 'paid', 'Data Science', studentOrg]],
    ];
    for (const [who, cookie, query, filters, params] of wanted('board') ? boards : []) {
      endpoints.push(
        await compare(
          `GET /opportunities?${query}&limit=50 (${who})`,
          async () => boardAnswer(((await appGet(cookie, `/opportunities?${query}&limit=50`)).json() as { items: { id: string; seatsFilled: number; skills: { id: string }[] }[] }).items),
          async () => boardAnswer((await rawGet<{ id: string; seats_filled: number; skills: { id: string }[] | null }>(rawBoard(filters), [coalitionId, ...params])).map((r) => ({ id: r.id, seatsFilled: r.seats_filled, skills: r.skills }))),
          (a) => `${JSON.parse(a).length} rows`,
        ),
      );
    }

    if (wanted('plan')) {
    const planOf = (items: { id: string; earlyStart: string; earlyFinish: string; slackDays: number }[]) => JSON.stringify(items.map((t) => [t.id, t.earlyStart, t.earlyFinish, t.slackDays]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    endpoints.push(
      await compare(
        'GET /master-plan (Coordinator)',
        async () => planOf(((await appGet(coordinator, '/master-plan')).json() as { items: { id: string; earlyStart: string; earlyFinish: string; slackDays: number }[] }).items),
        async () =>
          clock(async () => {
            const [row] = await q<{ tasks: { id: string; startsOn: string; durationDays: number }[]; deps: [string, string][] }>(RAW_PLAN, [coalitionId]);
            const deps = new Map<string, string[]>();
            for (const [task, on] of row!.deps ?? []) deps.set(task, [...(deps.get(task) ?? []), on]);
            const schedule = criticalPath(row!.tasks.map((t) => ({ ...t, dependsOn: deps.get(t.id) ?? [] })));
            if (!schedule.ok) throw new Error('cycle');
            return schedule.tasks;
          }).then((tasks) => planOf(tasks as never)),
        (a) => `${JSON.parse(a).length} tasks`,
      ),
    );
    }

    if (wanted('gap')) endpoints.push(
      await compare(
        'GET /alignment/skills (Coordinator)',
        async () => gapAnswer(((await appGet(coordinator, '/alignment/skills')).json() as { items: { skillId: string; demand: number; supply: number }[] }).items),
        async () => gapAnswer(await rawGet<{ skillId: string; demand: number; supply: number }>(RAW_SKILLS_GAP, [coalitionId])),
        (a) => `${JSON.parse(a).length} skills`,
      ),
    );

    if (wanted('occupations')) endpoints.push(
      await compare(
        'GET /labor-market/occupations (Coordinator)',
        async () => projectionAnswer(((await appGet(coordinator, '/labor-market/occupations')).json() as { items: { soc: string; baseEmployment: number | null; projectedEmployment: number | null; annualTotalOpenings: number | null }[] }).items.map((i) => ({ soc: i.soc, base: i.baseEmployment, projected: i.projectedEmployment, openings: i.annualTotalOpenings }))),
        async () => projectionAnswer((await rawGet<{ soc: string; base_employment: number | null; projected_employment: number | null; total_openings: number | null }>(RAW_PROJECTIONS, [coalitionId])).map((r) => ({ soc: r.soc, base: r.base_employment, projected: r.projected_employment, openings: r.total_openings }))),
        (a) => `${JSON.parse(a).length} occupations`,
      ),
    );

    // Matches, for the growth only (la-scale.ts holds them against raw SQL at LA scale).
    const studentCount = (await q<{ n: number }>(`select count(*)::int as n from students where coalition_id = $1 and external_id like 'BENCH-S%'`, [coalitionId]))[0]!.n;
    const every = Math.floor(studentCount / SUBJECTS);
    const subjects = (await q<{ id: string }>(`select id from students where coalition_id = $1 and external_id = any($2::text[])`, [coalitionId, Array.from({ length: SUBJECTS }, (_, k) => `BENCH-S${1 + k * every}`)])).map((r) => r.id);
    const matchTimes: number[] = [];
    for (const id of wanted('matches') ? subjects : []) {
      for (let i = 0; i < WARMUP + REPETITIONS; i++) {
        const [ms] = await timed(() => served.get(coordinator, `${base}/students/${id}/matches?limit=20`));
        if (i >= WARMUP) matchTimes.push(ms);
      }
    }
    const matches = { app: matchTimes.length ? summarize(matchTimes) : null, subjects: subjects.length };
    if (matches.app) log(`  GET /students/:id/matches: app p50 ${matches.app.p50} ms over ${subjects.length} students`);
    // What any request costs without the endpoint's work: session, tenancy, one indexed query.
    const floorTimes: number[] = [];
    for (let i = 0; i < WARMUP + 2 * REPETITIONS; i++) {
      const [ms] = await timed(() => served.get(coordinator, `${base}/notifications?limit=1`));
      if (i >= WARMUP) floorTimes.push(ms);
    }
    const requestFloor = { request: 'GET …/notifications?limit=1 (Coordinator)', ...summarize(floorTimes) };
    log(`  request floor (${requestFloor.request}): p50 ${requestFloor.p50} ms`);
    return { label, mode: database.mode, endpoints, matches, requestFloor, loadAverage: loadAverage() };
  } finally {
    await served.close();
  }
}

async function coalitionOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; coalition_id: string }>(`select version, coalition_id from bench_la_meta`).catch(() => ({ rows: [] as { version: string; coalition_id: string }[] }));
    const want = `${GENERATOR_VERSION} scale ${SCALE}`;
    if (rows[0]?.version !== want) throw new Error(`${new URL(url).pathname.slice(1)} holds no finished ${want} build: build it with bench/la-scale/generate.ts (or la-scale.ts) first`);
    return rows[0].coalition_id;
  } finally {
    await client.end();
  }
}

async function onPostgres(label: string, url: string): Promise<ScaleResult> {
  const built = await ensureLaDatabase(url, log); // reuses a finished build (and runs new migrations)
  await ensureLaExtras(url, built.coalitionId, log);
  const database = connectPostgres(url, 10);
  // The app's session settings (jit off), so both sides' statements are planned alike.
  const raw = new pg.Pool({ connectionString: url, max: 2, options: SESSION_OPTIONS });
  try {
    // Both sides' connections in the same state before anything is timed (bench/support/backends.ts).
    await settleConnections(database.pool, 3);
    await settleConnections(raw, 2);
    return await measureScale(label, database, raw, built.coalitionId, url);
  } finally {
    await database.close();
    await raw.end();
  }
}

/** The small database's rows copied into a fresh PGlite data directory, then served by the worker. */
async function onPglite(label: string, url: string, coalitionId: string): Promise<ScaleResult & { loadSeconds: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-la-endpoints-'));
  const dump = path.join(dataDir, 'rows.sql');
  const started = Date.now();
  try {
    const dumped = spawnSync('pg_dump', ['--data-only', '--disable-triggers', '--inserts', '--rows-per-insert=500', '--schema=public', '--exclude-table=bench_*', '-f', dump, url], { stdio: 'inherit' });
    if (dumped.status !== 0) throw new Error('pg_dump failed');
    const host = await startPgliteHost(path.join(dataDir, 'pglite'));
    try {
      const setup = wrapPool(poolForPgliteHost(host.port), 'pglite');
      await runMigrations(setup);
      // Migrations may seed reference rows: the copy replaces every table's rows. With triggers off:
      // a truncate trigger (the reference data's version, migration 0016) writes a row the copy brings again.
      await setup.pool.query(
        `do $$ declare t text; begin perform set_config('session_replication_role', 'replica', true); for t in select tablename from pg_tables where schemaname = 'public' loop execute format('truncate table public.%I cascade', t); end loop; end $$`,
      );
      await setup.close();
      // Asynchronously: the PGlite socket server runs on this process's event loop.
      const psql = spawn('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-f', dump, `postgresql://postgres@127.0.0.1:${host.port}/postgres?sslmode=disable`], { stdio: ['ignore', 'ignore', 'inherit'] });
      const code = await new Promise<number | null>((resolve) => psql.once('exit', resolve));
      if (code !== 0) throw new Error('loading the rows into PGlite failed');
    } finally {
      await host.stop();
    }
    const loadSeconds = Math.round((Date.now() - started) / 100) / 10;
    log(`${label}: rows copied into PGlite in ${loadSeconds} s`);
    const database = await startEmbedded(dataDir);
    try {
      await database.pool.query('analyze');
      return { ...(await measureScale(label, database, database.pool, coalitionId)), loadSeconds };
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
if (PART === 'small') {
  // Child: BENCH_LA_SCALE=0.01, so the generator's SCALE is the small one.
  const postgres = await onPostgres('small scale, PostgreSQL', smallUrl);
  const client = new pg.Client({ connectionString: smallUrl });
  await client.connect();
  const { rows } = await client.query<{ coalition_id: string }>('select coalition_id from bench_la_meta');
  await client.end();
  const pglite = process.env.BENCH_SKIP_PGLITE ? null : await onPglite('small scale, PGlite', smallUrl, rows[0]!.coalition_id);
  fs.writeFileSync(process.env.BENCH_LA_ENDPOINTS_OUT!, JSON.stringify({ postgres, pglite }));
  process.exit(0);
}

const coalitionId = await coalitionOf(laUrl);
void coalitionId;
const la = await onPostgres('LA scale, PostgreSQL', laUrl);
const out = path.join(os.tmpdir(), `la-endpoints-small-${process.pid}.json`);
const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), String(REPETITIONS)], { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_LA_SCALE: '0.01', BENCH_LA_ENDPOINTS_PART: 'small', BENCH_LA_ENDPOINTS_OUT: out } });
if (child.status !== 0) throw new Error('the small-scale part failed');
const small = JSON.parse(fs.readFileSync(out, 'utf8')) as { postgres: ScaleResult; pglite: ScaleResult & { loadSeconds: number } };
fs.rmSync(out);
if (only) {
  console.log(JSON.stringify({ la, small }, null, 2));
  process.exit(0);
}

const p50Of = (s: ScaleResult, endpoint: string) => s.endpoints.find((e) => e.endpoint === endpoint)!;
const DATA_RATIO = 100;
const growthOf = (measure: string, laMs: number, smallMs: number, reference = false) => ({ measure, smallP50: smallMs, laP50: laMs, costRatio: round(laMs / smallMs), dataRatio: DATA_RATIO, sublinear: laMs / smallMs < DATA_RATIO, reference });
const growth = [
  growthOf('GET /students/:id/matches, app', la.matches.app!.p50, small.postgres.matches.app!.p50),
  growthOf('GET /metrics (dashboard), app', p50Of(la, 'GET /metrics (Coordinator)').app.p50, p50Of(small.postgres, 'GET /metrics (Coordinator)').app.p50),
  // For comparison, not a target: what the dashboard would cost without the rollup.
  growthOf('dashboard, raw over the records', p50Of(la, 'GET /metrics (Coordinator)').reference!.raw.p50, p50Of(small.postgres, 'GET /metrics (Coordinator)').reference!.raw.p50, true),
];
const result = {
  benchmark: 'la-endpoints',
  date: new Date().toISOString(),
  method: `p50 over ${REPETITIONS} repetitions after ${WARMUP} warm-up, app and raw interleaved (alternating first); app = Fastify inject with a signed-in session, timed to the response; raw = hand-written SQL on its own connection (PGlite: the socket's one connection) returning the same answer, asserted equal every repetition; on PostgreSQL both sides' connections settled first (bench/support/backends.ts) and the raw pool with the app's session settings (jit off)`,
  ratioTarget: RATIO_TARGET,
  growthRule: `sublinear = cost ratio under the ${DATA_RATIO}× data ratio (students, opportunities, applications all grow ${DATA_RATIO}×)`,
  scales: [la, small.postgres, small.pglite],
  growth,
  allWithinTarget: [la, small.postgres, small.pglite].every((s) => s.endpoints.every((e) => e.withinTarget)),
  loadAverage: loadAverage(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
};
const file = path.join(root, 'bench', 'results', `la-endpoints-${result.date.slice(0, 10)}.json`);
fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
for (const s of result.scales) for (const e of s.endpoints) console.log(`${s.label} | ${e.endpoint}: app ${e.app.p50} ms, raw ${e.raw.p50} ms, ${e.ratio}× (${e.withinTarget ? 'within' : 'OVER'} ${RATIO_TARGET})`);
for (const g of growth) console.log(`growth ${g.measure}: ${g.smallP50} → ${g.laP50} ms = ${g.costRatio}× for ${g.dataRatio}× the data`);
console.log(`wrote ${path.relative(root, file)}`);
process.exit(0);
