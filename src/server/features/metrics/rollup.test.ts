import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/auth/secrets.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { currentYear } from './index.js';
import { applicationKeys, computeActuals } from './metrics.queries.js';
import { ROLLUP_JOB, applicationActuals, refreshRollup } from './rollup.js';
import { rebuildRollupRows, rollupState } from './rollup.queries.js';

let t: TestApp;
let coordinator: Session;
let outsider: Session;
let la: string;
let bay: string;
const LA = '/api/v1/coalitions/la-tech';
const TZ = 'America/Los_Angeles';
const year = currentYear(TZ);
const years = [year - 2, year - 1, year];

const db = () => t.database.db;
async function ok(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const res = await t.request({ method, url, as: coordinator, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const idOf = async (path: string, q: string) => (await ok('GET', `${LA}/${path}?q=${encodeURIComponent(q)}`)).items[0].id as string;
let n = 0;
/** An internship application moved to placed through the API; returns its ids. */
async function placedInternship() {
  const snap = await idOf('organizations', 'Snap');
  const pierce = await idOf('organizations', 'Pierce');
  const studentId = (await ok('POST', `${LA}/students`, { firstName: 'Rollup', lastName: `Student ${++n}`, institutionId: pierce, dateOfBirth: '2001-01-01' })).id;
  const opportunityId = (await ok('POST', `${LA}/opportunities`, { employerId: snap, kind: 'internship', title: `Rollup internship ${n}`, skills: ['Python'] })).id;
  const id = (await ok('POST', `${LA}/applications`, { studentId, opportunityId })).id as string;
  for (const status of ['offered', 'placed']) await ok('PATCH', `${LA}/applications/${id}`, { status });
  return { id, opportunityId, studentId };
}

/** The rollup-backed actuals of every year, checked against the raw computation; returns the current year's. */
async function expectEqualToRaw(coalitionId: string, source: 'rollup' | 'raw') {
  let current: Record<string, number> = {};
  for (const y of years) {
    const span = { coalitionId, year: y, timeZone: TZ };
    const [raw, read] = [await computeActuals(db(), span), await applicationActuals(db(), span)];
    expect(read.source, `${y}`).toBe(source);
    for (const key of applicationKeys) expect(read.values[key], `${y} ${key}`).toBe(raw[key]);
    if (y === year) current = read.values;
  }
  return current;
}
const queuedRefreshes = async (coalitionId: string) =>
  Number((await db().execute<{ n: number }>(sql`select count(*)::int as n from jobs where coalition_id = ${coalitionId} and kind = ${ROLLUP_JOB} and status = 'queued'`)).rows[0]!.n);
const rollupTotals = async (coalitionId: string) =>
  (await db().execute<{ days: number; placements: number }>(sql`select count(*)::int as days, coalesce(sum(internship_placements), 0)::int as placements from metric_daily_rollups where coalition_id = ${coalitionId}`)).rows[0]!;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  outsider = await t.signUp('Olivia Outsider', 'olivia.rollup@example.org');
  expect((await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } })).statusCode).toBe(201);
  const ids = await db().execute<{ id: string; slug: string }>(sql`select id, slug from coalitions where slug in ('la-tech', 'bay-tech')`);
  la = ids.rows.find((r) => r.slug === 'la-tech')!.id;
  bay = ids.rows.find((r) => r.slug === 'bay-tech')!.id;
});
afterAll(() => t?.close());

