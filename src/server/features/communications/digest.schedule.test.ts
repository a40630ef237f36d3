import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coalitions, digestRuns, jobs } from '../../db/schema.js';
import { drainJobs } from '../../platform/jobs/jobs.js';
import { runMinuteTasks } from '../../platform/maintenance.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { DIGEST_SCHEDULED_JOB, dueSlot, nextStart, slotOfWeek } from './digest.schedule.js';

const LA = 'America/Los_Angeles';
const monday8 = { weekday: 1, hour: 8, enabled: true };

describe('when the digest is due (pure)', () => {
  it('is the weekday and hour on the coalition’s clock, across daylight saving', () => {
    // Monday 2026-11-23 08:00 PST is 16:00Z; Monday 2026-06-01 08:00 PDT is 15:00Z.
    expect(slotOfWeek(new Date('2026-11-26T12:00:00Z'), LA, monday8)).toEqual({ weekOf: '2026-11-23', at: new Date('2026-11-23T16:00:00Z') });
    expect(slotOfWeek(new Date('2026-06-03T12:00:00Z'), LA, monday8).at).toEqual(new Date('2026-06-01T15:00:00Z'));
    // The same instant, another zone: Tokyo's Monday 08:00 is Sunday 23:00Z.
    expect(slotOfWeek(new Date('2026-11-24T00:00:00Z'), 'Asia/Tokyo', monday8)).toEqual({ weekOf: '2026-11-23', at: new Date('2026-11-22T23:00:00Z') });
    // Sunday 18:00 is the end of the week whose Monday it follows.
    expect(slotOfWeek(new Date('2026-11-26T12:00:00Z'), LA, { weekday: 7, hour: 18 }).at).toEqual(new Date('2026-11-30T02:00:00Z'));
  });

  it('is never before the hour, and a missed start is made within a day, then waits for next week', () => {
    expect(dueSlot(new Date('2026-11-23T15:59:59Z'), LA, monday8)).toBeNull();
    expect(dueSlot(new Date('2026-11-23T16:00:00Z'), LA, monday8)?.weekOf).toBe('2026-11-23');
    expect(dueSlot(new Date('2026-11-24T15:59:00Z'), LA, monday8)?.weekOf).toBe('2026-11-23');
    expect(dueSlot(new Date('2026-11-24T16:00:00Z'), LA, monday8)).toBeNull();
    // Sunday 23:00 LA, checked at Monday 00:30 LA: last week's slot, still due.
    expect(dueSlot(new Date('2026-11-30T08:30:00Z'), LA, { weekday: 7, hour: 23, enabled: true })?.weekOf).toBe('2026-11-23');
    expect(dueSlot(new Date('2026-11-23T16:00:00Z'), LA, { ...monday8, enabled: false })).toBeNull();
  });

  it('says when it runs next: this week’s if not yet run, else next week’s', () => {
    const none = () => false;
    expect(nextStart(new Date('2026-11-23T10:00:00Z'), LA, monday8, none)).toEqual(new Date('2026-11-23T16:00:00Z'));
    expect(nextStart(new Date('2026-11-23T17:00:00Z'), LA, monday8, none)).toEqual(new Date('2026-11-23T16:00:00Z'));
    expect(nextStart(new Date('2026-11-23T17:00:00Z'), LA, monday8, (w) => w === '2026-11-23')).toEqual(new Date('2026-11-30T16:00:00Z'));
    expect(nextStart(new Date('2026-11-26T17:00:00Z'), LA, { ...monday8, enabled: false }, none)).toBeNull();
  });
});

let t: TestApp;
let coordinator: Session;
let employer: Session;
let laTechId: string;
const url = '/api/v1/coalitions/la-tech/digests/schedule';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  laTechId = (await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.slug, 'la-tech')))[0]!.id;
}, 120_000);
afterAll(() => t?.close());

const runsOf = async (weekOf: string) => t.database.db.select().from(digestRuns).where(and(eq(digestRuns.coalitionId, laTechId), eq(digestRuns.weekOf, weekOf)));
const scheduledJobs = async () => t.database.db.select().from(jobs).where(and(eq(jobs.coalitionId, laTechId), eq(jobs.kind, DIGEST_SCHEDULED_JOB)));

/** Two app processes' minute checks and job runners, at the same instant. */
async function twoRunners(now: Date) {
  await Promise.all([runMinuteTasks(t.database, undefined, now), runMinuteTasks(t.database, undefined, now)]);
  const services = t.app.services;
  await Promise.all([drainJobs(services), drainJobs(services)]);
}

