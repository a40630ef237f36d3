import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let educator: Session;
let employer: Session;
let student: Session;
let outsider: Session;
const LA = '/api/v1/coalitions/la-tech';
const base = `${LA}/initiatives`;
const people: Record<string, string> = {};

const get = async (url: string, as = coordinator) => (await t.request({ method: 'GET', url, as })).json();

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  educator = await t.signIn(demo.educator);
  employer = await t.signIn(demo.employer);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  for (const p of (await get(`${LA}/people?limit=200`)).items) people[p.name] = p.id;
});
afterAll(() => t?.close());

describe('initiatives', () => {
  it('seeds the paper’s seven initiatives with owners, a RACI table, a plan and a priority rank', async () => {
    const { items } = await get(`${base}?limit=200`);
    const categories = items.map((i: { category: string }) => i.category).sort();
    expect(categories).toEqual(['curriculum_updates', 'faculty_education', 'hard_skill_development', 'internships', 'soft_skill_development', 'supplemental_learning', 'work_based_learning']);
    expect(items.map((i: { priorityRank: number }) => i.priorityRank).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const pipeline = items.find((i: { category: string }) => i.category === 'internships');
    expect(pipeline.owner.name).toBe('Maya Chen');
    expect(pipeline.taskCount).toBeGreaterThanOrEqual(5);
    expect(pipeline.recruitingWindow.label).toBe('Summer internship applications');
    expect(pipeline.goals).toContainEqual(expect.objectContaining({ metricKey: 'internship_placements', target: 500 }));
    expect(pipeline.stakeholders.find((s: { raci: string }) => s.raci === 'accountable').person.name).toBe('Maya Chen');
    // A point of contact in each member organization on the team.
    expect(pipeline.organizations.filter((o: { pointsOfContact: unknown[] }) => o.pointsOfContact.length === 0)).toEqual([]);
    // Dependencies cross initiatives: the application window waits for the soft-skill workshops.
    const plan = await get(`${LA}/master-plan`);
    const open = plan.items.find((i: { name: string }) => i.name === 'Application window opens');
    const initiativesOfDeps = open.dependsOn.map((id: string) => plan.items.find((i: { id: string }) => i.id === id).initiativeTitle);
    expect(initiativesOfDeps).toContain('Career readiness workshops');
    expect(open.earlyStart).toBe(pipeline.recruitingWindow.opensOn);
  });

  it('creates with {title, category}, reads, edits and deletes, auditing each write', async () => {
    const created = await t.request({ method: 'POST', url: base, as: coordinator, payload: { title: 'Cybersecurity boot camp', category: 'hard_skill_development' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'proposed', owner: null, taskCount: 0, progressPercent: 0, stakeholders: [] });
    const patched = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { ownerId: people['Grace Kim'], strategicPriorities: ['talent_pipeline'], recommendations: [3, 5], goals: [{ metricKey: 'hard_skill_wbl', target: 4 }] } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ owner: { name: 'Grace Kim', organizationName: 'LA HI-TECH' }, recommendations: [3, 5], goals: [{ metricKey: 'hard_skill_wbl', target: 4, description: null }] });
    expect((await get(`${base}?q=cybersecurity`)).items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(404);
    const audit = await get(`${LA}/audit-log?entityId=${id}`);
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
  });

  it('rejects bad input with a 422 naming the field, and writes nothing', async () => {
    const before = (await get(`${base}?limit=200`)).items.length;
    const cases: [unknown, string][] = [
      [{ title: '', category: 'internships' }, 'title'],
      [{ title: 'X', category: 'space_program' }, 'category'],
      [{ title: 'X', category: 'custom' }, 'customCategory'],
      [{ title: 'X', category: 'internships', ownerId: '6b0c3c2e-8a40-4b6f-9a53-1c1b2f0e9d11' }, 'ownerId'],
      [{ title: 'X', category: 'internships', recommendations: [8] }, 'recommendations.0'],
      [{ title: 'X', category: 'internships', startsOn: '2030-05-01', targetFinishOn: '2030-04-01' }, 'targetFinishOn'],
      [{ title: 'X', category: 'internships', recruitingWindow: { label: 'Fall', opensOn: '2030-10-01', closesOn: '2030-09-01' } }, 'recruitingWindow.closesOn'],
    ];
    for (const [payload, path] of cases) {
      const res = await t.request({ method: 'POST', url: base, as: coordinator, payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await get(`${base}?limit=200`)).items.length).toBe(before);
  });

  it('keeps the RACI table: one row per person, points of contact per organization', async () => {
    const id = (await t.request({ method: 'POST', url: base, as: coordinator, payload: { title: 'Hack day', category: 'work_based_learning' } })).json().id;
    const add = (payload: object) => t.request({ method: 'POST', url: `${base}/${id}/stakeholders`, as: coordinator, payload });
    const jordan = await add({ personId: people['Jordan Rivera'], raci: 'responsible', role: 'Host', pointOfContact: true });
    expect(jordan.statusCode).toBe(201);
    expect((await add({ personId: people['Ethan Walker'], raci: 'consulted' })).statusCode).toBe(201);
    expect((await add({ personId: people['Jordan Rivera'], raci: 'informed' })).statusCode).toBe(409);
    expect((await add({ personId: people['Ethan Walker'], raci: 'boss' })).statusCode).toBe(422);
    const initiative = await get(`${base}/${id}`);
    expect(initiative.organizations).toEqual([
      { organizationId: expect.any(String), organizationName: 'Snap Inc.', pointsOfContact: [expect.objectContaining({ name: 'Jordan Rivera' })] },
      { organizationId: expect.any(String), organizationName: 'The Walt Disney Company', pointsOfContact: [] },
    ]);
    const patched = await t.request({ method: 'PATCH', url: `${base}/${id}/stakeholders/${jordan.json().id}`, as: coordinator, payload: { raci: 'accountable' } });
    expect(patched.json()).toMatchObject({ raci: 'accountable', role: 'Host', pointOfContact: true });
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}/stakeholders/${jordan.json().id}`, as: coordinator })).statusCode).toBe(204);
    expect((await get(`${base}/${id}`)).stakeholders.map((s: { person: { name: string } }) => s.person.name)).toEqual(['Ethan Walker']);
  });

  it('lets an initiative leader manage the initiatives they own, and only those', async () => {
    const me = (await get('/api/v1/auth/me', educator)).coalitions.find((c: { slug: string }) => c.slug === 'la-tech').personId;
    const promoted = await t.request({ method: 'PATCH', url: `${LA}/people/${me}`, as: coordinator, payload: { roles: ['member', 'point_of_contact', 'facilitator', 'initiative_leader'] } });
    expect(promoted.statusCode).toBe(200);
    // Proposing one makes them its owner; handing it to someone else is the Council's call.
    const mine = await t.request({ method: 'POST', url: base, as: educator, payload: { title: 'Pierce design sprint', category: 'supplemental_learning' } });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().owner.personId).toBe(me);
    const handOff = await t.request({ method: 'POST', url: base, as: educator, payload: { title: 'Not mine', category: 'internships', ownerId: people['Grace Kim'] } });
    expect(handOff.statusCode).toBe(403);
    const id = mine.json().id;
    expect((await t.request({ method: 'PATCH', url: `${base}/${id}`, as: educator, payload: { status: 'in_progress' } })).statusCode).toBe(200);
    const task = await t.request({ method: 'POST', url: `${base}/${id}/tasks`, as: educator, payload: { name: 'Sprint week', startsOn: '2030-02-02', durationDays: 5 } });
    expect(task.statusCode).toBe(201);
    expect((await t.request({ method: 'PATCH', url: `${base}/${id}`, as: educator, payload: { ownerId: people['Grace Kim'] } })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: educator })).statusCode).toBe(403);
    // Someone else's initiative: Grace Kim's classroom projects.
    const other = (await get(`${base}?q=Classroom projects`)).items[0];
    expect(other.owner.name).toBe('Grace Kim');
    expect((await t.request({ method: 'PATCH', url: `${base}/${other.id}`, as: educator, payload: { status: 'on_hold' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `${base}/${other.id}/tasks`, as: educator, payload: { name: 'Nope', startsOn: '2030-02-02', durationDays: 1 } })).statusCode).toBe(403);
  });

  it('lets staff read and students read nothing; other coalitions get 404', async () => {
    const any = (await get(`${base}?limit=1`)).items[0];
    expect((await t.request({ method: 'GET', url: `${base}/${any.id}`, as: employer })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: base, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${base}/${any.id}`, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${base}/${any.id}`, as: employer, payload: { status: 'on_hold' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/initiatives/${any.id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/coalitions/bay-tech/initiatives/${any.id}`, as: outsider })).statusCode).toBe(404);
    expect((await get('/api/v1/coalitions/bay-tech/initiatives', outsider)).items).toEqual([]);
  });

  it('refuses to delete an initiative other initiatives’ tasks wait for', async () => {
    const soft = (await get(`${base}?q=Career readiness`)).items[0];
    const res = await t.request({ method: 'DELETE', url: `${base}/${soft.id}`, as: coordinator });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('Application window opens');
  });
});
