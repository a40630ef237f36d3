import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { commitmentsByOrganization } from './index.js';

let t: TestApp;
let coordinator: Session;
let government: Session;
let employer: Session;
let educator: Session;
let student: Session;
let outsider: Session;
const LA = '/api/v1/coalitions/la-tech';
const base = `${LA}/commitments`;
const orgId = async (q: string) => (await t.request({ method: 'GET', url: `${LA}/organizations?q=${encodeURIComponent(q)}`, as: coordinator })).json().items[0].id as string;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  government = await t.signIn(demo.government);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia.commitments@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-commitments', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
});
afterAll(() => t?.close());

describe('commitments', () => {
  it('draws a new member’s commitments from the templates of its type, once', async () => {
    const caltech = await orgId('Caltech');
    const drawn = await t.request({ method: 'POST', url: `${base}/from-templates`, as: coordinator, payload: { organizationId: caltech, dueOn: '2027-03-01' } });
    expect(drawn.statusCode).toBe(201);
    expect(drawn.json().items.map((c: { templateKey: string }) => c.templateKey)).toEqual(['education.flexible_curriculum', 'education.wbl_in_curriculum', 'education.promote']);
    const again = await t.request({ method: 'POST', url: `${base}/from-templates`, as: coordinator, payload: { organizationId: caltech } });
    expect(again.json().items).toEqual([]);
  });

  it('shows an overdue commitment in the Coordinator’s view until it is done', async () => {
    const esri = await orgId('Esri');
    const created = await t.request({ method: 'POST', url: base, as: government, payload: { organizationId: esri, title: 'Host two job panels', dueOn: '2020-01-15' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ overdue: true, organizationName: 'Esri', status: 'open' });
    expect(created.json().daysOverdue).toBeGreaterThan(365);
    const overdue = (await t.request({ method: 'GET', url: `${base}?overdue=true&limit=200`, as: coordinator })).json().items;
    expect(overdue.map((c: { id: string }) => c.id)).toContain(created.json().id);
    expect(overdue.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    // Most overdue first.
    expect(overdue[0].id).toBe(created.json().id);
    const done = await t.request({ method: 'PATCH', url: `${base}/${created.json().id}`, as: coordinator, payload: { status: 'done' } });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, completedOn: expect.any(String) });
    const after = (await t.request({ method: 'GET', url: `${base}?overdue=true&limit=200`, as: coordinator })).json().items;
    expect(after.map((c: { id: string }) => c.id)).not.toContain(created.json().id);
  });

  it('lets the Leadership Council see all, a member’s staff only their own, students nothing', async () => {
    const all = (await t.request({ method: 'GET', url: `${base}?limit=200`, as: government })).json().items;
    expect(new Set(all.map((c: { organizationName: string }) => c.organizationName)).size).toBeGreaterThan(2);
    const own = (await t.request({ method: 'GET', url: `${base}?limit=200`, as: employer })).json().items;
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((c: { organizationName: string }) => c.organizationName))).toEqual(new Set(['Snap Inc.']));
    const pierceItem = all.find((c: { organizationName: string }) => c.organizationName === 'Pierce College');
    expect((await t.request({ method: 'GET', url: `${base}/${pierceItem.id}`, as: employer })).statusCode).toBe(403);
    const progress = await t.request({ method: 'PATCH', url: `${base}/${pierceItem.id}`, as: educator, payload: { status: 'in_progress' } });
    expect(progress.statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: base, as: employer, payload: { organizationId: pierceItem.organizationId, title: 'Nope' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: base, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-commitments/commitments/${pierceItem.id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/coalitions/bay-commitments/commitments/${pierceItem.id}`, as: outsider })).statusCode).toBe(404);
  });

  it('rejects bad input naming the field, writing nothing', async () => {
    const before = (await t.request({ method: 'GET', url: `${base}?limit=200`, as: coordinator })).json().items.length;
    const bad = await t.request({ method: 'POST', url: base, as: coordinator, payload: { organizationId: 'nope', title: '', dueOn: '2026-02-30', status: 'maybe' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['organizationId', 'title', 'dueOn', 'status']));
    const foreign = await t.request({ method: 'POST', url: base, as: coordinator, payload: { organizationId: '00000000-0000-4000-8000-000000000000', title: 'Ghost' } });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('organizationId');
    expect((await t.request({ method: 'GET', url: `${base}?limit=200`, as: coordinator })).json().items.length).toBe(before);
  });

  it('feeds recognition: per organization counts for a year, computed from the records', async () => {
    const jpl = await orgId('Jet Propulsion');
    await t.request({ method: 'POST', url: base, as: coordinator, payload: { organizationId: jpl, title: 'A', dueOn: '2031-02-01', status: 'done' } });
    await t.request({ method: 'POST', url: base, as: coordinator, payload: { organizationId: jpl, title: 'B', dueOn: '2031-05-01' } });
    await t.request({ method: 'POST', url: base, as: coordinator, payload: { organizationId: jpl, title: 'C', dueOn: '2032-05-01' } });
    const [coalition] = (await t.database.pool.query<{ id: string }>("select id from coalitions where slug = 'la-tech'")).rows;
    const rows = await commitmentsByOrganization(t.database.db, coalition!.id, 2031, '2031-03-01');
    expect(rows.find((r) => r.organizationId === jpl)).toEqual({ organizationId: jpl, total: 2, done: 1, open: 1, overdue: 0 });
    const later = await commitmentsByOrganization(t.database.db, coalition!.id, 2031, '2031-06-01');
    expect(later.find((r) => r.organizationId === jpl)?.overdue).toBe(1);
  });
});
