// Benchmark (issue 5): matching at Los Angeles scale on PostgreSQL — 40,000 organizations, 500,000
// students, 100,000 opportunities, 2,000,000 applications, generated deterministically by
// bench/la-scale/generate.ts into BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/tb_bench_la; built once, reused while the generator version
// matches; the server must let the bench create that database).
//
// For each endpoint, p50 through the whole app (Fastify inject: session cookie, tenancy, policy,
// the ranking SQL, skill names, the student access log, Zod serialization) against the best raw
// SQL we could write for the SAME answer (the same ids and scores, asserted on every repetition),
// timed in the same run, interleaved so machine load falls on both alike. Target: app p50 ≤ 1.25 ×
// raw p50.
//   GET …/students/:id/matches          as the Coordinator, for BENCH_SUBJECTS generated students
//   GET …/opportunities/:id/candidates  as the Coordinator (every student) and as the host employer
//                                       (only students who shared with it or applied)
// Writes bench/results/la-scale-<date>.json.
//   node --import tsx bench/la-scale.ts [repetitions]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { connectPostgres, SESSION_OPTIONS } from '../src/server/db/client.js';
import { loadConfig } from '../src/server/env.js';
import { DEMO_PASSWORD } from '../src/server/seed/la-tech.data.js';
import { ensureLaDatabase, SCALE } from './la-scale/generate.js';
import { percentile, round, loadAverage } from './support/inject.js';
import { backendPageFaults, settleConnections } from './support/backends.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPETITIONS = Math.max(5, Number(process.argv[2] ?? 10));
const WARMUP = 2;
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 5);
const RATIO_TARGET = 1.25;
const LIMIT = 20;
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tb_bench_la';
const today = () => new Date().toISOString().slice(0, 10);

const build = await ensureLaDatabase(url);
const coalitionId = build.coalitionId;
{
  // A migration may rewrite rows matching reads (0014 backfilled every opportunity skill). With
  // autovacuum off on the shared server, vacuum them as autovacuum would, so index-only scans read
  // the index alone; cheap when nothing changed (all-visible pages are skipped).
  const maintenance = new pg.Client({ connectionString: url });
  await maintenance.connect();
  await maintenance.query('vacuum (analyze) opportunity_skills, student_skills, opportunities, students');
  await maintenance.end();
}
const named = (name: string) => {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
};
const database = connectPostgres(named('bench-app'), 10);
// The same session options as the app's pool (no JIT), so the raw SQL is never the slower for them.
const raw = new pg.Pool({ connectionString: named('bench-raw'), max: 2, options: SESSION_OPTIONS });
const admin = new pg.Pool({ connectionString: named('bench-admin'), max: 1 });
const config = loadConfig({ DATABASE_URL: url, DATA_DIR: os.tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'silent' });
const app = await buildApp({ config, database });
await app.ready();
const headers = { origin: 'http://localhost:80', host: 'localhost:80' };
async function signIn(email: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers, payload: { email, password: DEMO_PASSWORD } });
  const session = res.cookies.find((c) => c.name === 'tb_session');
  if (!session) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  return `tb_session=${session.value}`;
}

// ---------------------------------------------------------------------------------------------
// The raw SQL. Scores use the same arithmetic as the app (70 × weighted skill share + 20 × same
// pathway + 10/5/0 schedule, rounded to one decimal; the share as integer points, 8 declared or
// 10 evidenced × importance, over 10 × the total) so the answers can be compared exactly. Each uses
// the same schema help as the app (covering skill indexes; opportunity_skills.opportunity_total)
// and the same bound (decision 023): the best PROBE shares are scored first, the page's last
// score among them is a floor, and only rows whose best possible score (70 × share + 30) reaches
// it are scored; rows without a skill in common (30 at most) only when the floor is 30 or less.
// Then the page of 20 (the app fetches 21 to know whether a next page exists) gets its names,
// skill lists and application status.
// ---------------------------------------------------------------------------------------------
const PROBE = 200;
const SCHEDULE = (sHours: string, sFrom: string, oHours: string, oStarts: string) => `(case
  when (case when ${sHours} is null or ${oHours} is null then null else ${sHours} >= ${oHours} end) is false
    or (case when ${sFrom} is null or ${oStarts} is null then null else ${sFrom} <= ${oStarts} end) is false then false
  when (case when ${sHours} is null or ${oHours} is null then null else ${sHours} >= ${oHours} end) is null
    and (case when ${sFrom} is null or ${oStarts} is null then null else ${sFrom} <= ${oStarts} end) is null then null
  else true end)`;
