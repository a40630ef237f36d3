import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { currentYear } from './index.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let educator: Session;
let student: Session;
let outsider: Session;
const LA = '/api/v1/coalitions/la-tech';
const year = currentYear('America/Los_Angeles');

const get = (url: string, as: Session) => t.request({ method: 'GET', url, as });
const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, as: Session, payload: object) => t.request({ method, url, as, payload });
async function ok(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) {
  const res = await t.request({ method, url, as: coordinator, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const idOf = async (path: string, q: string) => (await ok('GET', `${LA}/${path}?q=${encodeURIComponent(q)}`)).items[0].id as string;
async function actuals(): Promise<Record<string, number | null>> {
  const body = (await get(`${LA}/metrics?year=${year}`, coordinator)).json();
  return Object.fromEntries(body.items.map((i: { key: string; actual: number | null }) => [i.key, i.actual]));
}
let n = 0;
async function newApplication(kind: 'internship' | 'job') {
  const snap = await idOf('organizations', 'Snap');
  const pierce = await idOf('organizations', 'Pierce');
  const studentId = (await ok('POST', `${LA}/students`, { firstName: 'Metric', lastName: `Student ${++n}`, institutionId: pierce, dateOfBirth: '2000-01-01' })).id;
  const opportunityId = (await ok('POST', `${LA}/opportunities`, { employerId: snap, kind, title: `Metrics ${kind} ${n}`, skills: ['Python'] })).id;
  return (await ok('POST', `${LA}/applications`, { studentId, opportunityId })).id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia.metrics@example.org');
  expect((await send('POST', '/api/v1/coalitions', outsider, { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' })).statusCode).toBe(201);
});
afterAll(() => t?.close());

describe('metrics', () => {
  it('lists every metric with the paper’s four targets and computed actuals (CONTRACT)', async () => {
    const res = await get(`${LA}/metrics?year=${year}`, student);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; label: string; target: number | null; actual: number | null; noData: boolean }[];
    const byKey = Object.fromEntries(items.map((i) => [i.key, i]));
    expect(byKey.soft_skill_wbl).toMatchObject({ target: 25, label: expect.any(String) });
    expect(byKey.hard_skill_wbl?.target).toBe(25);
    expect(byKey.faculty_externships?.target).toBe(100);
    expect(byKey.internship_placements?.target).toBe(500);
    for (const item of items) expect(item.actual, item.key).toEqual(expect.any(Number));
    // The seeded past meetings' check-ins count (people of member organizations).
    expect(byKey.meeting_attendance).toMatchObject({ noData: false, unit: 'people' });
  });

  it('counts meeting attendance from check-ins: one check-in moves the metric and the member’s recognition evidence by exactly one', async () => {
    const snap = await idOf('organizations', 'Snap');
    const jordan = await idOf('people', 'Jordan Rivera');
    const evidence = async () =>
      ((await get(`${LA}/recognition/scores?year=${year}`, coordinator)).json().items as { organizationId: string; criteria: { key: string; value: number | null; noData: boolean }[] }[])
        .find((i) => i.organizationId === snap)!
        .criteria.find((c) => c.key === 'meeting_attendance')!;
    const meeting = (await ok('POST', `${LA}/meetings`, { title: 'Metrics: attendance check', kind: 'working_session', startsAt: new Date().toISOString(), durationMinutes: 60 })).id;
    const before = { metric: (await actuals()).meeting_attendance!, evidence: await evidence() };
    expect(before.evidence).toMatchObject({ noData: false, value: expect.any(Number) });
    expect((await send('POST', `${LA}/meetings/${meeting}/attendance`, coordinator, { personId: jordan, attended: true })).statusCode).toBe(200);
    expect((await actuals()).meeting_attendance).toBe(before.metric + 1);
    expect((await evidence()).value).toBe(before.evidence.value! + 1);
    // Checked in twice is still one attendance; checked out takes it back.
    expect((await send('POST', `${LA}/meetings/${meeting}/attendance`, coordinator, { personId: jordan, attended: true })).statusCode).toBe(200);
    expect((await actuals()).meeting_attendance).toBe(before.metric + 1);
    expect((await send('POST', `${LA}/meetings/${meeting}/attendance`, coordinator, { personId: jordan, attended: false })).statusCode).toBe(200);
    expect((await actuals()).meeting_attendance).toBe(before.metric);
    expect((await evidence()).value).toBe(before.evidence.value);
  });

  it('moves internship_placements by exactly one when a placement is recorded through the API, at once', async () => {
    const id = await newApplication('internship');
    const before = await actuals();
    await ok('PATCH', `${LA}/applications/${id}`, { status: 'offered' });
    expect((await actuals()).internship_placements).toBe(before.internship_placements);
    await ok('PATCH', `${LA}/applications/${id}`, { status: 'placed' });
    const placed = await actuals();
    expect(placed.internship_placements).toBe(before.internship_placements! + 1);
    expect(placed.students_impacted).toBe(before.students_impacted! + 1);
    expect(placed.job_placements).toBe(before.job_placements);
    // Completing and converting it to a hire is a conversion and a job placement, not a second placement.
    await ok('PATCH', `${LA}/applications/${id}`, { status: 'completed' });
    await ok('PATCH', `${LA}/applications/${id}`, { status: 'hired', hireType: 'full_time' });
    const hired = await actuals();
    expect(hired.internship_placements).toBe(before.internship_placements! + 1);
    expect(hired.conversions_to_hire).toBe(before.conversions_to_hire! + 1);
    expect(hired.job_placements).toBe(before.job_placements! + 1);
    expect(hired.students_impacted).toBe(before.students_impacted! + 1);
  });

  it('counts a direct job hire as a job placement but not as a conversion', async () => {
    const id = await newApplication('job');
    const before = await actuals();
    await ok('PATCH', `${LA}/applications/${id}`, { status: 'offered' });
    await ok('PATCH', `${LA}/applications/${id}`, { status: 'hired', hireType: 'full_time' });
    const after = await actuals();
    expect(after.job_placements).toBe(before.job_placements! + 1);
    expect(after.conversions_to_hire).toBe(before.conversions_to_hire);
    expect(after.internship_placements).toBe(before.internship_placements);
  });

  it('counts delivered work-based learning and cash pledges from their records', async () => {
    const before = await actuals();
    const snap = await idOf('organizations', 'Snap');
    const opp = (await ok('POST', `${LA}/opportunities`, { employerId: snap, kind: 'soft_skill_wbl', title: 'Metrics mock interviews', skills: ['Speaking'], startsOn: `${year}-03-01`, endsOn: `${year}-03-01` })).id;
    expect((await actuals()).soft_skill_wbl).toBe(before.soft_skill_wbl);
    await ok('PATCH', `${LA}/opportunities/${opp}`, { status: 'completed' });
    await ok('POST', `${LA}/pledges`, { organizationId: snap, kind: 'cash', amountCents: 123_400, pledgedOn: `${year}-02-02` });
    const after = await actuals();
    expect(after.soft_skill_wbl).toBe(before.soft_skill_wbl! + 1);
    expect(after.dollars_invested).toBeCloseTo(before.dollars_invested! + 1234, 2);
    expect(after.in_kind_invested).toBe(before.in_kind_invested);
  });

  it('lets the Coordinator set and clear a target, audited; others may not; bad input is a 422 naming the field', async () => {
    const set = await send('PUT', `${LA}/metrics/targets`, coordinator, { year, key: 'job_placements', target: 40 });
    expect(set.statusCode).toBe(200);
    expect(set.json().items.find((i: { key: string }) => i.key === 'job_placements').target).toBe(40);
    expect((await send('PUT', `${LA}/metrics/targets`, employer, { year, key: 'job_placements', target: 9 })).statusCode).toBe(403);
    const bad = await send('PUT', `${LA}/metrics/targets`, coordinator, { year, key: 'happiness', target: -1 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['key', 'target']));
    const cleared = await send('PUT', `${LA}/metrics/targets`, coordinator, { year, key: 'job_placements', target: null });
    expect(cleared.json().items.find((i: { key: string }) => i.key === 'job_placements').target).toBeNull();
    const audit = (await get(`${LA}/audit-log?entityId=${year}:job_placements`, coordinator)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['set_target', 'set_target']);
  });

  it('breaks placements down by employer, institution and equity group, suppressing counts under 10', async () => {
    const byEmployer = await get(`${LA}/metrics/breakdown?year=${year}&key=students_impacted&by=employer`, coordinator);
    expect(byEmployer.statusCode).toBe(200);
    const items = byEmployer.json().items as { group: string; value: number | null; suppressed: boolean }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.suppressed ? item.value === null : (item.value ?? 0) >= 10 || item.value === 0).toBe(true);
    const equity = (await get(`${LA}/metrics/breakdown?year=${year}&key=internship_placements&by=equity`, coordinator)).json();
    expect(equity.items.map((i: { group: string }) => i.group)).toEqual(['first_generation', 'low_income', 'no_four_year_degree_path', 'career_changer']);
    expect((await get(`${LA}/metrics/breakdown?year=${year}&key=volunteers&by=employer`, coordinator)).statusCode).toBe(422);
    expect((await get(`${LA}/metrics/breakdown?year=${year}&key=students_impacted&by=equity`, student)).statusCode).toBe(403);
    expect((await get(`${LA}/metrics/breakdown?year=${year}&key=students_impacted&by=equity`, employer)).statusCode).toBe(403);
  });

  it('shows ten or more as a number: eleven placements at one employer are not suppressed', async () => {
    const ids = [];
    for (let i = 0; i < 11; i++) ids.push(await newApplication('internship'));
    for (const id of ids) for (const status of ['offered', 'placed']) await ok('PATCH', `${LA}/applications/${id}`, { status });
    const snap = (await get(`${LA}/metrics/breakdown?year=${year}&key=internship_placements&by=employer`, coordinator)).json().items.find((i: { group: string }) => i.group === 'Snap Inc.');
    expect(snap.suppressed).toBe(false);
    expect(snap.value).toBeGreaterThanOrEqual(11);
  });

  it('gives history year by year and the dictionary', async () => {
    const history = (await get(`${LA}/metrics/history?from=${year - 2}&to=${year}`, educator)).json();
    expect(new Set(history.items.map((i: { year: number }) => i.year))).toEqual(new Set([year - 2, year - 1, year]));
    expect(history.items.find((i: { year: number; key: string }) => i.year === year - 1 && i.key === 'internship_placements').target).toBe(500);
    expect((await get(`${LA}/metrics/history?from=${year}&to=${year - 1}`, educator)).statusCode).toBe(422);
    const dictionary = (await get(`${LA}/metrics/dictionary`, student)).json();
    expect(dictionary.items.find((d: { key: string }) => d.key === 'internship_placements')).toMatchObject({ unit: 'count', period: 'calendar_year', computation: expect.stringContaining('placed') });
  });

  it('tracks the roadmap: 2 phases, 6 steps and 7 recommendations with status and evidence', async () => {
    const roadmap = (await get(`${LA}/roadmap`, student)).json().items as { ref: string; kind: string; status: string }[];
    expect(roadmap.filter((i) => i.kind === 'phase')).toHaveLength(2);
    expect(roadmap.filter((i) => i.kind === 'step')).toHaveLength(6);
    expect(roadmap.filter((i) => i.kind === 'recommendation')).toHaveLength(7);
    expect(roadmap.find((i) => i.ref === 'rec-1')?.status).toBe('done');
    const updated = await send('PUT', `${LA}/roadmap/rec-6`, coordinator, { status: 'done', evidence: 'Monthly meetings held' });
    expect(updated.json().items.find((i: { ref: string }) => i.ref === 'rec-6')).toMatchObject({ status: 'done', evidence: 'Monthly meetings held' });
    expect((await send('PUT', `${LA}/roadmap/rec-6`, employer, { status: 'done' })).statusCode).toBe(403);
    expect((await send('PUT', `${LA}/roadmap/rec-9`, coordinator, { status: 'done' })).statusCode).toBe(404);
    expect((await send('PUT', `${LA}/roadmap/rec-6`, coordinator, { status: 'finished' })).statusCode).toBe(422);
  });

  it('shows an employer its own dashboard, and an institution its own, but not each other’s', async () => {
    const snap = await idOf('organizations', 'Snap');
    const pierce = await idOf('organizations', 'Pierce');
    const mine = await get(`${LA}/dashboards/organizations/${snap}?year=${year}`, employer);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ role: 'employer', name: 'Snap Inc.' });
    const figures = Object.fromEntries(mine.json().figures.map((f: { key: string; value: number }) => [f.key, f.value]));
    expect(figures.interns_hosted).toBeGreaterThanOrEqual(12);
    expect(figures.hires).toBeGreaterThanOrEqual(2);
    expect((await get(`${LA}/dashboards/organizations/${pierce}`, employer)).statusCode).toBe(403);
    const school = await get(`${LA}/dashboards/organizations/${pierce}`, educator);
    expect(school.json()).toMatchObject({ role: 'institution', name: 'Pierce College' });
    expect(school.json().figures.find((f: { key: string }) => f.key === 'student_placements').value).toBeGreaterThanOrEqual(12);
    expect((await get(`${LA}/dashboards/organizations/${snap}`, coordinator)).statusCode).toBe(200);
  });

  it("hides la-tech from another coalition (404) and computes bay-tech's own from its own records", async () => {
    expect((await get(`${LA}/metrics`, outsider)).statusCode).toBe(404);
    expect((await get(`${LA}/roadmap`, outsider)).statusCode).toBe(404);
    const snap = await idOf('organizations', 'Snap');
    expect((await get(`/api/v1/coalitions/bay-tech/dashboards/organizations/${snap}`, outsider)).statusCode).toBe(404);
    const bay = (await get(`/api/v1/coalitions/bay-tech/metrics?year=${year}`, outsider)).json();
    const placements = bay.items.find((i: { key: string }) => i.key === 'internship_placements');
    expect(placements).toMatchObject({ target: null, actual: 0 });
    expect((await t.request({ method: 'GET', url: `${LA}/metrics` })).statusCode).toBe(401);
  });
});
