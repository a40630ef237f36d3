import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { coalitions, people, skills, studentEquity, studentShares, studentSkills, students as studentRows } from '../../db/schema.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { students as seededStudents } from '../../seed/pipeline.data.js';

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
const orgs: Record<string, string> = {};

const get = (path: string, as: Session) => t.request({ method: 'GET', url: path, as });
const names = (items: { firstName: string; lastName: string }[]) => items.map((s) => `${s.firstName} ${s.lastName}`).sort();

async function accessLog(studentId: string) {
  return (await get(`${base}/${studentId}/access-log?limit=200`, coordinator)).json().items as { actorName: string; route: string; reason: string; organizationName: string | null }[];
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  government = await t.signIn(demo.government);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  for (const s of (await get(`${base}?limit=200`, coordinator)).json().items) ids[s.firstName] = s.id;
  for (const name of ['Snap', 'Santa Monica College', 'Pierce', 'Amazon Web Services', 'Los Angeles Unified']) orgs[name] = (await get(`${url}/organizations?q=${encodeURIComponent(name)}`, coordinator)).json().items[0].id;
});
afterAll(() => t?.close());

describe('who sees a student record', () => {
  it('links the demo student account to its record: a student lists only themselves', async () => {
    const res = await get(base, student);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ firstName: 'Luis', lastName: 'Hernández', institutionName: 'Santa Monica College', hasAccount: true, viewerRelation: 'self', email: 'student@la-tech.demo' });
    const own = (await get(`${base}/${ids.Luis}`, student)).json();
    expect(own).toMatchObject({ dateOfBirth: '2004-05-14', isMinor: false, equity: { firstGeneration: true, lowIncome: true, noFourYearDegreePath: null, careerChanger: null } });
    expect(own.skills.find((s: { name: string }) => s.name === 'Amazon Web Services AWS software')).toMatchObject({ sources: expect.arrayContaining(['course', 'work_based_learning']) });
    expect((await get(`${base}/${ids.Aaliyah}`, student)).statusCode).toBe(404);
  });

  it('shows an employer only students who shared with it or applied to it, never a minor without consent', async () => {
    const res = await get(`${base}?limit=200`, employer);
    expect(names(res.json().items)).toEqual(['Aaliyah Johnson', 'Ana Flores', 'Diego Morales', 'Hannah Lee', 'Jamal Carter', 'Kevin Patel', 'Minh Tran']);
    expect(res.json().items.every((s: { viewerRelation: string }) => s.viewerRelation === 'employer')).toBe(true);
    // Luis applied to AWS, not Snap; Ethan (17) shared with Snap but no guardian has consented.
    expect((await get(`${base}/${ids.Luis}`, employer)).statusCode).toBe(404);
    expect((await get(`${base}/${ids.Ethan}`, employer)).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `${base}/${ids.Ethan}`, as: employer, payload: { pathway: 'x' } })).statusCode).toBe(404);
    const kevin = (await get(`${base}/${ids.Kevin}`, employer)).json();
    expect(kevin).toMatchObject({ firstName: 'Kevin', viewerRelation: 'employer', dateOfBirth: null, isMinor: null, equity: null, sharedWith: null, guardianConsent: null });
    expect(JSON.stringify(res.json())).not.toMatch(/firstGeneration|lowIncome|careerChanger|dateOfBirth/);
  });

  it("shows the institution's staff their own students with everything, and nobody else's", async () => {
    const res = await get(`${base}?limit=200`, educator);
    expect(names(res.json().items)).toEqual(['Ana Flores', 'Diego Morales', 'Hannah Lee', 'Kevin Patel', 'Marcus Green', 'Priya Shah']);
    const diego = (await get(`${base}/${ids.Diego}`, educator)).json();
    expect(diego).toMatchObject({ viewerRelation: 'institution', equity: { firstGeneration: true, lowIncome: true } });
    expect(diego.portfolio[0]).toMatchObject({ title: 'Snap design competition: campus wayfinding lens', skills: expect.arrayContaining([expect.objectContaining({ name: 'Figma' })]) });
    expect((await get(`${base}/${ids.Luis}`, educator)).statusCode).toBe(404);
  });

  it('shows someone with no tie to a student nothing', async () => {
    expect((await get(base, government)).json().items).toEqual([]);
    expect((await get(`${base}/${ids.Kevin}`, government)).statusCode).toBe(404);
    expect((await get(`${url}/students.csv`, government)).body.trim().split('\r\n')).toHaveLength(1);
  });

  it('shows the Coordinator every student', async () => {
    expect((await get(`${base}?limit=200`, coordinator)).json().items).toHaveLength(seededStudents.length);
  });

  it('searches names, e-mails and external ids', async () => {
    expect(names((await get(`${base}?q=demo-student-kevin`, coordinator)).json().items)).toEqual(['Kevin Patel']);
    expect(names((await get(`${base}?q=Luis%20Hern`, coordinator)).json().items)).toEqual(['Luis Hernández']);
    expect(names((await get(`${base}?q=student%40la-tech`, coordinator)).json().items)).toEqual(['Luis Hernández']);
    const page1 = (await get(`${base}?limit=7`, coordinator)).json();
    const page2 = (await get(`${base}?limit=7&cursor=${page1.nextCursor}`, coordinator)).json();
    expect(page1.items).toHaveLength(7);
    expect(new Set([...page1.items, ...page2.items].map((s: { id: string }) => s.id)).size).toBe(14);
  });
});