describe('the daily metrics rollup', () => {
  it('reads raw before the first refresh and queues exactly one refresh', async () => {
    await placedInternship();
    expect(await rollupState(db(), la)).toBeUndefined();
    await expectEqualToRaw(la, 'raw');
    await expectEqualToRaw(la, 'raw');
    expect(await queuedRefreshes(la)).toBe(1);
    expect(await t.runJobs()).toBeGreaterThanOrEqual(1);
    const state = (await rollupState(db(), la))!;
    expect(state.builtVersion).toBe(state.version);
    expect(await queuedRefreshes(la)).toBe(0);
  });

  it('equals the raw computation year by year once built, and holds the placements made before it', async () => {
    const current = await expectEqualToRaw(la, 'rollup');
    const totals = await rollupTotals(la);
    expect(totals.days).toBeGreaterThan(0);
    // Every current-year internship placement so far is in the rollup rows, none in the tail.
    expect(totals.placements).toBeGreaterThanOrEqual(current.internship_placements!);
    expect(current.internship_placements).toBeGreaterThan(0);
  });

  it('counts a placement recorded after the refresh from the live tail, by exactly one, without going stale', async () => {
    const before = await expectEqualToRaw(la, 'rollup');
    const { id } = await placedInternship();
    const placed = await expectEqualToRaw(la, 'rollup');
    expect(placed.internship_placements).toBe(before.internship_placements! + 1);
    expect(placed.students_impacted).toBe(before.students_impacted! + 1);
    await ok('PATCH', `${LA}/applications/${id}`, { status: 'completed' });
    await ok('PATCH', `${LA}/applications/${id}`, { status: 'hired', hireType: 'full_time' });
    const hired = await expectEqualToRaw(la, 'rollup');
    expect(hired).toMatchObject({ internship_placements: placed.internship_placements, conversions_to_hire: before.conversions_to_hire! + 1, job_placements: before.job_placements! + 1, students_impacted: placed.students_impacted });
  });

  it('does not count twice an application the rollup holds that reaches placed again in the tail', async () => {
    const [rolled] = (await db().execute<{ application_id: string }>(sql`
      select c.application_id from application_status_changes c join metric_rollup_state s on s.coalition_id = c.coalition_id
       where c.coalition_id = ${la} and c.to_status = 'placed' and c.at < s.through and c.at >= make_timestamptz(${year}::int, 1, 1, 0, 0, 0, ${TZ}::text) limit 1`)).rows;
    expect(rolled).toBeDefined();
    const before = await expectEqualToRaw(la, 'rollup');
    await db().execute(sql`insert into application_status_changes (coalition_id, id, application_id, from_status, to_status) values (${la}, ${newId()}, ${rolled!.application_id}, 'placed', 'placed')`);
    const after = await expectEqualToRaw(la, 'rollup');
    expect(after).toEqual(before);
  });

  it('goes out of date when history it holds changes (an opportunity’s kind, a back-dated change): reads are raw until the refresh', async () => {
    const { opportunityId } = await placedInternship();
    await t.runJobs();
    // Current: only this year is rebuilt (nothing older can have changed).
    expect(await refreshRollup(db(), la)).toMatchObject({ current: true, rebuilt: `from ${year}` });
    const before = await expectEqualToRaw(la, 'rollup');
    await ok('PATCH', `${LA}/opportunities/${opportunityId}`, { kind: 'apprenticeship' });
    const changed = await expectEqualToRaw(la, 'raw');
    expect(changed.internship_placements).toBe(before.internship_placements! - 1);
    expect(await queuedRefreshes(la)).toBe(1);
    // Out of date: everything is rebuilt.
    expect(await refreshRollup(db(), la)).toMatchObject({ current: true, rebuilt: 'full' });
    expect(await expectEqualToRaw(la, 'rollup')).toEqual(changed);
    await t.runJobs();

    const { id } = await placedInternship();
    await db().execute(sql`insert into application_status_changes (coalition_id, id, application_id, from_status, to_status, at) values (${la}, ${newId()}, ${id}, 'offered', 'placed', make_timestamptz(${year - 1}::int, 6, 1, 12, 0, 0, ${TZ}::text))`);
    await expectEqualToRaw(la, 'raw');
    expect(await queuedRefreshes(la)).toBe(1);
    await t.runJobs();
    await expectEqualToRaw(la, 'rollup');
  });

  it('serves a rollup built days ago exactly (a longer tail) and queues a refresh once the tail is older than 15 minutes', async () => {
    await db().execute(sql`update metric_rollup_state set through = through - interval '3 days' where coalition_id = ${la}`);
    await rebuildRollupRows(db(), la, TZ);
    await db().execute(sql`update metric_rollup_state set built_version = version where coalition_id = ${la}`);
    expect(await queuedRefreshes(la)).toBe(0);
    await expectEqualToRaw(la, 'rollup');
    expect(await queuedRefreshes(la)).toBe(1);
    await t.runJobs();
    expect((await rollupState(db(), la))!.through.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  // Needs a second connection: PostgreSQL only (embedded PGlite has one).
  it.skipIf(process.env.TB_TEST_DB !== 'postgres')('gives up the refresh after 2 s rather than make writers queue behind a long write on the tables it locks', async () => {
    const writer = await t.database.pool.connect();
    try {
      await writer.query('begin');
      await writer.query(`update opportunities set title = title where coalition_id = $1 and false`, [la]);
      const started = Date.now();
      // 55P03: lock_not_available (lock_timeout), wrapped by Drizzle as the cause.
      await expect(refreshRollup(db(), la)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '55P03' }) });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await writer.query('rollback');
      writer.release();
    }
    expect(await refreshRollup(db(), la)).toMatchObject({ current: true });
    await expectEqualToRaw(la, 'rollup');
  });

  it('keeps each coalition’s rollup to itself', async () => {
    const laTotals = await rollupTotals(la);
    const outcome = await refreshRollup(db(), bay);
    expect(outcome).toMatchObject({ current: true, days: 0 });
    expect(await rollupTotals(la)).toEqual(laTotals);
    const bayRead = await applicationActuals(db(), { coalitionId: bay, year, timeZone: TZ });
    expect(bayRead).toEqual({ source: 'rollup', values: { internship_placements: 0, job_placements: 0, conversions_to_hire: 0, students_impacted: 0 } });
  });
});
