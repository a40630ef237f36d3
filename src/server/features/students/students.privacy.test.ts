import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { runMaintenance } from '../../platform/maintenance.js';
import { applyRetention, RETENTION_JOB, scheduleRetention } from './students.retention.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let educator: Session;
let student: Session;
let government: Session;
let outsider: Session;
const url = '/api/v1/coalitions/la-tech';
const base = `${url}/students`;
const ids: Record<string, string> = {};
let coalitionId = '';

const get = (path: string, as: Session) => t.request({ method: 'GET', url: path, as });
const post = (path: string, as: Session, payload: object) => t.request({ method: 'POST', url: path, as, payload });
const put = (path: string, as: Session, payload: object) => t.request({ method: 'PUT', url: path, as, payload });
const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await t.database.pool.query(text, values)).rows as T[];
const count = async (text: string, values: unknown[] = []) => Number((await sql<{ n: number }>(`select count(*)::int as n from ${text}`, values))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  government = await t.signIn(demo.government);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await post('/api/v1/coalitions', outsider, { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' });
  for (const s of (await get(`${base}?limit=200`, coordinator)).json().items) ids[s.firstName] = s.id;
  coalitionId = (await sql<{ id: string }>(`select id from coalitions where slug = 'la-tech'`))[0]!.id;
  // Luis studies at Pierce from now on, so the demo educator (Pierce faculty) is his institution's staff.
  const pierce = (await get(`${url}/organizations?q=Pierce`, coordinator)).json().items[0].id;
  expect((await t.request({ method: 'PATCH', url: `${base}/${ids.Luis}`, as: coordinator, payload: { institutionId: pierce } })).statusCode).toBe(200);
}, 120_000);
afterAll(() => t?.close());

describe('correction requests', () => {
  const requests = (id: string) => `${base}/${id}/correction-requests`;
  let requestId = '';

  it('lets the student ask for a correction and see its status', async () => {
    const res = await post(requests(ids.Luis!), student, { field: 'pathway', requestedValue: 'Cybersecurity', reason: 'I changed programs in the spring term.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ studentName: 'Luis Hernández', field: 'pathway', requestedValue: 'Cybersecurity', status: 'open', requestedBy: 'Luis Hernández', resolvedAt: null });
    requestId = res.json().id;
    const mine = (await get(requests(ids.Luis!), student)).json();
    expect(mine.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[requestId, 'open']]);
    const audit = (await get(`${url}/audit-log?limit=5`, coordinator)).json().items;
    expect(audit[0]).toMatchObject({ action: 'request_correction', entityId: ids.Luis, changes: { requestId, field: 'pathway' } });
  });

  it('refuses bad input with a 422 naming the field, and writes nothing', async () => {
    const before = await count('student_correction_requests');
    const empty = await post(requests(ids.Luis!), student, { field: 'pathway', requestedValue: '  ', reason: 'x' });
    expect(empty.statusCode).toBe(422);
    expect(JSON.stringify(empty.json().errors)).toContain('requestedValue');
    const field = await post(requests(ids.Luis!), student, { field: 'salary', requestedValue: 'x', reason: 'x' });
    expect(field.statusCode).toBe(422);
    expect(JSON.stringify(field.json().errors)).toContain('field');
    expect(await count('student_correction_requests')).toBe(before);
  });

  it('is for the student alone to ask; others get 403 or 404, another coalition 404', async () => {
    const body = { field: 'other', requestedValue: 'x', reason: 'x' };
    expect((await post(requests(ids.Luis!), educator, body)).statusCode).toBe(403);
    expect((await post(requests(ids.Luis!), coordinator, body)).statusCode).toBe(403);
    expect((await post(requests(ids.Luis!), employer, body)).statusCode).toBe(404);
    expect((await post(requests(ids.Aaliyah!), student, body)).statusCode).toBe(404);
    expect((await post(requests(ids.Luis!), outsider, body)).statusCode).toBe(404);
    expect((await get(requests(ids.Luis!), outsider)).statusCode).toBe(404);
    expect((await get(requests(ids.Luis!), employer)).statusCode).toBe(404);
    expect((await get(`/api/v1/coalitions/bay-tech/students/${ids.Luis}/correction-requests`, outsider)).statusCode).toBe(404);
  });

  it("puts it in the institution's review queue and the Coordinator's, not an employer's", async () => {
    const queue = (await get(`${url}/correction-requests?status=open`, educator)).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(requestId);
    expect((await get(`${url}/correction-requests`, coordinator)).json().items.map((r: { id: string }) => r.id)).toContain(requestId);
    expect((await get(`${url}/correction-requests`, employer)).statusCode).toBe(403);
    expect((await get(`${url}/correction-requests`, student)).statusCode).toBe(403);
    expect((await get('/api/v1/coalitions/bay-tech/correction-requests', outsider)).json().items).toEqual([]);
    expect((await get(`${url}/correction-requests`, outsider)).statusCode).toBe(404);
    const badStatus = await get(`${url}/correction-requests?status=closed`, coordinator);
    expect(badStatus.statusCode).toBe(400);
    expect(JSON.stringify(badStatus.json().errors)).toContain('status');
  });

  it('is resolved by the institution, once; a rejection must say why; audited', async () => {
    const resolve = (id: string, as: Session, body: object) => post(`${requests(ids.Luis!)}/${id}/resolve`, as, body);
    expect((await resolve(requestId, coordinator, { decision: 'accepted' })).statusCode).toBe(403);
    expect((await resolve(requestId, employer, { decision: 'accepted' })).statusCode).toBe(404);
    const noNote = await resolve(requestId, educator, { decision: 'rejected' });
    expect(noNote.statusCode).toBe(422);
    expect(JSON.stringify(noNote.json().errors)).toContain('note');
    expect((await get(requests(ids.Luis!), student)).json().items[0].status).toBe('open');
    expect((await resolve('00000000-0000-4000-8000-000000000000', educator, { decision: 'accepted' })).statusCode).toBe(404);

    const done = await resolve(requestId, educator, { decision: 'accepted', note: 'Updated from the registrar’s records.' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'accepted', resolvedBy: 'Alicia Gómez', resolutionNote: 'Updated from the registrar’s records.' });
    expect((await resolve(requestId, educator, { decision: 'rejected', note: 'changed my mind' })).statusCode).toBe(409);
    expect((await get(requests(ids.Luis!), student)).json().items[0]).toMatchObject({ id: requestId, status: 'accepted' });
    expect((await get(`${url}/correction-requests?status=open`, educator)).json().items.map((r: { id: string }) => r.id)).not.toContain(requestId);
    const audit = (await get(`${url}/audit-log?limit=5`, coordinator)).json().items;
    expect(audit[0]).toMatchObject({ action: 'resolve_correction', entityId: ids.Luis, changes: { requestId, decision: 'accepted' } });
  });
});

describe('directory-information opt-out', () => {
  const optOut = (value: boolean, as: Session = student) => put(`${base}/${ids.Luis}/directory-opt-out`, as, { optOut: value });
  const listed = async (as: Session) => (await get(`${base}?limit=200`, as)).json().items.map((s: { id: string }) => s.id) as string[];
  const csvHas = async (as: Session) => (await get(`${url}/students.csv`, as)).body.includes('Hernández');

  /** Opportunities whose candidate list (as the Coordinator) has Luis, with their employer. */
  async function luisCandidateFor(): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const o of (await get(`${url}/opportunities?limit=200`, coordinator)).json().items as { id: string; employerId: string }[]) {
      const res = await get(`${url}/opportunities/${o.id}/candidates?limit=100`, coordinator);
      expect(res.statusCode).toBe(200);
      if (res.json().items.some((c: { studentId: string }) => c.studentId === ids.Luis)) found.set(o.id, o.employerId);
    }
    return found;
  }

  it("leaves the student out of the Coordinator's list, export and candidate searches, except for employers they applied to or shared with", async () => {
    const before = await luisCandidateFor();
    // Luis shows his profile to the employer of one search that has him: that one keeps him.
    const sharedOpportunity = [...before][0]!;
    expect((await post(`${base}/${ids.Luis}/shares`, student, { employerId: sharedOpportunity[1] })).statusCode).toBe(200);
    expect(await listed(coordinator)).toContain(ids.Luis);
    expect(await csvHas(coordinator)).toBe(true);

    const res = await optOut(true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ optOut: true, since: expect.any(String) });
    expect((await get(`${base}/${ids.Luis}`, student)).json().directoryOptOut).toBe(true);

    expect(await listed(coordinator)).not.toContain(ids.Luis);
    expect(await csvHas(coordinator)).toBe(false);
    // The employers Luis chose: the ones he shared his profile with or applied to (not withdrawn).
    const chosen = new Set<string>([
      ...((await sql<{ id: string }>(`select organization_id as id from student_shares where coalition_id = $1 and student_id = $2`, [coalitionId, ids.Luis])).map((r) => r.id)),
      ...((await sql<{ id: string }>(`select o.employer_id as id from applications a join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id where a.coalition_id = $1 and a.student_id = $2 and a.status <> 'withdrawn'`, [coalitionId, ids.Luis])).map((r) => r.id)),
    ]);
    const after = await luisCandidateFor();
    const expected = [...before].filter(([, employerId]) => chosen.has(employerId)).map(([id]) => id).sort();
    expect([...after.keys()].sort()).toEqual(expected);
    // The test means something: some searches had him and no longer do, and the shared one keeps him.
    expect(before.size).toBeGreaterThan(after.size);
    expect(after.has(sharedOpportunity[0])).toBe(true);

    // His institution (school officials) and the student still see the record; an employer he applied to too.
    expect(await listed(educator)).toContain(ids.Luis);
    expect(await listed(student)).toEqual([ids.Luis]);
    expect((await get(`${base}/${ids.Luis}`, employer)).statusCode).toBe((await sql(`select 1 from organizations o join people p on p.coalition_id = o.coalition_id and p.organization_id = o.id join users u on u.id = p.user_id where u.email = $1 and o.id = any($2::uuid[])`, [demo.employer, [...chosen]])).length ? 200 : 404);
    // The Coordinator may still open the record by id (logged), e.g. from an application.
    expect((await get(`${base}/${ids.Luis}`, coordinator)).statusCode).toBe(200);
  }, 240_000);

  it('is set by the student or their institution, never by others; audited; and can be undone', async () => {
    expect((await optOut(false, coordinator)).statusCode).toBe(403);
    expect((await optOut(false, employer)).statusCode).toBe(404);
    expect((await optOut(false, government)).statusCode).toBe(404);
    expect((await optOut(false, outsider)).statusCode).toBe(404);
    const bad = await put(`${base}/${ids.Luis}/directory-opt-out`, student, { optOut: 'yes' });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().errors)).toContain('optOut');
    expect(await listed(coordinator)).not.toContain(ids.Luis);

    const back = await optOut(false, educator);
    expect(back.json()).toEqual({ optOut: false, since: null });
    expect(await listed(coordinator)).toContain(ids.Luis);
    const actions = (await get(`${url}/audit-log?limit=10`, coordinator)).json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['directory_opt_out', 'directory_opt_in']));
    // Setting what is already set changes nothing and records nothing.
    const auditRows = await count('audit_log');
    expect((await optOut(false)).statusCode).toBe(200);
    expect(await count('audit_log')).toBe(auditRows);
  });
});