describe('the weekly digest starts itself', () => {
  it('once per coalition per week across two runners, not before the hour, at the hour of the coalition’s zone', async () => {
    // Sunday and Monday 07:59 in Los Angeles (Monday 08:00 PST = 16:00Z): nothing yet.
    for (const at of ['2026-11-15T20:00:00Z', '2026-11-16T15:59:00Z']) await twoRunners(new Date(at));
    expect(await runsOf('2026-11-16')).toHaveLength(0);
    expect(await scheduledJobs()).toHaveLength(0);
    // 08:00, 08:01, 09:30 and the next day: one job, one run, started by the schedule.
    for (const at of ['2026-11-16T16:00:00Z', '2026-11-16T16:01:00Z', '2026-11-16T17:30:00Z', '2026-11-17T12:00:00Z']) await twoRunners(new Date(at));
    const [run, ...more] = await runsOf('2026-11-16');
    expect(more).toHaveLength(0);
    expect(run).toMatchObject({ createdBy: null });
    expect(await scheduledJobs()).toHaveLength(1);
    // The next week: once more, and only once.
    for (const at of ['2026-11-23T16:00:00Z', '2026-11-23T16:05:00Z']) await twoRunners(new Date(at));
    expect(await runsOf('2026-11-23')).toHaveLength(1);
    const all = await scheduledJobs();
    expect(all.map((j) => j.payload.weekOf).sort()).toEqual(['2026-11-16', '2026-11-23']);
    expect(all.every((j) => j.status === 'succeeded')).toBe(true);
  });

  it('adds nothing to a week the Coordinator already started by hand', async () => {
    expect((await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/digests', as: coordinator, payload: { weekOf: '2026-12-07' } })).statusCode).toBe(201);
    await twoRunners(new Date('2026-12-07T16:00:00Z'));
    const runs = await runsOf('2026-12-07');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.createdBy).not.toBeNull();
    const job = (await scheduledJobs()).find((j) => j.payload.weekOf === '2026-12-07');
    expect(job).toMatchObject({ status: 'succeeded', result: { weekOf: '2026-12-07', created: false } });
  });

  it('lets the Coordinator move it, turn it off, and see the last and next run', async () => {
    const before = (await t.request({ method: 'GET', url, as: coordinator })).json();
    expect(before).toMatchObject({ weekday: 1, hour: 8, enabled: true, timeZone: LA, lastRun: { weekOf: '2026-12-07', startedBy: 'person' } });
    expect(new Date(before.nextRunAt).getTime()).toBeGreaterThan(Date.now() - 24 * 3600 * 1000);

    const moved = await t.request({ method: 'PUT', url, as: coordinator, payload: { weekday: 3, hour: 17, enabled: true } });
    expect(moved.statusCode).toBe(200);
    const next = new Date(moved.json().nextRunAt);
    // A Wednesday, 17:00 in Los Angeles.
    expect(new Intl.DateTimeFormat('en-US', { timeZone: LA, weekday: 'long', hour: 'numeric', hourCycle: 'h23' }).format(next)).toBe('Wednesday, 17');
    // Wednesday 2026-12-16 16:59 LA: not yet; 17:00 (01:00Z Thursday): started.
    await twoRunners(new Date('2026-12-17T00:59:00Z'));
    expect(await runsOf('2026-12-14')).toHaveLength(0);
    await twoRunners(new Date('2026-12-17T01:00:00Z'));
    expect(await runsOf('2026-12-14')).toHaveLength(1);

    const off = await t.request({ method: 'PUT', url, as: coordinator, payload: { weekday: 3, hour: 17, enabled: false } });
    expect(off.json()).toMatchObject({ enabled: false, nextRunAt: null });
    await twoRunners(new Date('2026-12-24T01:00:00Z'));
    expect(await runsOf('2026-12-21')).toHaveLength(0);
  });

  it('refuses a bad hour on its field, and anyone but the Coordinator', async () => {
    const bad = await t.request({ method: 'PUT', url, as: coordinator, payload: { weekday: 8, hour: 24, enabled: true } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['hour', 'weekday']);
    expect((await t.request({ method: 'GET', url, as: employer })).statusCode).toBe(403);
    expect((await t.request({ method: 'PUT', url, as: employer, payload: { weekday: 1, hour: 8, enabled: true } })).statusCode).toBe(403);
  });
});
