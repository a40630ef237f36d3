import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let student: Session;
let outsider: Session;
const LA = '/api/v1/coalitions/la-tech';
const base = `${LA}/onboarding`;
const check = (dto: { checks: { key: string; done: boolean; applicable: boolean }[] }, key: string) => dto.checks.find((c) => c.key === key)!;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia.onboarding@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-onboarding', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
});
afterAll(() => t?.close());

describe('onboarding checklist', () => {
  it('computes each check from the records, and progress from the applicable ones', async () => {
    const created = await t.request({ method: 'POST', url: `${LA}/organizations`, as: coordinator, payload: { name: 'Fresh Employer Inc.', type: 'employer' } });
    const id = created.json().id;
    const fresh = (await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).json();
    expect(fresh).toMatchObject({ organizationName: 'Fresh Employer Inc.', done: 0, applicable: 4, progress: 0 });

    const need = await t.request({ method: 'POST', url: `${LA}/hiring-needs`, as: coordinator, payload: { employerId: id, soc: '15-1252', title: 'Junior developer', positions: 2, skills: [], degreeRequired: false } });
    expect(need.statusCode).toBe(201);
    await t.request({ method: 'POST', url: `${LA}/people`, as: coordinator, payload: { name: 'Fresh Contact', organizationId: id, roles: ['point_of_contact'] } });
    const accepted = await t.request({ method: 'POST', url: `${base}/${id}/data-sharing`, as: coordinator });
    expect(accepted.statusCode).toBe(200);
    const after = accepted.json();
    expect(check(after, 'needs_or_programs').done).toBe(true);
    expect(check(after, 'points_of_contact').done).toBe(true);
    expect(check(after, 'data_sharing').done).toBe(true);
    expect(check(after, 'first_meeting').done).toBe(false);
    expect(after).toMatchObject({ done: 3, applicable: 4, progress: 75 });
    expect((await t.request({ method: 'POST', url: `${base}/${id}/data-sharing`, as: coordinator })).statusCode).toBe(409);
  });

  it('does not ask a funder for hiring needs or programs', async () => {
    const kresge = (await t.request({ method: 'GET', url: `${LA}/organizations?q=Kresge`, as: coordinator })).json().items[0].id;
    const dto = (await t.request({ method: 'GET', url: `${base}/${kresge}`, as: coordinator })).json();
    expect(check(dto, 'needs_or_programs').applicable).toBe(false);
    expect(dto.applicable).toBe(3);
  });

  it('shows a member’s staff only their own checklist; they accept for their own organization only', async () => {
    const own = (await t.request({ method: 'GET', url: base, as: employer })).json().items;
    expect(own.map((o: { organizationName: string }) => o.organizationName)).toEqual(['Snap Inc.']);
    const esri = (await t.request({ method: 'GET', url: `${LA}/organizations?q=Esri`, as: coordinator })).json().items[0].id;
    expect((await t.request({ method: 'POST', url: `${base}/${esri}/data-sharing`, as: employer })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${base}/${esri}`, as: employer })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: base, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-onboarding/onboarding/${esri}`, as: outsider })).statusCode).toBe(404);
    const all = (await t.request({ method: 'GET', url: `${base}?limit=200`, as: coordinator })).json().items;
    expect(all.length).toBeGreaterThan(20);
  });
});
