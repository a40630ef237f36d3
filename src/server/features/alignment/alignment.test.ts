import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

/**
 * The "done when", end to end through the API: an employer posts a need with skills; the
 * gap view changes at once; a faculty member proposes a curriculum change that teaches one of those
 * skills; an employer comments; the faculty adopts it; the course now teaches the skill and the gap
 * closes by its weight. Students cannot post; another coalition sees none of it.
 */
let t: TestApp;
let employer: Session;
let educator: Session;
let student: Session;
let outsider: Session;
const la = '/api/v1/coalitions/la-tech';

async function get(as: Session, url: string) {
  const res = await t.request({ method: 'GET', url: `${la}${url}`, as });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}
async function send(as: Session, method: 'POST' | 'PATCH', url: string, payload: unknown, status: number) {
  const res = await t.request({ method, url: `${la}${url}`, as, payload: payload as object });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}
const gapOf = async (as: Session, skill: string) => ((await get(as, '/alignment/skills')).items as { skillId: string; skill: string; demand: number; supply: number; gap: number }[]).find((i) => i.skill === skill);

beforeAll(async () => {
  t = await createTestApp();
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  expect((await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } })).statusCode).toBe(201);
});
afterAll(() => t?.close());

describe('the seeded LA data', () => {
  it('weighs skill demand by positions and supply by enrollment', async () => {
    const cloud = await gapOf(employer, 'Cloud Computing');
    // AWS: 20 cloud support associates + 6 solutions architects; SMC's Computer Engineering: 35 a year.
    expect(cloud).toMatchObject({ demand: 26, supply: 35, gap: -9, needs: 2, positions: 26, courses: 1, institutions: 1 });
    const speaking = await gapOf(employer, 'Speaking');
    expect(speaking).toMatchObject({ supply: 0, courses: 0 });
    const list = (await get(student, '/alignment/skills?demanded=true')).items as { gap: number; demand: number }[];
    expect(list.every((i) => i.demand > 0)).toBe(true);
    expect(list.map((i) => i.gap)).toEqual([...list.map((i) => i.gap)].sort((a, b) => b - a));
    expect((await get(student, '/alignment/skills?kind=soft&sort=demand')).items.every((i: { kind: string }) => i.kind === 'soft')).toBe(true);
  });

  it('sets each occupation’s openings and declared needs against the completions of the programs leading to it', async () => {
    const { items } = await get(student, '/alignment/occupations?sort=soc');
    const dev = items.find((o: { soc: string }) => o.soc === '15-1252');
    // Openings of SOC 2010 15-1132 and 15-1133, each shared with 15-1253: (550 + 310) / 2.
    expect(dev).toMatchObject({ title: 'Software Developers', projectedOpenings: 430, declaredPositions: 17, demand: 430, percentChange: 19.5, needs: 2 });
    // Completions: both boot camps (51 + 36) and the AWS certificate (35); the K-12 pathway feeds the pipeline.
    expect(dev).toMatchObject({ supply: 122, pipeline: 128, gap: 308, programs: 4 });
    expect(dev.flags.map((f: { code: string }) => f.code)).toEqual(['split_projection']);
    const detail = await get(student, '/alignment/occupations/15-1252');
    expect(detail.projections.map((p: { soc: string; share: number }) => [p.soc, p.share])).toEqual([['15-1132', 0.5], ['15-1133', 0.5]]);
    expect(detail.demandFrom.map((n: { employerName: string }) => n.employerName).sort()).toEqual(['NASA Jet Propulsion Laboratory', 'Snap Inc.']);
    expect(detail.supplyFrom).toHaveLength(4);
    // Declared positions are part of the region's openings: demand is the larger, never the sum.
    const admins = items.find((o: { soc: string }) => o.soc === '15-1244');
    expect(admins).toMatchObject({ declaredPositions: 20, projectedOpenings: 251, demand: 251, flags: [] });
  });

  it('shows an institution its programs by growth, and the demanded skills none of its courses teach', async () => {
    const pierce = (await get(student, '/organizations?q=Pierce')).items[0];
    const detail = await get(student, `/alignment/institutions/${pierce.id}`);
    expect(detail).toMatchObject({ name: 'Pierce College', programs: 2, courses: 4 });
    expect(detail.programsByGrowth[0].occupations[0].percentChange).toBe(detail.programsByGrowth[0].bestGrowth);
    const missing = detail.missingSkills.map((s: { skill: string }) => s.skill);
    expect(missing).toEqual(expect.arrayContaining(['Cloud Computing', 'Speaking']));
    expect(missing).not.toContain('JavaScript');
    const list = (await get(student, '/alignment/institutions')).items;
    expect(list.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['Pierce College', 'Santa Monica College', 'Los Angeles Unified School District (LAUSD)', 'UCLA']));
    expect(list.find((i: { name: string }) => i.name === 'UCLA')).toMatchObject({ programs: 0, demandCovered: 0 });
  });

  it('gives the heat map: skills × institutions, each cell the supply behind it', async () => {
    const map = await get(student, '/alignment/heatmap?limit=5');
    expect(map.skills).toHaveLength(5);
    expect(map.skills.map((s: { demand: number }) => s.demand)).toEqual([...map.skills.map((s: { demand: number }) => s.demand)].sort((a: number, b: number) => b - a));
    expect(map.institutions.map((i: { name: string }) => i.name).sort()).toEqual(['Los Angeles Unified School District (LAUSD)', 'Pierce College', 'Santa Monica College']);
    const cloud = (await gapOf(student, 'Cloud Computing'))!;
    const row = (await get(student, '/alignment/heatmap?limit=200')).cells.filter((c: { skillId: string }) => c.skillId === cloud.skillId);
    expect(row.reduce((sum: number, c: { supply: number }) => sum + c.supply, 0)).toBe(cloud.supply);
  });

  it('exports the gap as CSV, negative gaps as numbers', async () => {
    const res = await t.request({ method: 'GET', url: `${la}/alignment/skills.csv`, as: student });
    expect(res.headers['content-disposition']).toBe('attachment; filename="skills-gap.csv"');
    expect(res.body.split('\r\n')[0]).toBe('skill_id,skill,kind,demand,supply,gap,needs,positions,courses,institutions');
    expect(res.body).toContain('skill:cloud-computing,Cloud Computing,hard,26,35,-9,2,26,1,1');
    const occupations = await t.request({ method: 'GET', url: `${la}/alignment/occupations.csv`, as: student });
    expect(occupations.body).toContain('15-1252,Software Developers,430,17,430,122,128,308,19.5,2,4');
  });
});