const SCORE = (points: string, total: string, pathwayMatch: string, fit: string) =>
  `round((7 * coalesce(${points}, 0) / greatest(${total}, 1)::numeric + 20 * (case when ${pathwayMatch} then 1 else 0 end) + (case when ${fit} is null then 5 when ${fit} then 10 else 0 end))::numeric, 1)::float8`;
const BOUND = (points: string, total: string) => `round((7 * ${points} / greatest(${total}, 1)::numeric + 30)::numeric, 1)::float8`;

const MATCH_PATHWAY = '(me.pathway is not null and lower(o.pathway) = lower(me.pathway))';
const MATCH_FIT = SCHEDULE('me.hours_per_week', 'me.available_from', 'o.hours_per_week', 'o.starts_on');
const MATCH_ELIGIBLE = `o.status = 'open' and (o.application_deadline is null or o.application_deadline >= $3::date)
    and (cardinality(o.audiences) = 0 or me.audience = any(o.audiences))
    and (o.minimum_age is null or (me.date_of_birth is not null and me.date_of_birth <= (coalesce(o.starts_on, $3::date) - make_interval(years => o.minimum_age))::date))`;
const RAW_MATCHES = `
with me as (
  select s.id, s.pathway, s.hours_per_week, s.available_from, s.date_of_birth,
    case o.type when 'k12' then 'k12' when 'university' then 'university' else 'college' end as audience
  from students s join organizations o on o.coalition_id = s.coalition_id and o.id = s.institution_id
  where s.coalition_id = $1 and s.id = $2
), mine as (
  select skill_id, max(case when source = 'declared' then 8 else 10 end) as points
  from student_skills where coalition_id = $1 and student_id = $2 group by skill_id
), hits as (
  select os.opportunity_id as id, sum(os.importance * mine.points) as points, max(os.opportunity_total) as total
  from mine join opportunity_skills os on os.coalition_id = $1 and os.skill_id = mine.skill_id
  group by os.opportunity_id
), probe as (
  select o.id, ${SCORE('h.points', 'h.total', MATCH_PATHWAY, MATCH_FIT)} as score
  from (select * from hits order by points::numeric / greatest(total, 1) desc, id limit ${PROBE}) h
  join opportunities o on o.coalition_id = $1 and o.id = h.id cross join me
  where ${MATCH_ELIGIBLE}
), floor as (
  select coalesce((select score from probe order by score desc, id offset $4 - 1 limit 1), 0)::float8 as score
), scored as (
  select o.id, ${SCORE('h.points', 'h.total', MATCH_PATHWAY, MATCH_FIT)} as score
  from hits h cross join floor join opportunities o on o.coalition_id = $1 and o.id = h.id cross join me
  where ${BOUND('h.points', 'h.total')} >= floor.score and (h.points > 0 or ${MATCH_PATHWAY}) and ${MATCH_ELIGIBLE}
  union all
  select o.id, ${SCORE('null::int', '1', MATCH_PATHWAY, MATCH_FIT)}
  from floor cross join me join opportunities o on o.coalition_id = $1 and ${MATCH_PATHWAY}
  where floor.score <= 30 and not exists (select 1 from hits where hits.id = o.id) and ${MATCH_ELIGIBLE}
), page as (
  select * from scored order by score desc, id limit $4
)
select page.id, page.score, org.name as "employerName", o.title,
  (select array_agg(os.skill_id order by os.importance desc, os.skill_id) from opportunity_skills os where os.coalition_id = $1 and os.opportunity_id = page.id and os.skill_id not in (select skill_id from mine)) as missing,
  (select a.status from applications a where a.coalition_id = $1 and a.student_id = $2 and a.opportunity_id = page.id) as "applicationStatus"
from page join opportunities o on o.coalition_id = $1 and o.id = page.id join organizations org on org.coalition_id = $1 and org.id = o.employer_id
order by page.score desc, page.id`;

