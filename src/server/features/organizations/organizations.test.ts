import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let student: Session;
let outsider: Session;
const base = '/api/v1/coalitions/la-tech/organizations';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  const created = await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  expect(created.statusCode).toBe(201);
});
afterAll(() => t?.close());

describe('organizations', () => {
  it('lists the seeded organizations in name order, page by page', async () => {
    const first = await t.request({ method: 'GET', url: `${base}?limit=5`, as: coordinator });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(5);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = (await t.request({ method: 'GET', url: `${base}?limit=5&cursor=${page1.nextCursor}`, as: coordinator })).json();
    const names = [...page1.items, ...second.items].map((o: { name: string }) => o.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(names).size).toBe(10);
  });

  it('searches by name and filters by type', async () => {
    const res = await t.request({ method: 'GET', url: `${base}?q=college&type=college`, as: coordinator });
    expect(res.json().items.map((o: { name: string }) => o.name)).toEqual(['Pierce College', 'Santa Monica College']);
    const wildcard = await t.request({ method: 'GET', url: `${base}?q=%25`, as: coordinator });
    expect(wildcard.json().items).toEqual([]);
  });

  it('creates, reads, edits and deletes, auditing each write', async () => {
    const created = await t.request({ method: 'POST', url: base, as: coordinator, payload: { name: 'Riot Games', type: 'employer', website: 'https://www.riotgames.com' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const patched = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { subtype: 'tech_company' } });
    expect(patched.json()).toMatchObject({ name: 'Riot Games', subtype: 'tech_company', website: 'https://www.riotgames.com' });
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(404);
    const audit = await t.request({ method: 'GET', url: `/api/v1/coalitions/la-tech/audit-log?entityId=${id}`, as: coordinator });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(audit.json().items[1].changes).toEqual({ subtype: { from: null, to: 'tech_company' } });
  });

  it('rejects bad input with a problem naming the field, and writes nothing', async () => {
    const before = (await t.request({ method: 'GET', url: `${base}?limit=200`, as: coordinator })).json().items.length;
    const res = await t.request({ method: 'POST', url: base, as: coordinator, payload: { name: 'X', type: 'spaceship', website: 'javascript:alert(1)' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['type', 'website']));
    const after = (await t.request({ method: 'GET', url: `${base}?limit=200`, as: coordinator })).json().items.length;
    expect(after).toBe(before);
  });

  it('lets a student read but not write', async () => {
    expect((await t.request({ method: 'GET', url: base, as: student })).statusCode).toBe(200);
    const res = await t.request({ method: 'POST', url: base, as: student, payload: { name: 'Nope Inc.', type: 'employer' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it("hides another coalition's records as 404", async () => {
    const mine = (await t.request({ method: 'GET', url: base, as: coordinator })).json().items[0];
    expect((await t.request({ method: 'GET', url: base, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/organizations/${mine.id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/coalitions/bay-tech/organizations/${mine.id}`, as: outsider, payload: { name: 'Hijacked' } })).statusCode).toBe(404);
  });

  it('lists points of contact with their organization', async () => {
    const pierce = (await t.request({ method: 'GET', url: `${base}?q=Pierce`, as: coordinator })).json().items[0];
    expect(pierce.pointsOfContact.map((c: { name: string }) => c.name)).toEqual(['Alicia Gómez']);
  });
});
