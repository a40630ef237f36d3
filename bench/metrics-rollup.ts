// Benchmark: the coalition dashboard's aggregate (every performance metric of a year) over
// 2,000,000 applications, raw versus from the daily rollup (decision 018). Issue 8 measured
// 270–350 ms raw and 10 ms from a daily rollup; this records ours on this machine.
//
// The data is generated deterministically in SQL (generate_series; no randomness) into its own
// PostgreSQL database, BENCH_METRICS_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/tb_bench_metrics),
// kept between runs and rebuilt when its shape changes (or with --rebuild): one coalition, 600
// organizations, 400,000 students, 20,000 opportunities, 2,000,000 applications over five
// calendar years and their status history (applied, offered, placed, completed, hired).
//
// It checks, year by year, that the rollup-backed actuals equal the raw computation (exit 1 if
// not), then times: the raw aggregate (computeActuals: every actual but attendance, one round
// trip), the dashboard's read as served now (actualsFor: rollup + live tail + the other records +
// meeting attendance), the same with 100 and 5,000 status changes in the live tail, and the
// refresh job's rebuild (full, and of the current year only). Writes bench/results/metrics-rollup-<date>.json.
//   node --import tsx bench/metrics-rollup.ts [runs] [--rebuild]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { connectPostgres } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { applicationKeys, computeActuals, rawApplicationActuals } from '../src/server/features/metrics/metrics.queries.js';
import { actualsFor } from '../src/server/features/metrics/metrics.service.js';
import { applicationActuals, refreshRollup } from '../src/server/features/metrics/rollup.js';
import { percentile, round, loadAverage } from './support/inject.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Math.max(10, Number(args.find((a) => /^\d+$/.test(a)) ?? 30));
const WARMUP = 3;
const url = process.env.BENCH_METRICS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tb_bench_metrics';
const TZ = 'America/Los_Angeles';
const COALITION = '0b0b0b0b-0000-4000-8000-000000000001';
// BENCH_METRICS_APPLICATIONS scales it down for a smoke run (students a fifth, opportunities a hundredth).
const APPLICATIONS = Number(process.env.BENCH_METRICS_APPLICATIONS ?? 2_000_000);
const SHAPE = { applications: APPLICATIONS, students: APPLICATIONS / 5, opportunities: Math.max(200, APPLICATIONS / 100), employers: 500, institutions: 100, firstYear: 2022, years: 5, version: 1 };
const YEAR = SHAPE.firstYear + SHAPE.years - 1;

const log = (m: string) => console.error(`[metrics-rollup] ${m}`);