const CANDIDATE_PATHWAY = '(opp.pathway is not null and lower(s.pathway) = lower(opp.pathway))';
const CANDIDATE_FIT = SCHEDULE('s.hours_per_week', 's.available_from', 'opp.hours_per_week', 'opp.starts_on');
const CANDIDATE_ELIGIBLE = `(cardinality(opp.audiences) = 0 or (case org.type when 'k12' then 'k12' when 'university' then 'university' else 'college' end) = any(opp.audiences))
    and (opp.born_by is null or s.date_of_birth <= opp.born_by)`;
/** `visible`: null (every student: a skill's holders read by skill) or the ids an employer may see (their skills read by student, one index range each: a lateral join, as the planner would otherwise read every holder of each skill). */
const rawCandidates = (visibleStudents: string | null) => `
with opp as (
  select id, pathway, hours_per_week, starts_on, audiences,
    case when minimum_age is null then null else (coalesce(starts_on, $3::date) - make_interval(years => minimum_age))::date end as born_by
  from opportunities where coalition_id = $1 and id = $2
), req as (
  select skill_id, importance from opportunity_skills where coalition_id = $1 and opportunity_id = $2
), total as (
  select coalesce(sum(importance), 0)::int as total from req
)${visibleStudents ? `, visible as (${visibleStudents})` : ''}, hits as (${
  visibleStudents
    ? `
  select v.id as student_id, sum(req.importance * per.points) as points
  from visible v cross join lateral (
    select ss.skill_id, max(case when ss.source = 'declared' then 8 else 10 end) as points
    from student_skills ss where ss.coalition_id = $1 and ss.student_id = v.id and ss.skill_id in (select skill_id from req)
    group by ss.skill_id
  ) per join req on req.skill_id = per.skill_id
  group by v.id`
    : `
  select per.student_id, sum(req.importance * per.points) as points
  from req cross join lateral (
    select ss.student_id, max(case when ss.source = 'declared' then 8 else 10 end) as points
    from student_skills ss where ss.coalition_id = $1 and ss.skill_id = req.skill_id
    group by ss.student_id
  ) per
  group by per.student_id`
}
), probe as (
  select s.id, ${SCORE('h.points', 'total.total', CANDIDATE_PATHWAY, CANDIDATE_FIT)} as score
  from (select * from hits order by points desc, student_id limit ${PROBE}) h cross join opp cross join total
  join students s on s.coalition_id = $1 and s.id = h.student_id
  join organizations org on org.coalition_id = s.coalition_id and org.id = s.institution_id
  where ${CANDIDATE_ELIGIBLE}
), floor as (
  select coalesce((select score from probe order by score desc, id offset $4 - 1 limit 1), 0)::float8 as score
), scored as (
  select s.id, ${SCORE('h.points', 'total.total', CANDIDATE_PATHWAY, CANDIDATE_FIT)} as score
  from hits h cross join floor cross join opp cross join total
  join students s on s.coalition_id = $1 and s.id = h.student_id
  join organizations org on org.coalition_id = s.coalition_id and org.id = s.institution_id
  where ${BOUND('h.points', 'total.total')} >= floor.score and (h.points > 0 or ${CANDIDATE_PATHWAY}) and ${CANDIDATE_ELIGIBLE}
  union all
  select s.id, ${SCORE('null::int', 'total.total', CANDIDATE_PATHWAY, CANDIDATE_FIT)}
  from floor cross join opp cross join total cross join students s
  join organizations org on org.coalition_id = s.coalition_id and org.id = s.institution_id
  where floor.score <= 30 and s.coalition_id = $1${visibleStudents ? ' and s.id in (select id from visible)' : ''} and ${CANDIDATE_PATHWAY}
    and not exists (select 1 from hits where hits.student_id = s.id) and ${CANDIDATE_ELIGIBLE}
), page as (
  select * from scored order by score desc, id limit $4
)
select page.id, page.score, s.first_name as "firstName", s.last_name as "lastName",
  (select array_agg(ss.skill_id order by ss.skill_id) from (select distinct skill_id from student_skills where coalition_id = $1 and student_id = page.id and skill_id in (select skill_id from req)) ss) as matched,
  (select a.status from applications a where a.coalition_id = $1 and a.student_id = page.id and a.opportunity_id = $2) as "applicationStatus"
from page join students s on s.coalition_id = $1 and s.id = page.id
order by page.score desc, page.id`;

