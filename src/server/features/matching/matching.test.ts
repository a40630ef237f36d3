import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let educator: Session;
let student: Session;
let outsider: Session;
const url = '/api/v1/coalitions/la-tech';
const studentIds: Record<string, string> = {};
const opportunityIds: Record<string, string> = {};

const get = (path: string, as: Session) => t.request({ method: 'GET', url: path, as });
const candidates = async (key: string, as: Session, query = '') => (await get(`${url}/opportunities/${opportunityIds[key]}/candidates${query}`, as)).json();
const ranked = (items: { name: string; score: number }[]) => items.map((c) => [c.name, c.score]);

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  for (const s of (await get(`${url}/students?limit=200`, coordinator)).json().items) studentIds[s.firstName] = s.id;
  for (const o of (await get(`${url}/opportunities?limit=200`, coordinator)).json().items) opportunityIds[o.externalId.replace('demo-opportunity-', '')] = o.id;
});
afterAll(() => t?.close());

describe("a student's matches", () => {
  it('ranks open, eligible opportunities by weighted skill overlap, pathway and schedule, with reasons', async () => {
    const res = await get(`${url}/students/${studentIds.Luis}/matches`, student);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    // Cloud apprenticeship: Cloud Computing 5 + AWS 4 + Linux 3 of 14, all evidenced by his AWS internship
    // (70 × 12/14 = 60), same pathway (+20), 30 h a week needed but 25 available (+0).
    // The two internships: Python (declared, 0.8 × 5) of 15 → 18.7, schedule fits (+10).
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ title: 'Cloud support apprenticeship', score: 80 });
    expect(items.slice(1).map((m: { title: string; score: number }) => [m.title, m.score]).sort()).toEqual([
      ['Tech Talent Challenge: data science intern', 28.7],
      ['Tech Talent Challenge: software engineering intern', 28.7],
    ]);
    const top = items[0];
    expect(top.reasons).toEqual([
      {
        kind: 'skills',
        message: 'Has 3 of the 4 skills asked for: Cloud Computing, Amazon Web Services AWS software, Linux',
        skills: ['Cloud Computing', 'Amazon Web Services AWS software', 'Linux'],
        code: 'skills_matched',
        params: { matched: 3, required: 4, skills: ['Cloud Computing', 'Amazon Web Services AWS software', 'Linux'] },
      },
      expect.objectContaining({ kind: 'evidence', skills: expect.arrayContaining(['Cloud Computing', 'Linux']), code: 'skills_evidenced', params: { skills: expect.arrayContaining(['Cloud Computing', 'Linux']) } }),
      { kind: 'pathway', message: 'Same pathway: Cloud Computing', code: 'same_pathway', params: { pathway: 'Cloud Computing' } },
      { kind: 'schedule', message: 'Available 25 h a week; 30 needed', code: 'hours_short', params: { studentHours: 25, neededHours: 30 } },
      { kind: 'eligibility', message: 'Eligible: open to college, university students, aged 18+ at the start', code: 'eligible', params: { audiences: ['college', 'university'], minimumAge: 18 } },
    ]);
    expect(top.missingSkills).toEqual(['Cybersecurity']);
    // Not the faculty externship, nor the high-school workshop, nor the closed AWS internship.
    expect(items.map((m: { kind: string }) => m.kind)).not.toContain('faculty_externship');
  });

  it('is for the student, their school and the Coordinator, logged when others look; not for employers', async () => {
    expect((await get(`${url}/students/${studentIds.Kevin}/matches`, educator)).statusCode).toBe(200);
    expect((await get(`${url}/students/${studentIds.Kevin}/matches`, employer)).statusCode).toBe(403);
    expect((await get(`${url}/students/${studentIds.Luis}/matches`, employer)).statusCode).toBe(404);
    expect((await get(`${url}/students/${studentIds.Luis}/matches`, coordinator)).statusCode).toBe(200);
    const log = (await get(`${url}/students/${studentIds.Luis}/access-log`, student)).json().items;
    expect(log[0]).toMatchObject({ actorName: 'Maya Chen', route: 'GET /students/:id/matches', reason: 'matches' });
    expect((await get(`/api/v1/coalitions/bay-tech/students/${studentIds.Luis}/matches`, outsider)).statusCode).toBe(404);
  });
});

