import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let educator: Session;
let student: Session;
let outsider: Session;
const url = '/api/v1/coalitions/la-tech';
const base = `${url}/engagements`;
const orgs: Record<string, string> = {};
// A year the seed declared nothing for.
const year = new Date().getUTCFullYear() + 2;
const day = (d: number) => `${year}-03-${String(d).padStart(2, '0')}`;

const get = (path: string, as: Session) => t.request({ method: 'GET', url: path, as });
const ledgerLine = async (org: string, kind: string) => {
  const { items } = (await get(`${base}/capacities?year=${year}&organizationId=${orgs[org]}`, coordinator)).json();
  return items[0].lines.find((l: { kind: string }) => l.kind === kind);
};

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  for (const [key, name] of <[string, string][]>[['snap', 'Snap'], ['aws', 'Amazon Web Services'], ['pierce', 'Pierce'], ['lausd', 'Los Angeles Unified'], ['smc', 'Santa Monica College']]) {
    orgs[key] = (await get(`${url}/organizations?q=${encodeURIComponent(name)}`, coordinator)).json().items[0].id;
  }
});
afterAll(() => t?.close());

describe('employer capacity', () => {
  it('shows the seeded ledger, with committed and remaining per kind', async () => {
    const res = await get(`${base}/capacities?year=${new Date().getUTCFullYear()}`, educator);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((c: { organizationName: string }) => c.organizationName);
    expect(names).toEqual(expect.arrayContaining(['Amazon Web Services', 'NASA Jet Propulsion Laboratory', 'Snap Inc.', 'The Walt Disney Company']));
    expect((await get(`${base}/capacities?year=${year}`, student)).statusCode).toBe(403);
  });

  it('lets an employer declare its own yearly capacity (audited), not another’s', async () => {
    const res = await t.request({ method: 'PUT', url: `${base}/capacities/${orgs.snap}/${year}`, as: employer, payload: { interns: 12, speakers: 2, externshipHosts: 1, mentors: 5 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ organizationName: 'Snap Inc.', year, lines: expect.arrayContaining([{ kind: 'speakers', declared: 2, committed: expect.any(Number), remaining: expect.any(Number) }]) });
    expect((await t.request({ method: 'PUT', url: `${base}/capacities/${orgs.aws}/${year}`, as: employer, payload: { interns: 1, speakers: 1, externshipHosts: 1, mentors: 1 } })).statusCode).toBe(403);
    const bad = await t.request({ method: 'PUT', url: `${base}/capacities/${orgs.snap}/${year}`, as: employer, payload: { interns: -1, speakers: 2, externshipHosts: 1 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['interns', 'mentors']));
    const audit = (await get(`${url}/audit-log?entityId=${orgs.snap}`, coordinator)).json().items[0];
    expect(audit).toMatchObject({ action: 'declare_capacity', changes: { year } });
  });
});

describe('classroom engagement requests', () => {
  it('catches a second school asking the same employer for the same day', async () => {
    const first = await t.request({ method: 'POST', url: `${base}/requests`, as: educator, payload: { kind: 'guest_speaker', title: 'Design careers talk', employerId: orgs.snap, requestedOn: day(10) } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ schoolName: 'Pierce College', employerName: 'Snap Inc.', capacityKind: 'speakers', status: 'requested', requestedBy: 'Alicia Gómez' });
    const second = await t.request({ method: 'POST', url: `${base}/requests`, as: coordinator, payload: { kind: 'job_panel', title: 'LAUSD career day panel', schoolId: orgs.lausd, employerId: orgs.snap, requestedOn: day(10), quantity: 2 } });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('Design careers talk');
    expect(second.json().detail).toContain('Pierce College');
    // Another day is fine.
    expect((await t.request({ method: 'POST', url: `${base}/requests`, as: coordinator, payload: { kind: 'job_panel', title: 'LAUSD career day panel', schoolId: orgs.lausd, employerId: orgs.snap, requestedOn: day(11), quantity: 2 } })).statusCode).toBe(201);
  });

  it('is brokered by the Coordinator within the capacity the employer declared', async () => {
    // Snap declared 2 speakers for the year above; the panel on day 11 takes 2.
    const { items } = (await get(`${base}/requests?q=LAUSD%20career&limit=200`, coordinator)).json();
    const panel = items[0];
    expect((await t.request({ method: 'POST', url: `${base}/requests/${panel.id}/broker`, as: employer, payload: {} })).statusCode).toBe(403);
    const brokered = await t.request({ method: 'POST', url: `${base}/requests/${panel.id}/broker`, as: coordinator, payload: {} });
    expect(brokered.statusCode).toBe(200);
    expect(brokered.json()).toMatchObject({ status: 'brokered', brokeredAt: expect.any(String) });
    expect(await ledgerLine('snap', 'speakers')).toEqual({ kind: 'speakers', declared: 2, committed: 2, remaining: 0 });
    const [talk] = (await get(`${base}/requests?q=Design%20careers`, coordinator)).json().items;
    const over = await t.request({ method: 'POST', url: `${base}/requests/${talk.id}/broker`, as: coordinator, payload: {} });
    expect(over.statusCode).toBe(409);
    expect(over.json().detail).toBe(`Snap Inc. declared 2 speakers for ${year} and 2 are committed: 1 more would exceed its capacity`);
    // Nor may Snap now declare fewer speakers than it committed.
    const lower = await t.request({ method: 'PUT', url: `${base}/capacities/${orgs.snap}/${year}`, as: employer, payload: { interns: 12, speakers: 1, externshipHosts: 1, mentors: 5 } });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().errors[0].path).toBe('speakers');
    // The Coordinator may broker it with another employer that has room.
    await t.request({ method: 'PUT', url: `${base}/capacities/${orgs.aws}/${year}`, as: coordinator, payload: { interns: 5, speakers: 3, externshipHosts: 1, mentors: 2 } });
    const elsewhere = await t.request({ method: 'POST', url: `${base}/requests/${talk.id}/broker`, as: coordinator, payload: { employerId: orgs.aws } });
    expect(elsewhere.json()).toMatchObject({ employerName: 'Amazon Web Services', status: 'brokered' });
  });

  it('shows a school its own requests and an employer those naming it', async () => {
    const pierce = (await get(`${base}/requests?limit=200`, educator)).json().items;
    expect(new Set(pierce.map((r: { schoolName: string }) => r.schoolName))).toEqual(new Set(['Pierce College']));
    const snap = (await get(`${base}/requests?limit=200`, employer)).json().items;
    expect(snap.every((r: { employerName: string }) => r.employerName === 'Snap Inc.')).toBe(true);
    const lausdOnly = (await get(`${base}/requests?schoolId=${orgs.lausd}&limit=200`, coordinator)).json().items;
    const hidden = lausdOnly.find((r: { employerName: string | null }) => r.employerName !== 'Snap Inc.');
    expect((await get(`${base}/requests/${hidden.id}`, educator)).statusCode).toBe(404);
    expect((await get(`${base}/requests`, student)).statusCode).toBe(403);
  });

  it('lets the school cancel its request, and only the Coordinator decline or confirm delivery', async () => {
    const mine = (await t.request({ method: 'POST', url: `${base}/requests`, as: educator, payload: { kind: 'mentoring', title: 'Portfolio reviews', requestedOn: day(20), quantity: 2 } })).json();
    expect((await t.request({ method: 'PATCH', url: `${base}/requests/${mine.id}`, as: educator, payload: { status: 'declined' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${base}/requests/${mine.id}`, as: educator, payload: { status: 'delivered' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${base}/requests/${mine.id}`, as: coordinator, payload: { status: 'delivered' } })).statusCode).toBe(422);
    const cancelled = await t.request({ method: 'PATCH', url: `${base}/requests/${mine.id}`, as: educator, payload: { status: 'cancelled' } });
    expect(cancelled.json().status).toBe('cancelled');
    const audit = (await get(`${url}/audit-log?entityId=${mine.id}`, coordinator)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['update', 'create']);
  });

  it('rejects bad input with a 422 naming the field, and writes nothing', async () => {
    const count = async () => (await get(`${base}/requests?limit=200`, coordinator)).json().items.length;
    const before = await count();
    const res = await t.request({ method: 'POST', url: `${base}/requests`, as: educator, payload: { kind: 'party', title: '', requestedOn: 'soon' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['kind', 'title', 'requestedOn']));
    const notSchool = await t.request({ method: 'POST', url: `${base}/requests`, as: coordinator, payload: { kind: 'guest_speaker', title: 'x', schoolId: orgs.snap, requestedOn: day(1) } });
    expect(notSchool.statusCode).toBe(422);
    expect(notSchool.json().errors[0].path).toBe('schoolId');
    expect((await t.request({ method: 'POST', url: `${base}/requests`, as: employer, payload: { kind: 'guest_speaker', title: 'x', schoolId: orgs.pierce, requestedOn: day(1) } })).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it("hides another coalition's requests as 404", async () => {
    const [any] = (await get(`${base}/requests`, coordinator)).json().items;
    expect((await get(`/api/v1/coalitions/bay-tech/engagements/requests/${any.id}`, outsider)).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/coalitions/bay-tech/engagements/requests/${any.id}/broker`, as: outsider, payload: {} })).statusCode).toBe(404);
  });
});