/** What an employer's staff may see of students (the app's rule, written out for this organization: $5). */
const EMPLOYER_VISIBLE = `
  select s.id from students s where s.coalition_id = $1 and s.person_id = $6
  union
  select v.id from (
    select student_id as id from student_shares where coalition_id = $1 and organization_id = $5
    union
    select a.student_id from applications a join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id
    where a.coalition_id = $1 and o.employer_id = $5 and a.status <> 'withdrawn'
  ) v join students s on s.coalition_id = $1 and s.id = v.id
  where s.date_of_birth <= $7::date
     or exists (select 1 from guardian_consents g where g.coalition_id = $1 and g.student_id = s.id and g.revoked_at is null)`;

interface Measured {
  endpoint: string;
  subjects: { id: string; appP50: number; rawP50: number; ratio: number; rowsOnPage: number }[];
  app: { p50: number; p95: number; min: number };
  raw: { p50: number; p95: number; min: number };
  ratio: number;
  withinTarget: boolean;
  samples: number;
  /** Page faults of each side's server connections per timed request (~0 when settled; null: unreadable). */
  pageFaultsPerRequest: { app: number | null; raw: number | null };
}

const summarize = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), min: round(s[0]!) };
};

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e6, value];
}

/**
 * For each subject: warm-up, then repetitions alternating which of app and raw goes first; every
 * repetition's two answers must agree (ids and scores, in order).
 */
async function compare(endpoint: string, subjects: string[], viaApp: (id: string) => Promise<{ id: string; score: number }[]>, viaRaw: (id: string) => Promise<{ id: string; score: number }[]>): Promise<Measured> {
  const appAll: number[] = [];
  const rawAll: number[] = [];
  const perSubject: Measured['subjects'] = [];
  const faults = async () => ({ app: await backendPageFaults(admin, 'bench-app'), raw: await backendPageFaults(admin, 'bench-raw') });
  // Faults during the timed repetitions, summed over subjects (null once any reading failed).
  const faultsTimed: { app: number | null; raw: number | null } = { app: 0, raw: 0 };
  for (const id of subjects) {
    for (let i = 0; i < WARMUP; i++) {
      await viaApp(id);
      await viaRaw(id);
    }
    const appTimes: number[] = [];
    const rawTimes: number[] = [];
    let rows = 0;
    const faultsBefore = await faults();
    for (let i = 0; i < REPETITIONS; i++) {
      const first = i % 2 === 0;
      const [a, appRows] = first ? await timed(() => viaApp(id)) : [0, []];
      const [r, rawRows] = await timed(() => viaRaw(id));
      const [a2, appRows2] = first ? [a, appRows] : await timed(() => viaApp(id));
      const got = JSON.stringify(appRows2.map((x) => [x.id, x.score]));
      const want = JSON.stringify(rawRows.map((x) => [x.id, x.score]));
      if (got !== want) throw new Error(`${endpoint} ${id}: the app and the raw SQL disagree\napp ${got}\nraw ${want}`);
      rows = rawRows.length;
      appTimes.push(a2);
      rawTimes.push(r);
    }
    const faultsAfter = await faults();
    const during = (side: 'app' | 'raw') => (faultsAfter[side] === null || faultsBefore[side] === null ? null : faultsAfter[side] - faultsBefore[side]);
    for (const side of ['app', 'raw'] as const) {
      const n = during(side);
      faultsTimed[side] = n === null || faultsTimed[side] === null ? null : faultsTimed[side] + n;
    }
    appAll.push(...appTimes);
    rawAll.push(...rawTimes);
    const appP50 = summarize(appTimes).p50;
    const rawP50 = summarize(rawTimes).p50;
    perSubject.push({ id, appP50, rawP50, ratio: round(appP50 / rawP50), rowsOnPage: rows });
    console.error(`  ${endpoint} ${id}: app p50 ${appP50} ms, raw p50 ${rawP50} ms (${rows} rows; page faults app ${during('app') ?? '?'}, raw ${during('raw') ?? '?'})`);
  }
  const appSummary = summarize(appAll);
  const rawSummary = summarize(rawAll);
  const ratio = round(appSummary.p50 / rawSummary.p50);
  const perRequest = (n: number | null) => (n === null ? null : Math.round(n / appAll.length));
  return { endpoint, subjects: perSubject, app: appSummary, raw: rawSummary, ratio, withinTarget: ratio <= RATIO_TARGET, samples: appAll.length, pageFaultsPerRequest: { app: perRequest(faultsTimed.app), raw: perRequest(faultsTimed.raw) } };
}