describe("a student's matches after the skills asked change", () => {
  it('rescores from the new total importance (kept on the skill rows by the database)', async () => {
    const id = opportunityIds['aws-apprentice'];
    const patch = (skills: { name: string; importance: number }[]) => t.request({ method: 'PATCH', url: `${url}/opportunities/${id}`, as: coordinator, payload: { skills } });
    const scoreOf = async () => (await get(`${url}/students/${studentIds.Luis}/matches`, student)).json().items.find((m: { opportunityId: string }) => m.opportunityId === id)?.score;
    const asked = [
      { name: 'Cloud Computing', importance: 5 },
      { name: 'Amazon Web Services AWS software', importance: 4 },
      { name: 'Linux', importance: 3 },
    ];
    // Without Cybersecurity (2) the total is 12 and he has all of it: 70 + 20 (pathway) + 0 (hours short).
    expect((await patch(asked)).statusCode).toBe(200);
    expect(await scoreOf()).toBe(90);
    // Cybersecurity back at importance 5: 70 × 12/17 = 49.4, + 20.
    expect((await patch([...asked, { name: 'Cybersecurity', importance: 5 }])).statusCode).toBe(200);
    expect(await scoreOf()).toBe(69.4);
    expect((await patch([...asked, { name: 'Cybersecurity', importance: 2 }])).statusCode).toBe(200);
    expect(await scoreOf()).toBe(80);
  });
});