async function ensureDatabase(): Promise<{ built: boolean; seconds: number }> {
  const target = new URL(url);
  const dbName = target.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount! > 0;
  let current = false;
  if (exists && !args.includes('--rebuild')) {
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const meta = await probe.query(`select shape from bench_meta`).catch(() => undefined);
    // jsonb reorders keys: compare key by key.
    const stored = meta?.rows[0]?.shape as Record<string, unknown> | undefined;
    current = stored !== undefined && Object.keys(SHAPE).length === Object.keys(stored).length && Object.entries(SHAPE).every(([k, v]) => stored[k] === v);
    await probe.end();
  }
  if (current) {
    await admin.end();
    return { built: false, seconds: 0 };
  }
  if (exists) await admin.query(`drop database "${dbName}" with (force)`);
  await admin.query(`create database "${dbName}"`);
  await admin.end();

  const started = Date.now();
  const database = connectPostgres(url, 2);
  await runMigrations(database);
  await database.close();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const step = async (label: string, sql: string) => {
    const t0 = Date.now();
    await c.query(sql);
    log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  // Bulk load without per-row triggers and foreign-key checks (the data is consistent by construction).
  await c.query(`set session_replication_role = replica`);
  await c.query(`set maintenance_work_mem = '256MB'`);
  const uuidOf = (prefix: string, n: string) => `('${prefix}' || lpad(to_hex(${n}), 12, '0'))::uuid`;
  const org = (n: string) => uuidOf('0b0b0b0b-0001-4000-8000-', n);
  const student = (n: string) => uuidOf('0b0b0b0b-0002-4000-8000-', n);
  const opportunity = (n: string) => uuidOf('0b0b0b0b-0003-4000-8000-', n);
  const application = (n: string) => uuidOf('0b0b0b0b-0004-4000-8000-', n);
  await step('coalition and organizations', `
    insert into coalitions (id, slug, name, region, time_zone) values ('${COALITION}', 'bench-metrics', 'Bench Metrics Coalition', 'Bench', '${TZ}');
    insert into organizations (coalition_id, id, name, type)
      select '${COALITION}', ${org('g')}, case when g < ${SHAPE.employers} then 'Employer ' || g else 'Institution ' || g end,
             case when g < ${SHAPE.employers} then 'employer' when g % 3 = 0 then 'university' else 'college' end
        from generate_series(0, ${SHAPE.employers + SHAPE.institutions - 1}) g;`);
  await step('students', `
    insert into students (coalition_id, id, first_name, last_name, institution_id)
      select '${COALITION}', ${student('g')}, 'Student', 'S' || g, ${org(`${SHAPE.employers} + g % ${SHAPE.institutions}`)}
        from generate_series(0, ${SHAPE.students - 1}) g;`);
  // Kinds: 60% internship, 20% job, 10% apprenticeship, 10% the work-based-learning kinds.
  await step('opportunities', `
    insert into opportunities (coalition_id, id, kind, title, employer_id, status, starts_on, ends_on)
      select '${COALITION}', ${opportunity('g')},
             (array['internship','internship','internship','internship','internship','internship','job','job','apprenticeship','soft_skill_wbl'])[1 + g % 10],
             'Opportunity ' || g, ${org(`g % ${SHAPE.employers}`)}, case when g % 3 = 0 then 'completed' else 'open' end,
             date '${SHAPE.firstYear}-01-01' + (g * 7 % (365 * ${SHAPE.years})), date '${SHAPE.firstYear}-01-01' + (g * 7 % (365 * ${SHAPE.years})) + 60
        from generate_series(0, ${SHAPE.opportunities - 1}) g;`);
  // Application i: student i mod S; the k-th application of a student goes to a different
  // opportunity ((s * 37 + k * 4001) mod O, distinct for k < 5); created over the five years (the
  // last by mid-June of the last year, so its whole history is in the past); r = (i * 761) mod 1000
  // picks how far it got: 45% offered, 35% placed, 20% completed, 8% hired (jobs go from offered
  // straight to hired, 35%).
  await step('applications', `
    create temporary table bench_apps as
      select i, o, (array['internship','internship','internship','internship','internship','internship','job','job','apprenticeship','soft_skill_wbl'])[1 + o % 10] as kind,
             (i * 761) % 1000 as r,
             timestamptz '${SHAPE.firstYear}-01-01 09:00 ${TZ}' + make_interval(days => ((i * 7919) % (365 * ${SHAPE.years} - 200))::int, hours => (i % 9)::int) as t
        from generate_series(0::bigint, ${SHAPE.applications - 1}) i,
             lateral (select ((i % ${SHAPE.students}) * 37 + (i / ${SHAPE.students}) * 4001) % ${SHAPE.opportunities} as o) x;
    insert into applications (coalition_id, id, student_id, opportunity_id, status, created_at, updated_at)
      select '${COALITION}', ${application('i')}, ${student(`i % ${SHAPE.students}`)}, ${opportunity('o')},
             case when kind = 'job' then (case when r < 350 then 'hired' when r < 450 then 'offered' else 'applied' end)
                  else (case when r < 80 then 'hired' when r < 200 then 'completed' when r < 350 then 'placed' when r < 450 then 'offered' else 'applied' end) end,
             t, t
        from bench_apps;`);
  await step('status history', `
    insert into application_status_changes (coalition_id, id, application_id, from_status, to_status, at)
      select '${COALITION}', ${uuidOf('0b0b0b0b-0005-4000-8000-', 'i * 8 + s.step')}, ${application('i')}, s.from_status, s.to_status, t + s.after
        from bench_apps,
             lateral (values (0, null, 'applied', interval '0 days', true),
                             (1, 'applied', 'offered', interval '10 days', r < 450),
                             (2, 'offered', 'placed', interval '20 days', r < 350 and kind <> 'job'),
                             (3, 'placed', 'completed', interval '90 days', r < 200 and kind <> 'job'),
                             (4, 'completed', 'hired', interval '100 days', r < 80 and kind <> 'job'),
                             (5, 'offered', 'hired', interval '25 days', r < 350 and kind = 'job')) s(step, from_status, to_status, after, happened)
       where s.happened;`);
  await step('analyze', `analyze`);
  await c.query(`create table bench_meta (shape jsonb not null); insert into bench_meta values ('${JSON.stringify(SHAPE)}')`);
  await c.end();
  return { built: true, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

async function time<T>(fn: () => Promise<T>): Promise<{ p50: number; p95: number; min: number; max: number; runs: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sorted = times.sort((a, b) => a - b);
  return { runs, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!) };
}

const loadBefore = loadAverage();
log(`database ${url}`);
const build = await ensureDatabase();
log(build.built ? `built in ${build.seconds} s` : 'reusing the built database');
const database = connectPostgres(url, 4);
const db = database.db;
const coalition = { id: COALITION, timeZone: TZ };
const span = (year: number) => ({ coalitionId: COALITION, year, timeZone: TZ });
const counts = (await db.execute<{ applications: number; changes: number }>(
  sql`select (select count(*)::int from applications where coalition_id = ${COALITION}) as applications, (select count(*)::int from application_status_changes where coalition_id = ${COALITION}) as changes`,
)).rows[0]!;

// Start from the data as generated: drop tail rows from earlier runs, then rebuild the rollup.
await db.execute(sql`delete from application_status_changes where coalition_id = ${COALITION} and note = 'bench tail'`);
async function timedRefresh(full: boolean) {
  const started = process.hrtime.bigint();
  const outcome = await refreshRollup(db, COALITION, { full });
  const ms = round(Number(process.hrtime.bigint() - started) / 1e6);
  log(`rollup refreshed (${outcome.rebuilt}) in ${ms} ms (${outcome.days} days)`);
  if (!outcome.current) throw new Error('the rollup did not come out current');
  return { ms, days: outcome.days, rebuilt: outcome.rebuilt };
}
const refreshFull = await timedRefresh(true);
// What the job does every quarter of an hour while people read the dashboard: only the current year.
const refreshIncremental = await timedRefresh(false);

async function check(label: string) {
  const mismatches: string[] = [];
  for (let year = SHAPE.firstYear; year <= YEAR + 1; year++) {
    const [raw, read] = [await computeActuals(db, span(year)), await applicationActuals(db, span(year))];
    if (read.source !== 'rollup') mismatches.push(`${year}: read from ${read.source}, not the rollup`);
    for (const key of applicationKeys) if (raw[key] !== read.values[key]) mismatches.push(`${year} ${key}: raw ${raw[key]}, rollup ${read.values[key]}`);
  }
  log(`${label}: ${mismatches.length === 0 ? 'rollup equals raw for every year' : mismatches.join('; ')}`);
  return mismatches;
}

const mismatches = await check('after the refresh');
const figures = await computeActuals(db, span(YEAR));
const raw = await time(() => computeActuals(db, span(YEAR)));
log(`raw aggregate p50 ${raw.p50} ms`);
const served = await time(() => actualsFor(db, coalition, YEAR));
log(`dashboard from the rollup p50 ${served.p50} ms`);
const rawApplications = await time(() => rawApplicationActuals(db, span(YEAR)));
const rollupApplications = await time(() => applicationActuals(db, span(YEAR)));

// Activity after the refresh lands in the live tail (the triggers run; these are after
// `through`, so the rollup stays current): internships placed and completed placements hired.
// ~100 is a busy quarter of an hour at this size (the refresh interval); 5,000 is several days.
const tailOf = (from: string, to: string, limit: number) => sql`
  insert into application_status_changes (coalition_id, id, application_id, from_status, to_status, at, note)
    select a.coalition_id, gen_random_uuid(), a.id, ${from}, ${to}, now(), 'bench tail'
      from applications a join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id
     where a.coalition_id = ${COALITION} and a.status = ${from} and o.kind = 'internship'
       and not exists (select 1 from application_status_changes x where x.coalition_id = a.coalition_id and x.application_id = a.id and x.note = 'bench tail')
     order by a.id limit ${limit}`;
const tails: Record<string, unknown> = {};
let tailMismatches: string[] = [];
for (const size of [100, 5_000]) {
  const have = Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from application_status_changes where coalition_id = ${COALITION} and note = 'bench tail'`)).rows[0]!.n);
  const more = size - have;
  await db.execute(tailOf('offered', 'placed', Math.round(more * 0.8)));
  await db.execute(tailOf('completed', 'hired', more - Math.round(more * 0.8)));
  tailMismatches = [...tailMismatches, ...(await check(`with ${size} status changes in the tail`))];
  const timing = await time(() => actualsFor(db, coalition, YEAR));
  log(`dashboard from the rollup with a tail of ${size} p50 ${timing.p50} ms`);
  tails[`tailOf${size}`] = { ...timing, tailStatusChanges: size };
}
await db.execute(sql`delete from application_status_changes where coalition_id = ${COALITION} and note = 'bench tail'`);
await database.close();

const result = {
  benchmark: 'metrics-rollup',
  date: new Date().toISOString(),
  database: 'PostgreSQL (BENCH_METRICS_DATABASE_URL), pool of 4, same machine',
  data: { ...SHAPE, statusChanges: counts.changes, applicationsInDatabase: counts.applications, generatedInSeconds: build.built ? build.seconds : 'reused' },
  year: YEAR,
  actualsOfTheYear: figures,
  rollupEqualsRaw: { afterRefresh: mismatches.length === 0, withTail: tailMismatches.length === 0, mismatches: [...mismatches, ...tailMismatches] },
  timingsMs: {
    rawAggregate: { ...raw, what: 'computeActuals: every actual but meeting attendance, raw, one round trip (the dashboard before the rollup)' },
    dashboardFromRollup: { ...served, what: 'actualsFor as the dashboard serves it: state check, rollup + live tail, the other records, meeting attendance' },
    dashboardFromRollupWithTail: tails,
    applicationMetricsRaw: rawApplications,
    applicationMetricsFromRollup: rollupApplications,
    refreshFull: refreshFull,
    refreshCurrentYearOnly: refreshIncremental,
  },
  issueMeasured: { rawMs: '270–350', rollupMs: 10 },
  loadAverage: { before: loadBefore, after: loadAverage() },
  cpus: os.cpus().length,
  note: 'Shared 2-core machine with other work running: read the times with the recorded load average.',
};
const out = path.join(root, 'bench', 'results', `metrics-rollup-${result.date.slice(0, 10)}.json`);
fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result.timingsMs, null, 2));
console.log(`wrote ${path.relative(root, out)}`);
if (mismatches.length + tailMismatches.length > 0) process.exit(1);
