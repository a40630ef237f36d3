import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let student: Session;
let outsider: Session;
const LA = '/api/v1/coalitions/la-tech';

async function post(url: string, payload: unknown, as = coordinator) {
  const res = await t.request({ method: 'POST', url: `${LA}${url}`, as, payload: payload as object });
  if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const newInitiative = async (title: string) => (await post('/initiatives', { title, category: 'custom', customCategory: 'Planning test' })).id as string;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
});
afterAll(() => t?.close());

describe('action plans and the master plan', () => {
  it('holds the CONTRACT example: A→B, A→C, B,C→D give the right dates, slack and critical path', async () => {
    const initiative = await newInitiative('Contract example');
    const tasks = `/initiatives/${initiative}/tasks`;
    const a = await post(tasks, { name: 'A', startsOn: '2030-03-04', durationDays: 3 });
    const b = await post(tasks, { name: 'B', startsOn: '2030-03-04', durationDays: 5, dependsOn: [a.id] });
    const c = await post(tasks, { name: 'C', startsOn: '2030-03-04', durationDays: 2, dependsOn: [a.id] });
    const d = await post(tasks, { name: 'D', startsOn: '2030-03-04', durationDays: 1, dependsOn: [b.id, c.id] });
    expect(d.dependsOn.sort()).toEqual([b.id, c.id].sort());

    const res = await t.request({ method: 'GET', url: `${LA}/master-plan?initiativeId=${initiative}`, as: employer });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    const byName = Object.fromEntries(plan.items.map((i: { name: string }) => [i.name, i]));
    const pick = (x: Record<string, unknown>) => ({ earlyStart: x.earlyStart, earlyFinish: x.earlyFinish, lateStart: x.lateStart, lateFinish: x.lateFinish, slackDays: x.slackDays, critical: x.critical });
    // This plan finishes after every seeded task, so the project finish is its own finish.
    expect(plan.projectFinish).toBe('2030-03-12');
    expect(pick(byName.A)).toEqual({ earlyStart: '2030-03-04', earlyFinish: '2030-03-06', lateStart: '2030-03-04', lateFinish: '2030-03-06', slackDays: 0, critical: true });
    expect(pick(byName.B)).toEqual({ earlyStart: '2030-03-07', earlyFinish: '2030-03-11', lateStart: '2030-03-07', lateFinish: '2030-03-11', slackDays: 0, critical: true });
    expect(pick(byName.C)).toEqual({ earlyStart: '2030-03-07', earlyFinish: '2030-03-08', lateStart: '2030-03-10', lateFinish: '2030-03-11', slackDays: 3, critical: false });
    expect(pick(byName.D)).toEqual({ earlyStart: '2030-03-12', earlyFinish: '2030-03-12', lateStart: '2030-03-12', lateFinish: '2030-03-12', slackDays: 0, critical: true });
    expect(plan.criticalPath).toEqual([a.id, b.id, d.id]);
    expect(plan.items.map((i: { id: string }) => i.id)).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('refuses a dependency cycle with a 422 that names its tasks, and writes nothing', async () => {
    const initiative = await newInitiative('Cycle check');
    const tasks = `/initiatives/${initiative}/tasks`;
    const venue = await post(tasks, { name: 'Book venue', startsOn: '2030-01-06', durationDays: 2 });
    const invite = await post(tasks, { name: 'Send invitations', startsOn: '2030-01-06', durationDays: 1, dependsOn: [venue.id] });
    const run = await post(tasks, { name: 'Run workshop', startsOn: '2030-01-06', durationDays: 1, dependsOn: [invite.id] });
    const res = await t.request({ method: 'PATCH', url: `${LA}${tasks}/${venue.id}`, as: coordinator, payload: { dependsOn: [run.id], name: 'Renamed venue' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.errors[0].path).toBe('dependsOn');
    // Named as they would have been after the change that was refused.
    for (const name of ['Renamed venue', 'Send invitations', 'Run workshop']) expect(problem.detail).toContain(name);
    expect(problem.errors[1].message).toContain(venue.id);
    const after = (await t.request({ method: 'GET', url: `${LA}${tasks}/${venue.id}`, as: coordinator })).json();
    expect(after).toMatchObject({ name: 'Book venue', dependsOn: [] });
    // A task depending on itself is a cycle too.
    const self = await t.request({ method: 'PATCH', url: `${LA}${tasks}/${run.id}`, as: coordinator, payload: { dependsOn: [run.id] } });
    expect(self.statusCode).toBe(422);
    expect(self.json().detail).toContain('Run workshop → Run workshop');
  });

  it('links tasks across initiatives and shows slippage against a saved baseline', async () => {
    const first = await newInitiative('Workshops for slippage');
    const second = await newInitiative('Internships for slippage');
    const prep = await post(`/initiatives/${first}/tasks`, { name: 'Resume workshop', startsOn: '2030-02-03', durationDays: 5 });
    const window = await post(`/initiatives/${second}/tasks`, { name: 'Applications open', startsOn: '2030-02-01', milestone: true, dependsOn: [prep.id] });
    expect(window.durationDays).toBe(0);
    const saved = await t.request({ method: 'POST', url: `${LA}/initiatives/${second}/baseline`, as: coordinator });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().tasks).toBe(1);
    expect((await t.request({ method: 'GET', url: `${LA}/initiatives/${second}/tasks/${window.id}`, as: coordinator })).json()).toMatchObject({ baselineStart: '2030-02-08', baselineFinish: '2030-02-08' });

    // The workshop runs three days longer: the milestone in the other initiative slips by three.
    await t.request({ method: 'PATCH', url: `${LA}/initiatives/${first}/tasks/${prep.id}`, as: coordinator, payload: { durationDays: 8 } });
    const plan = (await t.request({ method: 'GET', url: `${LA}/master-plan?initiativeId=${second}&asOf=2030-02-05`, as: coordinator })).json();
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0]).toMatchObject({ earlyStart: '2030-02-11', slipDays: 3, state: 'at_risk', atRiskReasons: ['slipped'] });
    expect(plan.atRisk).toEqual([window.id]);
    expect(plan.initiatives).toEqual([expect.objectContaining({ id: second, slipDays: 3, baselineFinish: '2030-02-08' })]);
  });

  it('lists overdue and at-risk tasks as of a day, and filters by owner', async () => {
    const initiative = await newInitiative('Status judging');
    const tasks = `/initiatives/${initiative}/tasks`;
    const late = await post(tasks, { name: 'Late task', startsOn: '2030-04-01', durationDays: 3, progress: 50 });
    const behind = await post(tasks, { name: 'Behind task', startsOn: '2030-04-01', durationDays: 10, progress: 10 });
    const done = await post(tasks, { name: 'Done task', startsOn: '2030-04-01', durationDays: 2, progress: 100 });
    const future = await post(tasks, { name: 'Future task', startsOn: '2030-05-01', durationDays: 2 });
    const plan = (await t.request({ method: 'GET', url: `${LA}/master-plan?initiativeId=${initiative}&asOf=2030-04-08`, as: coordinator })).json();
    const state = Object.fromEntries(plan.items.map((i: { id: string; state: string }) => [i.id, i.state]));
    expect(state).toEqual({ [late.id]: 'overdue', [behind.id]: 'at_risk', [done.id]: 'done', [future.id]: 'not_started' });
    expect(plan.overdue).toEqual([late.id]);
    expect(plan.items.find((i: { id: string }) => i.id === late.id).daysOverdue).toBe(5);
    expect(plan.items.find((i: { id: string }) => i.id === behind.id).atRiskReasons).toEqual(['behind_schedule']);

    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: coordinator })).json().coalitions.find((c: { slug: string }) => c.slug === 'la-tech').personId;
    await t.request({ method: 'PATCH', url: `${LA}/initiatives/${initiative}`, as: coordinator, payload: { ownerId: me } });
    const mine = (await t.request({ method: 'GET', url: `${LA}/master-plan?ownerId=${me}`, as: coordinator })).json();
    expect(mine.items.length).toBeGreaterThanOrEqual(4);
    expect(mine.items.every((i: { ownerId: string }) => i.ownerId === me)).toBe(true);
    const milestones = (await t.request({ method: 'GET', url: `${LA}/master-plan?milestonesOnly=true`, as: coordinator })).json();
    expect(milestones.items.length).toBeGreaterThan(0);
    expect(milestones.items.every((i: { milestone: boolean }) => i.milestone)).toBe(true);
  });

  it('lists an action plan by start day, page by page', async () => {
    const initiative = await newInitiative('Paging');
    const tasks = `/initiatives/${initiative}/tasks`;
    for (const [name, startsOn] of [['Third', '2030-07-03'], ['First', '2030-07-01'], ['Second', '2030-07-02']] as const) await post(tasks, { name, startsOn, durationDays: 1 });
    const first = (await t.request({ method: 'GET', url: `${LA}${tasks}?limit=2`, as: employer })).json();
    expect(first.items.map((i: { name: string }) => i.name)).toEqual(['First', 'Second']);
    const second = (await t.request({ method: 'GET', url: `${LA}${tasks}?limit=2&cursor=${first.nextCursor}`, as: employer })).json();
    expect(second).toEqual({ items: [expect.objectContaining({ name: 'Third' })], nextCursor: null });
    expect((await t.request({ method: 'GET', url: `${LA}${tasks}?q=sec`, as: employer })).json().items.map((i: { name: string }) => i.name)).toEqual(['Second']);
  });

  it('rejects bad tasks with a 422 naming the field, and writes nothing', async () => {
    const initiative = await newInitiative('Bad input');
    const tasks = `${LA}/initiatives/${initiative}/tasks`;
    const cases: [unknown, string][] = [
      [{ name: 'x', startsOn: '2030-13-01', durationDays: 1 }, 'startsOn'],
      [{ name: 'x', startsOn: '2030-01-01' }, 'durationDays'],
      [{ name: 'x', startsOn: '2030-01-01', durationDays: 2, milestone: true }, 'durationDays'],
      [{ name: 'x', startsOn: '2030-01-01', durationDays: 0 }, 'durationDays'],
      [{ name: 'x', startsOn: '2030-01-01', durationDays: 1, dependsOn: ['6b0c3c2e-8a40-4b6f-9a53-1c1b2f0e9d11'] }, 'dependsOn.0'],
      [{ name: 'x', startsOn: '2030-01-01', durationDays: 1, progress: 101 }, 'progress'],
    ];
    for (const [payload, path] of cases) {
      const res = await t.request({ method: 'POST', url: tasks, as: coordinator, payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await t.request({ method: 'GET', url: tasks, as: coordinator })).json().items).toEqual([]);
  });

  it('refuses to delete a task others wait for, and audits each write', async () => {
    const initiative = await newInitiative('Delete check');
    const tasks = `/initiatives/${initiative}/tasks`;
    const first = await post(tasks, { name: 'First', startsOn: '2030-06-01', durationDays: 1 });
    const second = await post(tasks, { name: 'Second', startsOn: '2030-06-01', durationDays: 1, dependsOn: [first.id] });
    const refused = await t.request({ method: 'DELETE', url: `${LA}${tasks}/${first.id}`, as: coordinator });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Second');
    expect((await t.request({ method: 'DELETE', url: `${LA}${tasks}/${second.id}`, as: coordinator })).statusCode).toBe(204);
    expect((await t.request({ method: 'DELETE', url: `${LA}${tasks}/${first.id}`, as: coordinator })).statusCode).toBe(204);
    const audit = (await t.request({ method: 'GET', url: `${LA}/audit-log?entityId=${first.id}`, as: coordinator })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
  });

  it('lets staff read the plan, not students; another coalition sees nothing', async () => {
    const initiative = await newInitiative('Visibility');
    const task = await post(`/initiatives/${initiative}/tasks`, { name: 'Visible', startsOn: '2030-06-01', durationDays: 1 });
    expect((await t.request({ method: 'GET', url: `${LA}/master-plan`, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${LA}/initiatives/${initiative}/tasks`, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `${LA}/initiatives/${initiative}/tasks`, as: employer, payload: { name: 'No', startsOn: '2030-06-01', durationDays: 1 } })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/initiatives/${initiative}/tasks/${task.id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/coalitions/bay-tech/initiatives/${initiative}/tasks/${task.id}`, as: outsider, payload: { name: 'Hijacked' } })).statusCode).toBe(404);
    const theirs = (await t.request({ method: 'GET', url: '/api/v1/coalitions/bay-tech/master-plan', as: outsider })).json();
    expect(theirs.items).toEqual([]);
  });
});