describe('from a hiring need to a changed course', () => {
  it('closes the gap by the course’s weight', async () => {
    const snap = (await get(employer, '/organizations?q=Snap')).items[0];
    const skill = 'Kubernetes';
    expect(await gapOf(employer, skill)).toBeUndefined();

    // 1. An employer posts a need: the gap view changes at once.
    const need = await send(employer, 'POST', '/hiring-needs', { employerId: snap.id, soc: '15-1252', title: 'Platform Engineer', positions: 7, skills: [skill, 'Python'], degreeRequired: false }, 201);
    expect(need.skills).toEqual([skill, 'Python']);
    const before = await gapOf(employer, skill);
    expect(before).toMatchObject({ demand: 7, supply: 0, gap: 7 });

    // 2. A faculty member proposes a change to one of their courses that teaches the skill.
    const course = (await get(educator, '/courses?q=Full-Stack')).items[0];
    expect(course.institutionName).toBe('Pierce College');
    expect(course.skills).not.toContain(skill);
    const proposal = await send(educator, 'POST', '/curriculum-proposals', { title: 'Containers and orchestration', summary: 'Deploy the capstone on a cluster', skillsAdded: [skill], targetTerm: 'Spring 2027', courseId: course.id }, 201);
    expect(proposal).toMatchObject({ status: 'open', skillsAdded: [skill], following: true, institutionName: 'Pierce College' });

    // The employer whose need asks for the skill hears of it.
    const heard = await get(employer, '/notifications?unread=true');
    expect(heard.items.some((n: { kind: string; payload: { proposalId: string } }) => n.kind === 'curriculum.matches_need' && n.payload.proposalId === proposal.id)).toBe(true);

    // 3. The employer comments; the faculty owner is notified.
    const comment = await send(employer, 'POST', `/curriculum-proposals/${proposal.id}/comments`, { body: 'Exactly what we need.', relevance: 5, proposedSkills: ['Docker'] }, 201);
    expect(comment).toMatchObject({ relevance: 5, proposedSkills: ['Docker'], official: false });
    const inbox = await get(educator, '/notifications?unread=true');
    expect(inbox.items.some((n: { kind: string; payload: { commentId: string } }) => n.kind === 'curriculum.comment' && n.payload.commentId === comment.id)).toBe(true);

    // 4. The faculty moves it through review and adopts it, with an official answer.
    expect((await send(educator, 'PATCH', `/curriculum-proposals/${proposal.id}`, { status: 'under_review' }, 200)).status).toBe('under_review');
    const adopted = await send(educator, 'PATCH', `/curriculum-proposals/${proposal.id}`, { status: 'adopted', statusNote: 'Adopted for Spring 2027.' }, 200);
    expect(adopted.status).toBe('adopted');
    expect(adopted.statusHistory.map((h: { to: string }) => h.to)).toEqual(['under_review', 'adopted']);
    expect(adopted.adoptedVersion).toBe(course.skillsVersion + 1);

    // 5. The course now teaches the skill; the gap closed by the course's weight (its enrollment).
    const changed = await get(educator, `/courses/${course.id}`);
    expect(changed.skills).toContain(skill);
    const after = await gapOf(employer, skill);
    expect(after!.supply).toBe(course.annualEnrollment);
    expect(after!.gap).toBe(before!.gap - course.annualEnrollment);

    // The chain both ways: course → version → proposal and demand; skill → course → proposal.
    const versions = (await get(educator, `/courses/${course.id}/versions`)).items;
    expect(versions[0]).toMatchObject({ version: adopted.adoptedVersion, added: [skill], proposal: { id: proposal.id, comments: 2, averageRelevance: 5 } });
    expect(versions[0].evidence).toEqual([{ skillId: expect.any(String), skill, demand: 7, supply: 0, gap: 7, needIds: [need.id] }]);
    const detail = await get(employer, `/alignment/skills/${encodeURIComponent(after!.skillId)}`);
    expect(detail.demandFrom.map((d: { needId: string }) => d.needId)).toEqual([need.id]);
    expect(detail.supplyFrom).toEqual([expect.objectContaining({ courseId: course.id, weight: course.annualEnrollment, since: expect.objectContaining({ proposalId: proposal.id, version: adopted.adoptedVersion }) })]);
  });
});

