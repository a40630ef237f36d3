import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let educator: Session;
let student: Session;
let government: Session;
const la = '/api/v1/coalitions/la-tech';
const base = `${la}/curriculum-proposals`;
const courses: Record<string, { id: string; skillsVersion: number }> = {};

async function call(as: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return t.request({ method, url, as, ...(payload === undefined ? {} : { payload: payload as object }) });
}
async function propose(as: Session, overrides: Record<string, unknown> = {}) {
  const res = await call(as, 'POST', base, { title: 'Add SQL to Introduction to Programming', summary: 'Two weeks of SQL', skillsAdded: ['Structured query language SQL'], targetTerm: 'Fall 2027', courseId: courses.intro!.id, ...overrides });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const unread = async (as: Session) => (await call(as, 'GET', `${la}/notifications?unread=true`)).json() as { items: { id: string; kind: string; payload: Record<string, unknown> }[]; unreadCount: number };

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  government = await t.signIn(demo.government);
  for (const [key, q] of [['intro', 'Introduction to Programming'], ['security', 'Security']] as const) {
    courses[key] = (await call(coordinator, 'GET', `${la}/courses?q=${encodeURIComponent(q)}`)).json().items[0];
  }
});
afterAll(() => t?.close());

describe('the curriculum feedback forum', () => {
  it('seeds an open proposal with industry feedback, and its owner was notified', async () => {
    const [proposal] = (await call(student, 'GET', `${base}?q=cloud`)).json().items;
    expect(proposal).toMatchObject({
      status: 'open',
      institutionName: 'Pierce College',
      course: { title: 'Full-Stack JavaScript', programTitle: 'Coding Boot Camp' },
      author: { name: 'Alicia Gómez' },
      skillsAdded: ['Cloud Computing', 'Amazon Web Services AWS software'],
      hiringNeeds: [{ title: 'Cloud Support Associate', employerName: 'Amazon Web Services' }],
      comments: 1,
      averageRelevance: 5,
      followers: 2,
    });
    const comments = (await call(student, 'GET', `${base}/${proposal.id}/comments`)).json().items;
    expect(comments).toEqual([expect.objectContaining({ author: { personId: expect.any(String), name: 'Jordan Rivera', organizationName: 'Snap Inc.' }, relevance: 5, proposedSkills: ['Docker'] })]);
    expect((await unread(educator)).items.some((n) => n.kind === 'curriculum.comment' && n.payload.proposalId === proposal.id)).toBe(true);
  });

  it('lets faculty and the Coordinator post; not employers, the Council or students', async () => {
    for (const who of [employer, government, student]) expect((await call(who, 'POST', base, { title: 'X', summary: 'X', skillsAdded: [], targetTerm: 'Fall 2027' })).statusCode).toBe(403);
    // Without a course, the author's own institution.
    const own = (await call(educator, 'POST', base, { title: 'Portfolio reviews', summary: 'Industry portfolio reviews', skillsAdded: [], targetTerm: 'Spring 2027' })).json();
    expect(own).toMatchObject({ institutionName: 'Pierce College', courseId: null, following: true });
    // Faculty cannot propose changes to another institution's course.
    expect((await call(educator, 'POST', base, { title: 'X', summary: 'X', skillsAdded: [], targetTerm: 'Fall 2027', courseId: courses.security!.id })).statusCode).toBe(403);
    // The Coordinator (at an intermediary) names the course or institution.
    const noInstitution = await call(coordinator, 'POST', base, { title: 'X', summary: 'X', skillsAdded: [], targetTerm: 'Fall 2027' });
    expect(noInstitution.statusCode).toBe(422);
    expect(noInstitution.json().errors[0].path).toBe('institutionId');
  });

  it('reaches the institution’s curriculum contact and the employers asking for the skill', async () => {
    const before = (await unread(educator)).unreadCount;
    const proposal = await propose(coordinator, { skillsAdded: ['Python', 'Docker'] });
    const inbox = await unread(educator);
    expect(inbox.unreadCount).toBe(before + 1);
    expect(inbox.items[0]).toMatchObject({ kind: 'curriculum.proposal_created', payload: { proposalId: proposal.id } });
    // Snap's need for a software engineer asks for Python.
    const snap = (await unread(employer)).items.find((n) => n.kind === 'curriculum.matches_need' && n.payload.proposalId === proposal.id);
    expect(snap?.payload.skillIds).toEqual(['tech:python']);
  });

  it('rejects bad input naming the field', async () => {
    const res = await call(educator, 'POST', base, { title: '', summary: 'X', skillsAdded: ['Python', 'PYTHON'], targetTerm: 'Fall 2027' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['skillsAdded', 'title']);
    const both = await call(educator, 'POST', base, { title: 'X', summary: 'X', skillsAdded: ['Python'], skillsRemoved: ['python'], targetTerm: 'Fall 2027' });
    expect(both.statusCode).toBe(422);
    expect(both.json().errors[0].path).toBe('skillsRemoved.0');
    const comment = await call(employer, 'POST', `${base}/${(await propose(educator)).id}/comments`, { body: 'x', relevance: 9 });
    expect(comment.statusCode).toBe(422);
    expect(comment.json().errors[0].path).toBe('relevance');
  });

  it('takes feedback from staff, not students; only the owner answers officially', async () => {
    const proposal = await propose(educator);
    expect((await call(student, 'POST', `${base}/${proposal.id}/comments`, { body: 'Me too' })).statusCode).toBe(403);
    expect((await call(government, 'POST', `${base}/${proposal.id}/comments`, { body: 'Useful for the region', relevance: 4 })).statusCode).toBe(201);
    expect((await call(employer, 'POST', `${base}/${proposal.id}/comments`, { body: 'Official?', official: true })).statusCode).toBe(403);
    const answer = await call(educator, 'POST', `${base}/${proposal.id}/comments`, { body: 'Thanks, we will include joins.', official: true });
    expect(answer.json()).toMatchObject({ official: true, author: { name: 'Alicia Gómez' } });
    // The Council member now follows it, and heard the official answer.
    expect((await unread(government)).items.some((n) => n.kind === 'curriculum.comment' && n.payload.official === true && n.payload.proposalId === proposal.id)).toBe(true);
  });

  it('moves through open → under review → adopted | declined; closed is final', async () => {
    const proposal = await propose(educator);
    expect((await call(employer, 'PATCH', `${base}/${proposal.id}`, { status: 'under_review' })).statusCode).toBe(403);
    await call(employer, 'POST', `${base}/${proposal.id}/follow`);
    const declined = await call(educator, 'PATCH', `${base}/${proposal.id}`, { status: 'declined', statusNote: 'Covered by the database course instead.' });
    expect(declined.json()).toMatchObject({ status: 'declined', decidedAt: expect.any(String), statusHistory: [{ from: 'open', to: 'declined', note: 'Covered by the database course instead.', by: { name: 'Alicia Gómez' } }] });
    const heard = (await unread(employer)).items.find((n) => n.kind === 'curriculum.status_changed' && n.payload.proposalId === proposal.id);
    expect(heard?.payload).toMatchObject({ from: 'open', to: 'declined' });
    expect((await call(educator, 'PATCH', `${base}/${proposal.id}`, { status: 'open' })).statusCode).toBe(409);
    expect((await call(educator, 'PATCH', `${base}/${proposal.id}`, { summary: 'Changed' })).statusCode).toBe(409);
    expect((await call(employer, 'POST', `${base}/${proposal.id}/comments`, { body: 'Late' })).statusCode).toBe(409);
    const comments = (await call(educator, 'GET', `${base}/${proposal.id}/comments`)).json().items;
    expect(comments.at(-1)).toMatchObject({ official: true, body: 'Covered by the database course instead.' });
  });

  it('adopting versions the course’s skills and keeps the proposal behind it', async () => {
    const noCourse = (await call(educator, 'POST', base, { title: 'Floating change', summary: 'No course yet', skillsAdded: ['Tableau'], targetTerm: 'Fall 2027' })).json();
    const missing = await call(educator, 'PATCH', `${base}/${noCourse.id}`, { status: 'adopted' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].path).toBe('courseId');
    // Naming the course in the same request adopts it; open → adopted passes through review.
    const adopted = (await call(educator, 'PATCH', `${base}/${noCourse.id}`, { courseId: courses.intro!.id, status: 'adopted' })).json();
    expect(adopted.statusHistory.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).toEqual(['open→under_review', 'under_review→adopted']);
    const course = (await call(educator, 'GET', `${la}/courses/${courses.intro!.id}`)).json();
    expect(course.skills).toContain('Tableau');
    expect(course.skillsVersion).toBe(adopted.adoptedVersion);
    const [version] = (await call(student, 'GET', `${la}/courses/${course.id}/versions`)).json().items;
    expect(version).toMatchObject({ added: ['Tableau'], proposal: { id: noCourse.id, status: 'adopted' }, evidence: [{ skill: 'Tableau', needIds: [expect.any(String)] }] });
    expect((await call(educator, 'DELETE', `${base}/${noCourse.id}`)).statusCode).toBe(409);
    // The skill's gap lists the course, and the proposal that put the skill there.
    const detail = (await call(student, 'GET', `${la}/alignment/skills/tech%3Atableau`)).json();
    expect(detail.supplyFrom[0].since).toMatchObject({ proposalId: noCourse.id, proposalTitle: 'Floating change' });
    expect(detail.proposals).toEqual([expect.objectContaining({ id: noCourse.id, change: 'add', status: 'adopted' })]);
  });

  it('lets members follow and unfollow, and mark their notifications read', async () => {
    const proposal = await propose(educator);
    expect((await call(student, 'POST', `${base}/${proposal.id}/follow`)).json()).toEqual({ following: true, followers: 2 });
    await call(employer, 'POST', `${base}/${proposal.id}/comments`, { body: 'Good idea', relevance: 4 });
    const mine = await unread(student);
    const note = mine.items.find((n) => n.payload.proposalId === proposal.id)!;
    expect(note.kind).toBe('curriculum.comment');
    // Nobody else can mark it.
    expect((await call(employer, 'POST', `${la}/notifications/${note.id}/read`)).statusCode).toBe(404);
    expect((await call(student, 'POST', `${la}/notifications/${note.id}/read`)).json().readAt).toEqual(expect.any(String));
    expect((await unread(student)).unreadCount).toBe(mine.unreadCount - 1);
    expect((await call(student, 'DELETE', `${base}/${proposal.id}/follow`)).json()).toEqual({ following: false, followers: 2 });
    await call(employer, 'POST', `${base}/${proposal.id}/comments`, { body: 'Again' });
    expect((await unread(student)).items.filter((n) => n.payload.proposalId === proposal.id)).toEqual([]);
    expect((await call(educator, 'POST', `${la}/notifications/read`, {})).json().updated).toBeGreaterThan(0);
    expect((await unread(educator)).unreadCount).toBe(0);
  });
});