describe('access-log paging', () => {
  it('pages the access log newest first with no row lost or repeated; a bad cursor is a 400', async () => {
    for (let i = 0; i < 7; i++) await get(`${base}/${ids.Kevin}`, educator);
    const all = (await get(`${base}/${ids.Kevin}/access-log?limit=200`, coordinator)).json().items as { id: string; at: string }[];
    expect(all.length).toBeGreaterThanOrEqual(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await get(`${base}/${ids.Kevin}/access-log?limit=3${cursor ? `&cursor=${cursor}` : ''}`, coordinator)).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(pages).toBe(Math.ceil(all.length / 3));
    const times = all.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await get(`${base}/${ids.Kevin}/access-log?cursor=garbage`, coordinator)).statusCode).toBe(400);
    const badLimit = await get(`${base}/${ids.Kevin}/access-log?limit=0`, coordinator);
    expect(badLimit.statusCode).toBe(400);
    expect(JSON.stringify(badLimit.json().errors)).toContain('limit');
  });
});

describe('retention', () => {
  const retention = `${url}/student-retention`;

  it('starts from the documented defaults; only the Coordinator reads or sets it; 422 names the field', async () => {
    expect((await get(retention, coordinator)).json()).toEqual({ accessLogYears: 5, withdrawnApplicationYears: 2, isDefault: true, lastRun: null });
    for (const who of [employer, educator, student, government]) expect((await get(retention, who)).statusCode).toBe(403);
    expect((await get(retention, outsider)).statusCode).toBe(404);
    const bad = await put(retention, coordinator, { accessLogYears: 0, withdrawnApplicationYears: 2 });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().errors)).toContain('accessLogYears');
    expect(await count('student_retention_policies')).toBe(0);
    const set = await put(retention, coordinator, { accessLogYears: 3, withdrawnApplicationYears: 1 });
    expect(set.json()).toMatchObject({ accessLogYears: 3, withdrawnApplicationYears: 1, isDefault: false });
    expect((await get(`${url}/audit-log?limit=1`, coordinator)).json().items[0]).toMatchObject({ action: 'set_retention', changes: { to: { accessLogYears: 3, withdrawnApplicationYears: 1 } } });
    // Bay Area Tech keeps its own (default) periods.
    expect((await get('/api/v1/coalitions/bay-tech/student-retention', outsider)).json()).toMatchObject({ accessLogYears: 5, isDefault: true });
  });

  it('a scheduled job deletes access-log entries and graduates’ withdrawn applications past their periods, and nothing else', async () => {
    const now = new Date();
    const year = now.getUTCFullYear();
    // Old and recent access-log entries for Kevin; an old one in Bay Area Tech is not la-tech's to delete.
    await sql(`insert into student_access_log (coalition_id, id, at, student_id, route, reason)
      select coalition_id, gen_random_uuid(), now() - make_interval(years => y), id, 'GET /students/:id', 'record'
      from students, unnest(array[4, 4, 2]) y where coalition_id = $1 and id = $2`, [coalitionId, ids.Kevin]);
    const oldLog = await count(`student_access_log where coalition_id = $1 and at < now() - interval '3 years'`, [coalitionId]);
    expect(oldLog).toBe(2);
    const logBefore = await count(`student_access_log where coalition_id = $1`, [coalitionId]);

    // Two more of Aaliyah's applications: she graduated two years ago; one is withdrawn, the other not.
    const [opp, opp2] = (await sql<{ id: string }>(`select id from opportunities where coalition_id = $1 and id not in (select opportunity_id from applications where coalition_id = $1 and student_id = $2) order by id limit 2`, [coalitionId, ids.Aaliyah])).map((r) => r.id);
    const withdrawn = (await sql<{ id: string }>(`insert into applications (coalition_id, id, student_id, opportunity_id, status) values ($1, gen_random_uuid(), $2, $3, 'withdrawn') returning id`, [coalitionId, ids.Aaliyah, opp]))[0]!.id;
    await sql(`insert into applications (coalition_id, id, student_id, opportunity_id, status) values ($1, gen_random_uuid(), $2, $3, 'applied')`, [coalitionId, ids.Aaliyah, opp2]);
    const apps = await sql<{ id: string }>(`select id from applications where coalition_id = $1 and student_id = $2 and status <> 'withdrawn' order by id`, [coalitionId, ids.Aaliyah]);
    expect(apps.length).toBeGreaterThanOrEqual(1);
    await sql(`insert into application_status_changes (coalition_id, id, application_id, from_status, to_status) values ($1, gen_random_uuid(), $2, 'applied', 'withdrawn')`, [coalitionId, withdrawn]);
    await sql(`update students set graduation_year = $3 where coalition_id = $1 and id = $2`, [coalitionId, ids.Aaliyah, year - 2]);
    // A withdrawn application of someone still studying stays.
    const current = (await sql<{ id: string }>(`select a.id from applications a join students s on s.coalition_id = a.coalition_id and s.id = a.student_id where a.coalition_id = $1 and (s.graduation_year is null or s.graduation_year > $2) limit 1`, [coalitionId, year - 1]))[0]!.id;
    await sql(`update applications set status = 'withdrawn' where coalition_id = $1 and id = $2`, [coalitionId, current]);
    const appsBefore = await count(`applications where coalition_id = $1`, [coalitionId]);
    // What the rule says should go, counted independently: withdrawn, of students who graduated ≥ 1 year ago.
    const due = await count(`applications a join students s on s.coalition_id = a.coalition_id and s.id = a.student_id where a.coalition_id = $1 and a.status = 'withdrawn' and s.graduation_year <= $2`, [coalitionId, year - 1]);
    expect(due).toBeGreaterThanOrEqual(1);

    // The maintenance round queues one job per coalition, once a day; the runner runs it.
    await sql(`delete from jobs where kind = $1`, [RETENTION_JOB]);
    await runMaintenance(t.database, undefined, now);
    expect(await count(`jobs where kind = $1 and status = 'queued'`, [RETENTION_JOB])).toBe(2);
    expect(await scheduleRetention(t.database.db, now)).toBe(0);
    await t.runJobs();

    expect(await count(`student_access_log where coalition_id = $1`, [coalitionId])).toBe(logBefore - 2);
    expect(await count(`student_access_log where coalition_id = $1 and at < now() - interval '3 years'`, [coalitionId])).toBe(0);
    expect(await count(`applications where coalition_id = $1 and id = $2`, [coalitionId, withdrawn])).toBe(0);
    expect(await count(`application_status_changes where coalition_id = $1 and application_id = $2`, [coalitionId, withdrawn])).toBe(0);
    expect(await count(`applications where coalition_id = $1 and id = $2`, [coalitionId, current])).toBe(1);
    expect(await count(`applications where coalition_id = $1`, [coalitionId])).toBe(appsBefore - due);
    for (const a of apps) expect(await count(`applications where coalition_id = $1 and id = $2`, [coalitionId, a.id])).toBe(1);

    const state = (await get(retention, coordinator)).json();
    expect(state.lastRun).toMatchObject({ accessLogDeleted: 2, applicationsDeleted: due });
    const audit = (await sql<{ actor_user_id: string | null; changes: Record<string, unknown> }>(`select actor_user_id, changes from audit_log where coalition_id = $1 and action = 'retention'`, [coalitionId]));
    expect(audit).toEqual([{ actor_user_id: null, changes: { accessLogDeleted: 2, applicationsDeleted: due, policy: { accessLogYears: 3, withdrawnApplicationYears: 1 } } }]);

    // Again: nothing is past its period any more, nothing is deleted or audited.
    expect(await applyRetention(t.database.db, coalitionId, now)).toEqual({ accessLogDeleted: 0, applicationsDeleted: 0 });
    expect(await count(`audit_log where coalition_id = $1 and action = 'retention'`, [coalitionId])).toBe(1);
    // A day later the schedule queues it again.
    expect(await scheduleRetention(t.database.db, new Date(now.getTime() + 25 * 3600 * 1000))).toBe(2);
  });

  it('lets the Coordinator apply it now (202, a queued job), nobody else', async () => {
    const res = await post(`${retention}/run`, coordinator, {});
    expect(res.statusCode).toBe(202);
    expect(await count(`jobs where coalition_id = $1 and id = $2 and kind = $3`, [coalitionId, res.json().jobId, RETENTION_JOB])).toBe(1);
    expect((await post(`${retention}/run`, educator, {})).statusCode).toBe(403);
    expect((await post(`${retention}/run`, outsider, {})).statusCode).toBe(404);
    await t.runJobs();
  });
});