const results: Measured[] = [];
let employerNote: Record<string, unknown> | null = null;
let requestBaseline: Record<string, unknown> | null = null;
/** BENCH_ONLY=matches,candidates,employer runs a part (its results go to la-scale-partial-<date>.json). */
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (part: string) => !only || only.includes(part);
try {
  // Both sides' connections in the same state before anything is timed (bench/support/backends.ts).
  await settleConnections(database.pool, 3);
  await settleConnections(raw, 2);
  const coordinator = await signIn('coordinator@la-tech.demo');
  const get = async (cookie: string, path: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/coalitions/la-tech${path}`, headers: { ...headers, cookie } });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json() as { items: Record<string, unknown>[] };
  };

  // Subjects: generated students spread over the id range; open generated opportunities for students.
  const every = Math.max(1, Math.floor(100_000 * SCALE / SUBJECTS));
  const students = (
    await raw.query<{ id: string }>(`select id from students where coalition_id = $1 and external_id = any($2::text[]) order by external_id`, [coalitionId, Array.from({ length: SUBJECTS }, (_, k) => `BENCH-S${1 + k * every * 5}`)])
  ).rows.map((r) => r.id);
  const opportunities = (
    await raw.query<{ id: string }>(
      `select id from opportunities where coalition_id = $1 and external_id = any($2::text[]) and status = 'open' and audiences <> '{faculty}' order by external_id limit $3`,
      [coalitionId, Array.from({ length: SUBJECTS * 10 }, (_, k) => `BENCH-O${1 + k * Math.max(1, Math.floor(every / 10))}`), SUBJECTS],
    )
  ).rows.map((r) => r.id);
  console.error(`Subjects: ${students.length} students, ${opportunities.length} opportunities; ${REPETITIONS} repetitions each after ${WARMUP} warm-up (load ${loadAverage().join(' ')})`);

  if (wanted('matches')) results.push(
    await compare(
      'GET /students/:id/matches (Coordinator)',
      students,
      async (id) => (await get(coordinator, `/students/${id}/matches?limit=${LIMIT}`)).items.map((m) => ({ id: String(m.opportunityId), score: Number(m.score) })),
      async (id) => (await raw.query<{ id: string; score: number }>(RAW_MATCHES, [coalitionId, id, today(), LIMIT])).rows,
    ),
  );
  if (wanted('candidates')) results.push(
    await compare(
      'GET /opportunities/:id/candidates (Coordinator)',
      opportunities,
      async (id) => (await get(coordinator, `/opportunities/${id}/candidates?limit=${LIMIT}`)).items.map((m) => ({ id: String(m.studentId), score: Number(m.score) })),
      async (id) => (await raw.query<{ id: string; score: number }>(rawCandidates(null), [coalitionId, id, today(), LIMIT])).rows,
    ),
  );

  // The host employer: staff of the generated employer whose opportunities drew the most
  // applications (an account added once, with the demo password; roles as the demo employer's).
  const { rows: host } = await raw.query<{ employer_id: string }>(
    `select o.employer_id from applications a join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id
     where a.coalition_id = $1 and o.external_id like 'BENCH-O%' group by o.employer_id order by count(*) desc, o.employer_id limit 1`,
    [coalitionId],
  );
  const benchEmployer = 'bench-employer@la-scale.bench';
  await raw.query(
    `with demo as (select password_hash from users where email = 'employer@la-tech.demo'),
     u as (insert into users (id, email, name, password_hash) select gen_random_uuid(), $2, 'Bench Employer Staff', password_hash from demo on conflict do nothing returning id)
     insert into people (coalition_id, id, user_id, name, organization_id, email, roles) select $1, gen_random_uuid(), u.id, 'Bench Employer Staff', $3, $2, '{member}' from u`,
    [coalitionId, benchEmployer, host[0]!.employer_id],
  );
  const { rows: who } = await raw.query<{ organization_id: string; person_id: string }>(
    `select p.organization_id, p.id as person_id from people p join users u on u.id = p.user_id where p.coalition_id = $1 and u.email = $2`,
    [coalitionId, benchEmployer],
  );
  const employer = who[0];
  if (employer && wanted('employer')) {
    const own = (
      await raw.query<{ id: string }>(
        `select o.id from opportunities o where o.coalition_id = $1 and o.employer_id = $2 and o.status <> 'draft' order by (select count(*) from applications a where a.coalition_id = $1 and a.opportunity_id = o.id) desc, o.id limit $3`,
        [coalitionId, employer.organization_id, SUBJECTS],
      )
    ).rows.map((r) => r.id);
    const cookie = await signIn(benchEmployer);
    const cutoff = new Date();
    const adult = new Date(Date.UTC(cutoff.getUTCFullYear() - 18, cutoff.getUTCMonth(), cutoff.getUTCDate())).toISOString().slice(0, 10);
    results.push(
      await compare(
        'GET /opportunities/:id/candidates (host employer)',
        own,
        async (id) => (await get(cookie, `/opportunities/${id}/candidates?limit=${LIMIT}`)).items.map((m) => ({ id: String(m.studentId), score: Number(m.score) })),
        async (id) => (await raw.query<{ id: string; score: number }>(rawCandidates(EMPLOYER_VISIBLE), [coalitionId, id, today(), LIMIT, employer.organization_id, employer.person_id, adult])).rows,
      ),
    );
    // What any request of this employer costs without the ranking: session, membership, one indexed query.
    const baselineTimes: number[] = [];
    for (let i = 0; i < WARMUP + REPETITIONS * own.length; i++) {
      const [ms] = await timed(() => get(cookie, '/notifications?limit=1'));
      if (i >= WARMUP) baselineTimes.push(ms);
    }
    requestBaseline = { request: 'GET …/notifications?limit=1 as the same employer', ...summarize(baselineTimes) };
    employerNote = { organizationId: employer.organization_id, opportunities: own.length };
  }
} finally {
  await app.close();
  await database.close();
  await raw.end();
  await admin.end();
}

const result = {
  benchmark: 'la-scale',
  date: new Date().toISOString(),
  database: { url: url.replace(/\/\/[^@]*@/, '//…@'), generator: build.meta, builtThisRun: build.built, buildSeconds: build.buildSeconds, scale: SCALE },
  method: `p50 over ${REPETITIONS} repetitions × each subject after ${WARMUP} warm-up, every connection of both sides settled first (bench/support/backends.ts); app = Fastify inject (session, tenancy, policy, SQL, names, access log, serialization); raw = hand-written SQL on its own pg pool returning the same ids and scores (asserted every repetition)`,
  ratioTarget: RATIO_TARGET,
  pageSize: LIMIT,
  endpoints: results,
  employer: employerNote,
  requestBaseline,
  allWithinTarget: results.every((r) => r.withinTarget),
  loadAverage: loadAverage(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
};
const out = path.join(root, 'bench', 'results', `la-scale-${only ? 'partial-' : ''}${result.date.slice(0, 10)}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
for (const r of results) console.log(`${r.endpoint}: app p50 ${r.app.p50} ms, raw p50 ${r.raw.p50} ms, ratio ${r.ratio} (${r.withinTarget ? 'within' : 'OVER'} ${RATIO_TARGET})`);
console.log(`wrote ${path.relative(root, out)}`);
// A target missed is a result, not a failure (the JSON says which); a disagreement throws above.
process.exit(0);