describe("an opportunity's candidates", () => {
  it('ranks only the students the employer may see, degree-blind', async () => {
    const res = await candidates('snap-intern', employer);
    // Python 5, JavaScript 4, Git 3, React 3; declared skills count 0.8; same pathway +20; schedule +10 (+5 unknown).
    expect(ranked(res.items)).toEqual([
      ['Kevin Patel', 86],
      ['Jamal Carter', 74.8],
      ['Aaliyah Johnson', 67.3],
      ['Ana Flores', 59.9],
      ['Minh Tran', 28.7],
      ['Hannah Lee', 19.9],
    ]);
    expect(res.items.every((c: { credentials: unknown }) => c.credentials === null)).toBe(true);
    expect(JSON.stringify(res.items)).not.toMatch(/Pierce|Santa Monica|graduationYear|institution|firstGeneration|lowIncome/);
    expect(res.items[0]).toMatchObject({ applicationStatus: 'offered', missingSkills: [], reasons: expect.arrayContaining([{ kind: 'skills', message: 'Has 4 of the 4 skills asked for: Python, JavaScript, Git, React', skills: ['Python', 'JavaScript', 'Git', 'React'], code: 'skills_matched', params: { matched: 4, required: 4, skills: ['Python', 'JavaScript', 'Git', 'React'] } }]) });
    expect(res.items.find((c: { name: string }) => c.name === 'Jamal Carter').applicationStatus).toBeNull();
  });

  it('shows credentials only when asked, and audits and logs that', async () => {
    const res = await candidates('snap-intern', employer, '?showCredentials=true&limit=2');
    expect(res.items[0].credentials).toEqual({ institutionName: 'Pierce College', graduationYear: expect.any(Number) });
    const audit = (await get(`${url}/audit-log?entityId=${opportunityIds['snap-intern']}`, coordinator)).json().items;
    expect(audit[0]).toMatchObject({ action: 'show_credentials', actorName: 'Jordan Rivera', changes: { students: [studentIds.Kevin, studentIds.Jamal] } });
    const log = (await get(`${url}/students/${studentIds.Kevin}/access-log`, coordinator)).json().items;
    expect(log[0]).toMatchObject({ route: 'GET /opportunities/:id/candidates', reason: 'candidates with credentials', organizationName: 'Snap Inc.' });
  });

  it('pages through the ranking with a cursor', async () => {
    const first = await candidates('snap-intern', coordinator, '?limit=3');
    const second = await candidates('snap-intern', coordinator, `?limit=3&cursor=${first.nextCursor}`);
    const all = (await candidates('snap-intern', coordinator, '?limit=100')).items;
    expect([...first.items, ...second.items].map((c: { studentId: string }) => c.studentId)).toEqual(all.slice(0, 6).map((c: { studentId: string }) => c.studentId));
    const scores = all.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The Coordinator sees students who never shared with Snap (Luis, Carlos), not high-schoolers (the internship is for college).
    expect(all.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Luis Hernández', 'Carlos Mendoza']));
    expect(all.map((c: { name: string }) => c.name)).not.toContain('Ethan Kim');
  });

  it('gives a school its own students only', async () => {
    expect(ranked((await candidates('snap-intern', educator)).items).map(([name]) => name)).toEqual(['Kevin Patel', 'Ana Flores', 'Priya Shah', 'Hannah Lee']);
  });

  it('leaves a minor out of an employer’s candidates until a guardian consents', async () => {
    const snapId = (await get(`${url}/organizations?q=Snap`, coordinator)).json().items[0].id;
    const dayOf = (await t.request({ method: 'POST', url: `${url}/opportunities`, as: employer, payload: { employerId: snapId, kind: 'classroom_engagement', title: 'High-school lens design day', audiences: ['k12'], skills: ['Python', 'JavaScript'] } })).json();
    opportunityIds.dayOf = dayOf.id;
    expect((await candidates('dayOf', employer)).items).toEqual([]);
    await t.request({ method: 'POST', url: `${url}/students/${studentIds.Ethan}/guardian-consent`, as: coordinator, payload: { guardianName: 'Min-ji Kim', relationship: 'mother', method: 'signed form', givenOn: '2020-01-01' } });
    expect((await candidates('dayOf', employer)).items.map((c: { name: string }) => c.name)).toEqual(['Ethan Kim']);
    // The Coordinator sees every eligible high-schooler, consent or not.
    expect((await candidates('dayOf', coordinator)).items.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Ethan Kim', 'Isabella Cruz', 'Jasmine Brown']));
  });

  it('is not for students, nor for other employers’ drafts, nor across coalitions', async () => {
    expect((await get(`${url}/opportunities/${opportunityIds['snap-intern']}/candidates`, student)).statusCode).toBe(403);
    expect((await get(`/api/v1/coalitions/bay-tech/opportunities/${opportunityIds['snap-intern']}/candidates`, outsider)).statusCode).toBe(404);
    const bad = await get(`${url}/opportunities/${opportunityIds['snap-intern']}/candidates?limit=1000`, employer);
    expect(bad.statusCode).toBe(400);
  });
});

describe("an opportunity's candidates, with the opportunity kept per data version (decision 036)", () => {
  // Each change below is written straight to the database, as another server process would: this
  // process's kept copy must not outlive it.
  const sqlAs = (text: string, values: unknown[] = []) => t.database.pool.query(text, values);
  const missing = async (as: Session) => (await candidates('snap-intern', as)).items.find((c: { name: string }) => c.name === 'Minh Tran').missingSkills;

  it('answers from the opportunity as it now is, whoever changed it', async () => {
    const id = opportunityIds['snap-intern'];
    const before = await missing(employer);
    expect(before.length).toBeGreaterThan(0);
    // A skill asked for is renamed (reference data every coalition reads).
    const { rows: asked } = await sqlAs(`select s.id, s.name from opportunity_skills os join skills s on s.id = os.skill_id where os.opportunity_id = $1 and s.name = $2`, [id, before[0]]);
    await sqlAs(`update skills set name = name || ' (renamed)' where id = $1`, [asked[0].id]);
    expect(await missing(employer)).toContain(`${before[0]} (renamed)`);
    await sqlAs(`update skills set name = $2 where id = $1`, [asked[0].id, asked[0].name]);
    // A skill asked for is dropped.
    const { rows: dropped } = await sqlAs(`delete from opportunity_skills where opportunity_id = $1 and skill_id = $2 returning *`, [id, asked[0].id]);
    expect(await missing(employer)).not.toContain(before[0]);
    await sqlAs(`insert into opportunity_skills select * from json_populate_recordset(null::opportunity_skills, $1::json)`, [JSON.stringify(dropped)]);
    expect(await missing(employer)).toEqual(before);
  });

  it('stops answering other organizations once the opportunity becomes a draft', async () => {
    const id = opportunityIds['snap-intern'];
    expect((await get(`${url}/opportunities/${id}/candidates`, educator)).statusCode).toBe(200);
    await sqlAs(`update opportunities set status = 'draft' where id = $1`, [id]);
    try {
      expect((await get(`${url}/opportunities/${id}/candidates`, educator)).statusCode).toBe(404);
      expect((await get(`${url}/opportunities/${id}/candidates`, employer)).statusCode).toBe(200);
    } finally {
      await sqlAs(`update opportunities set status = 'open' where id = $1`, [id]);
    }
    expect((await get(`${url}/opportunities/${id}/candidates`, educator)).statusCode).toBe(200);
  });
});