describe('who may post, and who sees', () => {
  it('forbids students to post needs or proposals, and writes nothing', async () => {
    const snap = (await get(student, '/organizations?q=Snap')).items[0];
    const course = (await get(student, '/courses?q=Full-Stack')).items[0];
    const before = { needs: (await get(employer, '/hiring-needs?limit=200')).items.length, proposals: (await get(employer, '/curriculum-proposals?limit=200')).items.length };
    const need = await t.request({ method: 'POST', url: `${la}/hiring-needs`, as: student, payload: { employerId: snap.id, soc: '15-1252', title: 'Student need', positions: 1, skills: ['Rust'], degreeRequired: false } });
    expect(need.statusCode).toBe(403);
    const proposal = await t.request({ method: 'POST', url: `${la}/curriculum-proposals`, as: student, payload: { title: 'Student proposal', summary: 'Nope', skillsAdded: ['Rust'], targetTerm: 'Fall 2027', courseId: course.id } });
    expect(proposal.statusCode).toBe(403);
    expect((await get(employer, '/hiring-needs?limit=200')).items.length).toBe(before.needs);
    expect((await get(employer, '/curriculum-proposals?limit=200')).items.length).toBe(before.proposals);
    expect(await gapOf(employer, 'Rust')).toBeUndefined();
    // They still read the needs, the forum and the gap.
    expect((await get(student, '/hiring-needs')).items.length).toBeGreaterThan(0);
    expect((await get(student, '/curriculum-proposals')).items.length).toBeGreaterThan(0);
    expect((await get(student, '/alignment/skills')).items.length).toBeGreaterThan(0);
  });

  it('shows another coalition none of it', async () => {
    const mine = await get(employer, '/hiring-needs');
    const proposals = await get(employer, '/curriculum-proposals');
    for (const url of ['/hiring-needs', '/programs', '/curriculum-proposals', '/alignment/skills', '/alignment/heatmap']) {
      expect((await t.request({ method: 'GET', url: `${la}${url}`, as: outsider })).statusCode).toBe(404);
    }
    const bay = '/api/v1/coalitions/bay-tech';
    expect((await t.request({ method: 'GET', url: `${bay}/hiring-needs/${mine.items[0].id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${bay}/curriculum-proposals/${proposals.items[0].id}`, as: outsider })).statusCode).toBe(404);
    const ownGap = (await t.request({ method: 'GET', url: `${bay}/alignment/skills`, as: outsider })).json();
    expect(ownGap.items).toEqual([]);
    const skills = (await t.request({ method: 'GET', url: `${bay}/skills?q=Kubernetes`, as: outsider })).json();
    expect(skills.items).toEqual([]);
  });

  it('lets another coalition neither read nor write any of it, under our slug or its own', async () => {
    const need = (await get(employer, '/hiring-needs')).items[0];
    const program = (await get(employer, '/programs')).items.find((p: { courses: unknown[] }) => p.courses.length > 0);
    const course = program.courses[0];
    const proposal = (await get(employer, '/curriculum-proposals?q=cloud')).items[0];
    const comments = (await get(employer, `/curriculum-proposals/${proposal.id}/comments`)).items.length;
    const pierce = (await get(employer, '/organizations?q=Pierce')).items[0];
    const snap = (await get(employer, '/organizations?q=Snap')).items[0];
    const needs = (await get(employer, '/hiring-needs?limit=200')).items.length;
    const status = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      (await t.request({ method, url, as: outsider, ...(payload ? { payload } : {}) })).statusCode;

    // Under la-tech's slug: every read and write is a 404, as if it did not exist.
    for (const url of [
      `/hiring-needs/${need.id}`,
      `/hiring-needs/profiles/${snap.id}`,
      '/hiring-needs.csv',
      `/programs/${program.id}`,
      '/programs.csv',
      `/courses/${course.id}`,
      `/courses/${course.id}/versions`,
      `/curriculum-proposals/${proposal.id}`,
      `/curriculum-proposals/${proposal.id}/comments`,
      '/alignment/skills.csv',
      '/alignment/skills/skill%3Acloud-computing',
      '/alignment/occupations',
      '/alignment/occupations/15-1252',
      '/alignment/institutions',
      `/alignment/institutions/${pierce.id}`,
      '/points-of-contact',
    ]) {
      expect(await status('GET', `${la}${url}`), url).toBe(404);
    }
    expect(await status('POST', `${la}/hiring-needs`, { employerId: snap.id, soc: '15-1252', title: 'Outsider need', positions: 3, skills: ['Rust'], degreeRequired: false })).toBe(404);
    expect(await status('PATCH', `${la}/hiring-needs/${need.id}`, { positions: 999 })).toBe(404);
    expect(await status('POST', `${la}/curriculum-proposals`, { title: 'Outsider', summary: 'X', skillsAdded: [], targetTerm: 'Fall 2027' })).toBe(404);
    expect(await status('POST', `${la}/curriculum-proposals/${proposal.id}/comments`, { body: 'From outside' })).toBe(404);
    expect(await status('POST', `${la}/curriculum-proposals/${proposal.id}/follow`)).toBe(404);
    expect(await status('PATCH', `${la}/curriculum-proposals/${proposal.id}`, { status: 'declined' })).toBe(404);

    // Under its own slug, our records' ids lead nowhere.
    const bay = '/api/v1/coalitions/bay-tech';
    for (const url of [`/programs/${program.id}`, `/courses/${course.id}`, `/curriculum-proposals/${proposal.id}/comments`, `/hiring-needs/profiles/${snap.id}`, `/alignment/institutions/${pierce.id}`]) {
      expect(await status('GET', `${bay}${url}`), url).toBe(404);
    }
    expect(await status('POST', `${bay}/curriculum-proposals/${proposal.id}/comments`, { body: 'From outside' })).toBe(404);
    expect(await status('PATCH', `${bay}/hiring-needs/${need.id}`, { positions: 999 })).toBe(404);
    expect(await status('PATCH', `${bay}/curriculum-proposals/${proposal.id}`, { status: 'declined' })).toBe(404);
    expect(await status('DELETE', `${bay}/hiring-needs/${need.id}`)).toBe(404);

    // Its own lists hold none of ours.
    for (const url of ['/hiring-needs', '/programs', '/curriculum-proposals', '/points-of-contact', '/alignment/institutions']) {
      const res = await t.request({ method: 'GET', url: `${bay}${url}`, as: outsider });
      expect(res.statusCode, url).toBe(200);
      expect(res.json().items, url).toEqual([]);
    }
    expect((await t.request({ method: 'GET', url: `${bay}/alignment/heatmap`, as: outsider })).json()).toMatchObject({ skills: [], institutions: [], cells: [] });
    const csv = (await t.request({ method: 'GET', url: `${bay}/hiring-needs.csv`, as: outsider })).body.trim().split('\r\n');
    expect(csv).toHaveLength(1);

    // Nothing of ours changed.
    expect((await get(employer, '/hiring-needs?limit=200')).items.length).toBe(needs);
    expect((await get(employer, `/hiring-needs/${need.id}`)).positions).toBe(need.positions);
    expect((await get(employer, `/curriculum-proposals/${proposal.id}`)).status).toBe(proposal.status);
    expect((await get(employer, `/curriculum-proposals/${proposal.id}/comments`)).items).toHaveLength(comments);
  });
});