describe('a minor and a guardian’s consent', () => {
  it('shows the minor to the employer once consent is recorded, and hides them again when it is revoked', async () => {
    const lausdStaff = await t.request({ method: 'POST', url: `${base}/${ids.Ethan}/guardian-consent`, as: educator, payload: { guardianName: 'Grace Kim', relationship: 'mother', method: 'signed form', givenOn: '2020-01-01' } });
    expect(lausdStaff.statusCode).toBe(404); // Pierce staff do not hold an LAUSD record
    const bySelf = await t.request({ method: 'POST', url: `${base}/${ids.Luis}/guardian-consent`, as: student, payload: { guardianName: 'X', relationship: 'father', method: 'form', givenOn: '2020-01-01' } });
    expect(bySelf.statusCode).toBe(403);
    const recorded = await t.request({ method: 'POST', url: `${base}/${ids.Ethan}/guardian-consent`, as: coordinator, payload: { guardianName: 'Min-ji Kim', relationship: 'mother', method: 'signed paper form', givenOn: '2020-01-01' } });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ guardianName: 'Min-ji Kim', recordedBy: 'Maya Chen' });
    expect((await get(`${base}/${ids.Ethan}`, employer)).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: `${base}/${ids.Ethan}/guardian-consent`, as: coordinator, payload: { guardianName: 'Again', relationship: 'father', method: 'form', givenOn: '2020-01-01' } })).statusCode).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `${base}/${ids.Ethan}/guardian-consent`, as: coordinator })).statusCode).toBe(204);
    expect((await get(`${base}/${ids.Ethan}`, employer)).statusCode).toBe(404);
    const audit = (await get(`${url}/audit-log?entityId=${ids.Ethan}`, coordinator)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['revoke_consent', 'record_consent']);
  });

  it('needs no consent for an adult, and treats an unknown date of birth as a minor', async () => {
    expect((await t.request({ method: 'POST', url: `${base}/${ids.Kevin}/guardian-consent`, as: coordinator, payload: { guardianName: 'X', relationship: 'father', method: 'form', givenOn: '2020-01-01' } })).statusCode).toBe(409);
    const created = await t.request({ method: 'POST', url: base, as: coordinator, payload: { firstName: 'No', lastName: 'Birthday', institutionId: orgs['Santa Monica College'] } });
    const unknown = created.json();
    expect(unknown).toMatchObject({ dateOfBirth: null, isMinor: true });
    // Shared with Snap (as if the student had), yet no date of birth: Snap sees nothing until one is recorded.
    await t.database.db.insert(studentShares).values({ coalitionId: (await t.database.db.select().from(coalitions).where(eq(coalitions.slug, 'la-tech')))[0]!.id, studentId: unknown.id, organizationId: orgs.Snap! });
    expect((await get(`${base}/${unknown.id}`, employer)).statusCode).toBe(404);
    await t.request({ method: 'PATCH', url: `${base}/${unknown.id}`, as: coordinator, payload: { dateOfBirth: '2000-01-01' } });
    expect((await get(`${base}/${unknown.id}`, employer)).statusCode).toBe(200);
  });
});

