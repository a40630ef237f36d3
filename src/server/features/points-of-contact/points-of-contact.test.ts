import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let educator: Session;
let student: Session;
const la = '/api/v1/coalitions/la-tech';
const base = `${la}/points-of-contact`;
const orgs: Record<string, string> = {};

async function call(as: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  return t.request({ method, url, as, ...(payload === undefined ? {} : { payload: payload as object }) });
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  for (const [key, q] of [['smc', 'Santa Monica'], ['pierce', 'Pierce'], ['disney', 'Disney'], ['snap', 'Snap']] as const) {
    orgs[key] = (await call(coordinator, 'GET', `${la}/organizations?q=${q}`)).json().items[0].id;
  }
});
afterAll(() => t?.close());

describe('points of contact by topic', () => {
  it('lists who answers for each member organization, by topic', async () => {
    const smc = (await call(student, 'GET', `${base}?organizationId=${orgs.smc}`)).json().items;
    expect(smc.map((c: { topic: string; name: string }) => `${c.topic}: ${c.name}`)).toEqual(['career_placement: Marcus Lee', 'curriculum: Marcus Lee', 'work_based_learning: Marcus Lee']);
    const wbl = (await call(student, 'GET', `${base}?topic=work_based_learning`)).json().items;
    expect(wbl.map((c: { organizationName: string }) => c.organizationName)).toEqual(expect.arrayContaining(['Pierce College', 'Snap Inc.', 'Amazon Web Services', 'LA HI-TECH']));
  });

  it('routes a request to the topic’s contact, by notification and e-mail', async () => {
    const res = await call(student, 'POST', `${base}/requests`, { organizationId: orgs.smc, topic: 'career_placement', subject: 'Internship help', body: 'Who can review my resume?' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ routedBy: 'topic', routedTo: [{ name: 'Marcus Lee' }], from: { name: 'Luis Hernández' } });
    const outbox = (await call(coordinator, 'GET', `${la}/outbox?limit=200`)).json().items;
    expect(outbox.some((m: { toAddress: string; subject: string }) => m.toAddress === 'marcus.lee@example.org' && m.subject.includes('Internship help'))).toBe(true);
    // The student sees what they sent.
    expect((await call(student, 'GET', `${base}/requests`)).json().items.map((r: { subject: string }) => r.subject)).toEqual(['Internship help']);
  });

  it('falls back to the organization’s points of contact, then to the Coordinator', async () => {
    const pierce = (await call(employer, 'POST', `${base}/requests`, { organizationId: orgs.pierce, topic: 'career_placement', subject: 'Hiring boot camp graduates', body: 'We have 12 openings.' })).json();
    expect(pierce).toMatchObject({ routedBy: 'organization', routedTo: [{ name: 'Alicia Gómez' }] });
    const inbox = (await call(educator, 'GET', `${la}/notifications?unread=true`)).json().items;
    expect(inbox[0]).toMatchObject({ kind: 'points_of_contact.request', payload: { requestId: pierce.id, topic: 'career_placement' } });
    const disney = (await call(educator, 'POST', `${base}/requests`, { organizationId: orgs.disney, topic: 'curriculum', subject: 'Curriculum advice', body: 'Would you review our web course?' })).json();
    expect(disney).toMatchObject({ routedBy: 'coordinator', routedTo: [{ name: 'Maya Chen' }] });
    // The Coordinator sees every request; the employer only theirs.
    expect((await call(coordinator, 'GET', `${base}/requests`)).json().items.length).toBeGreaterThanOrEqual(3);
    expect((await call(employer, 'GET', `${base}/requests`)).json().items.map((r: { id: string }) => r.id)).toEqual([pierce.id]);
  });

  it('lets the Coordinator and an organization’s own point of contact name them', async () => {
    const person = (await call(coordinator, 'POST', `${la}/people`, { name: 'Sam Placement', organizationId: orgs.pierce })).json();
    expect((await call(employer, 'POST', base, { organizationId: orgs.pierce, topic: 'career_placement', personId: person.id })).statusCode).toBe(403);
    const created = await call(educator, 'POST', base, { organizationId: orgs.pierce, topic: 'career_placement', personId: person.id });
    expect(created.statusCode).toBe(201);
    expect((await call(educator, 'POST', base, { organizationId: orgs.pierce, topic: 'career_placement', personId: person.id })).statusCode).toBe(409);
    const elsewhere = await call(coordinator, 'POST', base, { organizationId: orgs.smc, topic: 'curriculum', personId: person.id });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().errors[0].path).toBe('personId');
    expect((await call(educator, 'POST', base, { organizationId: orgs.snap, topic: 'career_placement', personId: person.id })).statusCode).toBe(403);
    // Now a career-placement request to Pierce reaches the new contact.
    const routed = (await call(employer, 'POST', `${base}/requests`, { organizationId: orgs.pierce, topic: 'career_placement', subject: 'Again', body: 'Hello' })).json();
    expect(routed).toMatchObject({ routedBy: 'topic', routedTo: [{ name: 'Sam Placement' }] });
    expect((await call(student, 'DELETE', `${base}/${created.json().id}`)).statusCode).toBe(403);
    expect((await call(educator, 'DELETE', `${base}/${created.json().id}`)).statusCode).toBe(204);
  });
});
