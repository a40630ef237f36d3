import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seats } from '../../../shared/coverage.contract.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let student: Session;
let outsider: Session;
const base = '/api/v1/coalitions/la-tech/coverage';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia.coverage@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-coverage', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
});
afterAll(() => t?.close());

describe('stakeholder coverage', () => {
  it('has one item per seat of the paper, filled from the seeded seat holders', async () => {
    const res = await t.request({ method: 'GET', url: base, as: employer });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { seat: string }) => i.seat)).toEqual(seats.map((s) => s.seat));
    expect(body.items.find((i: { seat: string }) => i.seat === 'hiring_manager')).toMatchObject({ stakeholderType: 'employer', role: 'Hiring manager (with Engineering or IT department)', filled: true, people: [expect.objectContaining({ name: 'Jordan Rivera', organizationName: 'Snap Inc.', member: true })] });
    expect(body.items.find((i: { seat: string }) => i.seat === 'principal')).toMatchObject({ stakeholderType: 'k12', filled: false, people: [] });
    expect(body.filledCount).toBe(body.items.filter((i: { filled: boolean }) => i.filled).length);
    expect(body.seatCount).toBe(seats.length);
  });

  it('assigns and removes a seat holder, only for a person of a matching organization', async () => {
    const people = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/people?q=Priya', as: coordinator })).json().items;
    const priya = people[0].id; // AWS: an employer
    const wrong = await t.request({ method: 'POST', url: `${base}/seats/principal/holders`, as: coordinator, payload: { personId: priya } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('personId');
    const ok = await t.request({ method: 'POST', url: `${base}/seats/chief_human_capital_officer/holders`, as: coordinator, payload: { personId: priya } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().items.find((i: { seat: string }) => i.seat === 'chief_human_capital_officer').filled).toBe(true);
    expect((await t.request({ method: 'POST', url: `${base}/seats/chief_human_capital_officer/holders`, as: employer, payload: { personId: priya } })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${base}/seats/chief_human_capital_officer/holders/${priya}`, as: coordinator })).statusCode).toBe(204);
    const after = (await t.request({ method: 'GET', url: base, as: coordinator })).json();
    expect(after.items.find((i: { seat: string }) => i.seat === 'chief_human_capital_officer').filled).toBe(false);
    expect((await t.request({ method: 'POST', url: `${base}/seats/no_such_seat/holders`, as: coordinator, payload: { personId: priya } })).statusCode).toBe(400);
  });

  it('says whether every initiative has a decision maker (an accountable person)', async () => {
    const res = await t.request({ method: 'GET', url: `${base}/initiatives`, as: coordinator });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.withoutDecisionMaker).toBe(body.items.filter((i: { hasDecisionMaker: boolean }) => !i.hasDecisionMaker).length);
    const init = body.items[0];
    const people = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/people?q=Grace', as: coordinator })).json().items;
    const existing = init.decisionMakers.length;
    const added = await t.request({ method: 'POST', url: `/api/v1/coalitions/la-tech/initiatives/${init.initiativeId}/stakeholders`, as: coordinator, payload: { personId: people[0].id, raci: 'accountable' } });
    if (added.statusCode === 409) return; // already on the team
    expect(added.statusCode).toBe(201);
    const again = (await t.request({ method: 'GET', url: `${base}/initiatives`, as: coordinator })).json().items.find((i: { initiativeId: string }) => i.initiativeId === init.initiativeId);
    expect(again.decisionMakers.length).toBe(existing + 1);
    expect(again.hasDecisionMaker).toBe(true);
  });

  it('is for staff: students get 403, outsiders 404', async () => {
    expect((await t.request({ method: 'GET', url: base, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: base, as: outsider })).statusCode).toBe(404);
    const own = await t.request({ method: 'GET', url: '/api/v1/coalitions/bay-coverage/coverage', as: outsider });
    expect(own.json().filledCount).toBe(0);
  });
});