describe('what a student controls', () => {
  it('lets only the student share their profile with an employer, and take it back', async () => {
    expect((await t.request({ method: 'POST', url: `${base}/${ids.Luis}/shares`, as: coordinator, payload: { employerId: orgs.Snap } })).statusCode).toBe(403);
    const shared = await t.request({ method: 'POST', url: `${base}/${ids.Luis}/shares`, as: student, payload: { employerId: orgs.Snap } });
    expect(shared.statusCode).toBe(200);
    expect(shared.json().items.map((s: { employerName: string }) => s.employerName)).toEqual(['Snap Inc.']);
    expect((await get(`${base}/${ids.Luis}`, employer)).statusCode).toBe(200);
    expect((await t.request({ method: 'DELETE', url: `${base}/${ids.Luis}/shares/${orgs.Snap}`, as: student })).statusCode).toBe(204);
    expect((await get(`${base}/${ids.Luis}`, employer)).statusCode).toBe(404);
    const bad = await t.request({ method: 'POST', url: `${base}/${ids.Luis}/shares`, as: student, payload: { employerId: orgs['Santa Monica College'] } });
    expect(bad.statusCode).toBe(422);
  });

  it('logs every read by someone else (who, which student, when, through what), never the student’s own', async () => {
    const before = (await accessLog(ids.Kevin!)).length;
    await get(`${base}/${ids.Kevin}`, employer);
    await get(`${base}?q=Kevin`, educator);
    const log = await accessLog(ids.Kevin!);
    // The Coordinator reading the log is not a read of the record.
    expect(log.length).toBe(before + 2);
    expect(log[0]).toMatchObject({ actorName: 'Alicia Gómez', organizationName: 'Pierce College', route: 'GET /students', reason: 'list' });
    expect(log[1]).toMatchObject({ actorName: 'Jordan Rivera', organizationName: 'Snap Inc.', route: 'GET /students/:id', reason: 'record' });
    const own = (await get(`${base}/${ids.Luis}/access-log?limit=200`, student)).json().items;
    await get(`${base}/${ids.Luis}`, student);
    expect((await get(`${base}/${ids.Luis}/access-log?limit=200`, student)).json().items).toHaveLength(own.length);
    expect((await get(`${base}/${ids.Kevin}/access-log`, employer)).statusCode).toBe(403);
  });

  it('lets the student export their whole record, and nobody else', async () => {
    const res = await get(`${base}/${ids.Luis}/export`, student);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const record = res.json();
    expect(record.student).toMatchObject({ firstName: 'Luis', dateOfBirth: '2004-05-14' });
    const aws = record.applications.find((a: { opportunityTitle: string }) => a.opportunityTitle.includes('cloud support'));
    expect(aws.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['applied', 'interviewing', 'offered', 'placed', 'completed', 'hired']);
    expect(aws.placement).toMatchObject({ hoursCompleted: 440, outcome: 'hired_part_time' });
    expect(record.accessLog.length).toBeGreaterThan(0);
    expect((await get(`${base}/${ids.Luis}/export`, coordinator)).statusCode).toBe(403);
  });

  it('lets a student edit their profile but not their date of birth or external id', async () => {
    const ok = await t.request({ method: 'PATCH', url: `${base}/${ids.Luis}`, as: student, payload: { hoursPerWeek: 30, skills: ['Python', 'Docker'] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().skills.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Docker', 'Python', 'Amazon Web Services AWS software']));
    expect((await t.request({ method: 'PATCH', url: `${base}/${ids.Luis}`, as: student, payload: { dateOfBirth: '1990-01-01' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${base}/${ids.Luis}`, as: student, payload: { externalId: 'mine' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${base}/${ids.Kevin}`, as: employer, payload: { pathway: 'Networking' } })).statusCode).toBe(403);
    const audit = (await get(`${url}/audit-log?entityId=${ids.Luis}`, coordinator)).json().items[0];
    expect(audit.changes.hoursPerWeek).toEqual({ from: 25, to: 30 });
  });

  it('keeps portfolio projects, whose skills become evidence', async () => {
    const added = await t.request({ method: 'POST', url: `${base}/${ids.Luis}/portfolio`, as: student, payload: { title: 'Serverless photo app', url: 'https://example.org/luis', skills: ['Amazon Web Services AWS software', 'Terraform'] } });
    expect(added.statusCode).toBe(201);
    const record = (await get(`${base}/${ids.Luis}`, student)).json();
    expect(record.skills.find((s: { name: string }) => s.name === 'Terraform')).toMatchObject({ sources: ['portfolio'], evidence: ['Serverless photo app'] });
    expect((await t.request({ method: 'DELETE', url: `${base}/${ids.Luis}/portfolio/${added.json().id}`, as: student })).statusCode).toBe(204);
    expect((await get(`${base}/${ids.Luis}`, student)).json().skills.find((s: { name: string }) => s.name === 'Terraform')).toBeUndefined();
  });
});

describe('creating students', () => {
  it('lets institution staff add their own students, not another school’s', async () => {
    const ok = await t.request({ method: 'POST', url: base, as: educator, payload: { firstName: 'Zoe', lastName: 'Park', institutionId: orgs.Pierce, dateOfBirth: '2003-03-03', skills: ['Python', { name: 'SQL Basics', source: 'course', evidence: 'CS 101' }], equity: { careerChanger: true } } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ viewerRelation: 'institution', equity: { careerChanger: true }, skills: expect.arrayContaining([{ id: 'skill:sql-basics', name: 'SQL Basics', sources: ['course'], evidence: ['CS 101'] }]) });
    expect((await t.request({ method: 'POST', url: base, as: educator, payload: { firstName: 'Not', lastName: 'Mine', institutionId: orgs['Santa Monica College'] } })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: base, as: employer, payload: { firstName: 'Not', lastName: 'Mine', institutionId: orgs.Pierce } })).statusCode).toBe(403);
    const audit = (await get(`${url}/audit-log?entityId=${ok.json().id}`, coordinator)).json().items[0];
    expect(JSON.stringify(audit.changes)).not.toMatch(/careerChanger|2003-03-03/);
  });

  it('lets a student with an account create their own record, once, linked to them', async () => {
    const sam = await t.signUp('Sam Student', 'sam.student@example.org');
    const coalitionId = (await t.database.db.select().from(coalitions).where(eq(coalitions.slug, 'la-tech')))[0]!.id;
    await t.database.db.insert(people).values({ coalitionId, id: crypto.randomUUID(), userId: sam.userId, name: 'Sam Student', email: 'sam.student@example.org', organizationId: orgs['Santa Monica College']!, roles: ['student'] });
    const mine = await t.request({ method: 'POST', url: base, as: sam, payload: { firstName: 'Sam', lastName: 'Student', institutionId: orgs['Santa Monica College'], dateOfBirth: '2001-01-01', skills: ['Python'] } });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ viewerRelation: 'self', hasAccount: true });
    expect((await t.request({ method: 'POST', url: base, as: sam, payload: { firstName: 'Sam', lastName: 'Again', institutionId: orgs.Pierce } })).statusCode).toBe(409);
    expect((await get(base, sam)).json().items.map((x: { id: string }) => x.id)).toEqual([mine.json().id]);
  });

  it('rejects bad input with a 422 naming the field, and writes nothing', async () => {
    const count = async () => (await get(`${base}?limit=200`, coordinator)).json().items.length;
    const before = await count();
    const res = await t.request({ method: 'POST', url: base, as: coordinator, payload: { firstName: '', lastName: 'X', institutionId: orgs.Pierce, dateOfBirth: 'yesterday', email: 'nope' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['firstName', 'dateOfBirth', 'email']));
    const notSchool = await t.request({ method: 'POST', url: base, as: coordinator, payload: { firstName: 'A', lastName: 'B', institutionId: orgs.Snap } });
    expect(notSchool.statusCode).toBe(422);
    expect(notSchool.json().errors).toEqual([{ path: 'institutionId', message: 'Snap Inc. is not a school, college or university' }]);
    expect(await count()).toBe(before);
  });

  it("hides another coalition's students as 404", async () => {
    expect((await get(`/api/v1/coalitions/bay-tech/students/${ids.Kevin}`, outsider)).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/coalitions/bay-tech/students/${ids.Kevin}`, as: outsider })).statusCode).toBe(404);
    expect((await get(base, outsider)).statusCode).toBe(404);
  });
});

describe('student import and export', () => {
  const header = 'external_id,first_name,last_name,email,institution,pathway,skills,graduation_year';
  async function importCsv(csv: string) {
    const res = await t.request({ method: 'POST', url: `${url}/imports/students`, as: coordinator, headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(202);
    await t.runJobs();
    return (await get(`${url}/imports/${res.json().id}`, coordinator)).json();
  }

  it('imports, and re-importing the same external_id updates and never duplicates', async () => {
    const csv = `${header},date_of_birth,low_income\nSIS-1,Rosa,Parks,rosa@example.org,Santa Monica College,Cloud Computing,Python;Linux,2027,2002-02-02,yes\nSIS-2,Tom,Lee,,Pierce College,,,,,\n`;
    expect(await importCsv(csv)).toMatchObject({ status: 'succeeded', errors: [], result: { created: 2, updated: 0 } });
    expect((await importCsv(csv)).result).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await importCsv(csv.replace('Python;Linux', 'Python;Linux;Docker'))).result).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const [rosa] = (await get(`${base}?q=SIS-1`, coordinator)).json().items;
    expect(rosa).toMatchObject({ externalId: 'SIS-1', firstName: 'Rosa', institutionName: 'Santa Monica College', graduationYear: 2027 });
    expect(rosa.skills.map((s: { name: string }) => s.name)).toEqual(['Docker', 'Linux', 'Python']);
    expect((await get(`${base}/${rosa.id}`, coordinator)).json().equity).toMatchObject({ lowIncome: true });
    expect((await get(`${base}?q=SIS-`, coordinator)).json().items).toHaveLength(2);
  });

  describe('re-importing existing students', () => {
    const equityHeader = `${header},first_generation,low_income`;
    const line = (n: number, o: { first?: string; skills?: string; lowIncome?: string } = {}) =>
      `RE-${n},${o.first ?? `First${n}`},Last${n},re${n}@example.org,${n % 2 ? 'Santa Monica College' : 'Pierce College'},Cloud Computing,${o.skills ?? (n % 3 ? 'Python;Linux' : 'SQL')},2028,no,${o.lowIncome ?? (n % 2 ? 'yes' : '')}`;
    const file = (lines: string[]) => `${equityHeader}\n${lines.join('\n')}\n`;
    const first = [1, 2, 3, 4, 5, 6].map((n) => line(n));

    /** What is stored for the RE- students, by external id: the row's name and updated_at, declared skill names, equity answers. */
    async function stored() {
      const db = t.database.db;
      const rows = await db.select().from(studentRows).where(like(studentRows.externalId, 'RE-%'));
      const declared = await db
        .select({ studentId: studentSkills.studentId, name: skills.name })
        .from(studentSkills)
        .innerJoin(skills, eq(skills.id, studentSkills.skillId))
        .innerJoin(studentRows, and(eq(studentRows.coalitionId, studentSkills.coalitionId), eq(studentRows.id, studentSkills.studentId)))
        .where(and(like(studentRows.externalId, 'RE-%'), eq(studentSkills.source, 'declared')));
      const equity = await db
        .select({ studentId: studentEquity.studentId, lowIncome: studentEquity.lowIncome, firstGeneration: studentEquity.firstGeneration })
        .from(studentEquity)
        .innerJoin(studentRows, and(eq(studentRows.coalitionId, studentEquity.coalitionId), eq(studentRows.id, studentEquity.studentId)))
        .where(like(studentRows.externalId, 'RE-%'));
      return new Map(
        rows.map((row) => {
          const answers = equity.find((e) => e.studentId === row.id);
          const names = declared.filter((d) => d.studentId === row.id).map((d) => d.name);
          return [row.externalId!, { firstName: row.firstName, updatedAt: row.updatedAt.getTime(), skills: names.sort().join(';'), lowIncome: answers?.lowIncome, firstGeneration: answers?.firstGeneration }];
        }),
      );
    }

    it('the same file again is all unchanged and writes nothing', async () => {
      expect((await importCsv(file(first))).result).toMatchObject({ created: 6, updated: 0, unchanged: 0 });
      const before = await stored();
      expect(before.get('RE-3')).toMatchObject({ skills: 'SQL', lowIncome: true, firstGeneration: false });
      expect(before.get('RE-2')).toMatchObject({ skills: 'Linux;Python', lowIncome: null });
      await new Promise((resolve) => setTimeout(resolve, 5)); // a write now would move updated_at
      expect((await importCsv(file(first))).result).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
      expect(await stored()).toEqual(before);
      // Without the equity columns the answers are left alone, and nothing else differs.
      const noEquity = `${header}\n${first.map((l) => l.split(',').slice(0, 8).join(',')).join('\n')}\n`;
      expect((await importCsv(noEquity)).result).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
      expect(await stored()).toEqual(before);
    });

    it("reports exactly the students whose name, skills or equity answers changed, and stores the changes", async () => {
      const before = await stored();
      const changed = [...first];
      changed[0] = line(1, { first: 'Renamed' });
      changed[1] = line(2, { skills: 'Python;Docker' });
      changed[2] = line(3, { lowIncome: 'no' });
      changed[3] = line(4, { skills: '' });
      expect((await importCsv(file(changed))).result).toMatchObject({ created: 0, updated: 4, unchanged: 2 });
      const after = await stored();
      expect(after.get('RE-1')).toEqual({ ...before.get('RE-1'), firstName: 'Renamed', updatedAt: expect.any(Number) });
      expect(after.get('RE-1')!.updatedAt).toBeGreaterThan(before.get('RE-1')!.updatedAt);
      expect(after.get('RE-2')).toEqual({ ...before.get('RE-2'), skills: 'Docker;Python' });
      expect(after.get('RE-3')).toEqual({ ...before.get('RE-3'), lowIncome: false });
      expect(after.get('RE-4')).toEqual({ ...before.get('RE-4'), skills: '' });
      for (const id of ['RE-5', 'RE-6']) expect(after.get(id)).toEqual(before.get(id));
      // Importing the changed file again changes nothing more.
      expect((await importCsv(file(changed))).result).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
      expect(await stored()).toEqual(after);
    });

    it('a file mixing new and existing students over several batches creates, updates and leaves each as it should', async () => {
      const current = [line(1, { first: 'Renamed' }), line(2, { skills: 'Python;Docker' }), line(3, { lowIncome: 'no' }), line(4, { skills: '' }), line(5), line(6)];
      const before = await stored();
      // 1,200 new students put the existing ones in the second batch (1,000 a batch), one of them changed.
      const fresh = Array.from({ length: 1200 }, (_, i) => line(100 + i));
      const mixed = [...fresh, ...current.slice(0, 5), line(6, { first: 'Sixth', skills: 'SQL;Linux', lowIncome: 'yes' })];
      expect((await importCsv(file(mixed)))).toMatchObject({ status: 'succeeded', result: { created: 1200, updated: 1, unchanged: 5 } });
      const after = await stored();
      expect(after.size).toBe(1206);
      expect(after.get('RE-6')).toEqual({ ...before.get('RE-6'), firstName: 'Sixth', skills: 'Linux;SQL', lowIncome: true, updatedAt: expect.any(Number) });
      for (const id of ['RE-1', 'RE-2', 'RE-3', 'RE-4', 'RE-5']) expect(after.get(id)).toEqual(before.get(id));
      expect(after.get('RE-1299')).toMatchObject({ firstName: 'First1299', skills: 'SQL', lowIncome: true });
    });

    it('a bad row rolls back everything, updates included', async () => {
      const before = await stored();
      const lines = [line(1, { first: 'Again' }), line(2, { skills: 'Rust' }), line(3, { lowIncome: 'yes' }), line(7), `RE-8,,Nameless,,Pierce College,,,,,`];
      const status = await importCsv(file(lines));
      expect(status).toMatchObject({ status: 'failed', errors: [{ row: 6, column: 'first_name', message: 'Required' }] });
      expect(await stored()).toEqual(before);
      expect(before.has('RE-7')).toBe(false);
    });
  });

  it('links an imported record to the student account with the same e-mail', async () => {
    const pat = await t.signUp('Pat Import', 'pat.import@example.org');
    const coalitionId = (await t.database.db.select().from(coalitions).where(eq(coalitions.slug, 'la-tech')))[0]!.id;
    await t.database.db.insert(people).values({ coalitionId, id: crypto.randomUUID(), userId: pat.userId, name: 'Pat Import', email: 'pat.import@example.org', organizationId: orgs.Pierce!, roles: ['student'] });
    expect((await importCsv(`${header}\nSIS-9,Pat,Import,Pat.Import@example.org,Pierce College,,,\n`)).status).toBe('succeeded');
    const [own] = (await get(base, pat)).json().items;
    expect(own).toMatchObject({ externalId: 'SIS-9', viewerRelation: 'self', hasAccount: true });
  });

  it('names every bad row and writes nothing', async () => {
    const csv = `${header}\nBAD-1,,Smith,a@b.co,Santa Monica College,,,2027\nBAD-2,Al,Jones,not-an-email,Snap Inc.,,,20x7\nBAD-3,Al,Jones,,Hogwarts,,Python;python,\n`;
    const status = await importCsv(csv);
    expect(status.status).toBe('failed');
    expect(status.errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'first_name', message: 'Required' },
        expect.objectContaining({ row: 3, column: 'email' }),
        { row: 3, column: 'institution', message: '"Snap Inc." is not a school, college or university' },
        expect.objectContaining({ row: 3, column: 'graduation_year' }),
        { row: 4, column: 'institution', message: 'No organization named "Hogwarts" in this coalition' },
        { row: 4, column: 'skills', message: 'A skill is listed twice' },
      ]),
    );
    expect((await get(`${base}?q=BAD-`, coordinator)).json().items).toEqual([]);
  });

  it('exports only what the caller may see, without dates of birth or equity answers, and logs each row', async () => {
    const res = await get(`${url}/students.csv`, employer);
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(header);
    // The seven seen at the start, and the adult who shared with Snap above.
    expect(lines).toHaveLength(9);
    expect(lines.some((l) => l.includes(',No,Birthday,'))).toBe(true);
    expect(res.body).not.toContain('Ethan');
    const log = await accessLog(ids.Kevin!);
    expect(log[0]).toMatchObject({ actorName: 'Jordan Rivera', route: 'GET /students.csv', reason: 'export' });
  });
});
