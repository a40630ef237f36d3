import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { bordaRanking } from './ranking.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let educator: Session;
let student: Session;
let outsider: Session;
const LA = '/api/v1/coalitions/la-tech';
const sessions = `${LA}/strategy-sessions`;

const get = async (url: string, as = coordinator) => (await t.request({ method: 'GET', url, as })).json();
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, as: Session, payload?: object) => t.request({ method, url, as, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
});
afterAll(() => t?.close());

describe('Borda ranking', () => {
  it('gives n − r + 1 points, breaks ties by first choices, then average rank, then title', () => {
    const proposals = [
      { id: 'a', title: 'Alpha' },
      { id: 'b', title: 'Beta' },
      { id: 'c', title: 'Gamma' },
    ];
    const ranked = bordaRanking(proposals, [
      { personId: 'p1', initiativeId: 'a', rank: 1 },
      { personId: 'p1', initiativeId: 'b', rank: 2 },
      { personId: 'p2', initiativeId: 'b', rank: 1 },
      { personId: 'p2', initiativeId: 'a', rank: 2 },
    ]);
    // a and b both have 5 points and one first choice each, and average rank 1.5: the title decides.
    expect(ranked.map((r) => [r.initiativeId, r.rank, r.points])).toEqual([
      ['a', 1, 5],
      ['b', 2, 5],
      ['c', 3, 0],
    ]);
    expect(ranked[2]).toMatchObject({ ballots: 0, averageRank: null, firstChoices: 0 });
  });
});

describe('strategy sessions', () => {
  it('seeds an adopted session whose ranking is the initiatives’ priority ranks', async () => {
    const [session] = (await get(sessions)).items;
    expect(session).toMatchObject({ status: 'adopted', proposals: 7, ballots: 7, priorities: 5 });
    const results = await get(`${sessions}/${session.id}/results`);
    expect(results.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(results.items.every((i: { rank: number; adoptedRank: number }) => i.adoptedRank === i.rank)).toBe(true);
    expect(results.items[0]).toMatchObject({ title: 'Internship pipeline', owner: { name: 'Maya Chen' } });
    expect(results.priorities).toContainEqual({ kind: 'candidate_profile', count: 2 });
    const snap = (await get(`${sessions}/${session.id}/priorities?q=designer`)).items[0];
    expect(snap).toMatchObject({ organization: { name: 'Snap Inc.' }, author: { name: 'Jordan Rivera' } });
    expect(snap.skills.map((s: { name: string }) => s.name)).toEqual(['Critical Thinking', 'Speaking', 'JavaScript', 'UX/UI Design']);
    const closed = await send('PUT', `${sessions}/${session.id}/ballot`, employer, { initiativeIds: [results.items[0].initiativeId] });
    expect(closed.statusCode).toBe(409);
  });

  it('hears priorities, ranks proposals by ballot and adopts the ranking', async () => {
    const created = await send('POST', sessions, coordinator, { title: 'Spring strategy session', heldOn: '2031-02-03' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const propose = async (title: string) => (await send('POST', `${LA}/initiatives`, coordinator, { title, category: 'internships', strategySessionId: id })).json().id as string;
    const a = await propose('Apprenticeship pilot');
    const b = await propose('Bootcamp scholarships');

    const priority = await send('POST', `${sessions}/${id}/priorities`, employer, { kind: 'candidate_profile', title: 'Junior web developer', skills: ['javascript', 'Critical Thinking'] });
    expect(priority.statusCode).toBe(201);
    expect(priority.json()).toMatchObject({ organization: { name: 'Snap Inc.' }, skills: [{ name: 'JavaScript' }, { name: 'Critical Thinking' }] });
    const pierce = (await get(`${LA}/organizations?q=Pierce`)).items[0].id;
    expect((await send('POST', `${sessions}/${id}/priorities`, employer, { kind: 'other', title: 'For someone else', organizationId: pierce })).statusCode).toBe(403);
    const badSkill = await send('POST', `${sessions}/${id}/priorities`, educator, { kind: 'preparation_need', title: 'Needs', skills: ['Writing', 'Telepathy'] });
    expect(badSkill.statusCode).toBe(422);
    expect(badSkill.json().errors[0].path).toBe('skills.1');
    expect((await send('PATCH', `${sessions}/${id}/priorities/${priority.json().id}`, educator, { title: 'Not mine' })).statusCode).toBe(403);
    expect((await send('PATCH', `${sessions}/${id}/priorities/${priority.json().id}`, employer, { details: 'React preferred' })).statusCode).toBe(200);

    // Two proposals (n = 2): first place earns 2 points, second 1.
    expect((await send('PUT', `${sessions}/${id}/ballot`, employer, { initiativeIds: [a, b] })).statusCode).toBe(200);
    expect((await send('PUT', `${sessions}/${id}/ballot`, educator, { initiativeIds: [b, a] })).statusCode).toBe(200);
    expect((await send('PUT', `${sessions}/${id}/ballot`, coordinator, { initiativeIds: [a] })).statusCode).toBe(200);
    // A changed mind replaces the earlier ballot.
    expect((await send('PUT', `${sessions}/${id}/ballot`, coordinator, { initiativeIds: [b] })).json()).toMatchObject({ initiativeIds: [b] });
    expect((await send('PUT', `${sessions}/${id}/ballot`, student, { initiativeIds: [a] })).statusCode).toBe(403);
    const stray = (await get(`${LA}/initiatives?q=Internship pipeline`)).items[0].id;
    const wrong = await send('PUT', `${sessions}/${id}/ballot`, employer, { initiativeIds: [a, stray] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('initiativeIds.1');
    expect((await get(`${sessions}/${id}/ballot`, employer)).initiativeIds).toEqual([a, b]);

    const results = await get(`${sessions}/${id}/results`);
    expect(results.ballots).toBe(3);
    expect(results.items.map((i: { initiativeId: string; points: number; firstChoices: number }) => [i.initiativeId, i.points, i.firstChoices])).toEqual([
      [b, 5, 2],
      [a, 3, 1],
    ]);

    expect((await send('POST', `${sessions}/${id}/adopt`, employer)).statusCode).toBe(403);
    const adopted = await send('POST', `${sessions}/${id}/adopt`, coordinator);
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toMatchObject({ status: 'adopted' });
    expect(await get(`${LA}/initiatives/${b}`)).toMatchObject({ priorityRank: 1, status: 'planned' });
    expect(await get(`${LA}/initiatives/${a}`)).toMatchObject({ priorityRank: 2, status: 'planned' });
    expect((await send('POST', `${sessions}/${id}/adopt`, coordinator)).statusCode).toBe(409);
    expect((await send('DELETE', `${sessions}/${id}`, coordinator)).statusCode).toBe(409);
    const audit = await get(`${LA}/audit-log?entityId=${id}`);
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('adopt');
  });

  it('rejects bad input with a 422 naming the field, and hides sessions from students and other coalitions', async () => {
    const bad = await send('POST', sessions, coordinator, { title: 'x', heldOn: 'someday' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('heldOn');
    const [session] = (await get(sessions)).items;
    expect((await t.request({ method: 'GET', url: sessions, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/strategy-sessions/${session.id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/strategy-sessions/${session.id}/results`, as: outsider })).statusCode).toBe(404);
  });
});
