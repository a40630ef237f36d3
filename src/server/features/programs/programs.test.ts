import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let educator: Session;
let student: Session;
const la = '/api/v1/coalitions/la-tech';
const ids: Record<string, string> = {};

type Program = { id: string; title: string; institutionName: string; awardLevel: string; pathway: string | null; cip: string | null; partners: { name: string }[]; courses: { id: string; title: string; skills: string[]; annualEnrollment: number }[]; occupations: { soc: string }[]; latestOutcome: { year: number; enrollment: number; completions: number; source: string } | null };
const programs = async (query = '') => (await t.request({ method: 'GET', url: `${la}/programs?limit=200${query}`, as: student })).json().items as Program[];

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  for (const [key, q] of [['smc', 'Santa Monica'], ['pierce', 'Pierce'], ['snap', 'Snap']] as const) {
    ids[key] = (await t.request({ method: 'GET', url: `${la}/organizations?q=${q}`, as: coordinator })).json().items[0].id;
  }
});
afterAll(() => t?.close());

describe('programs and courses', () => {
  it('seeds the paper’s programs: the AWS certificate, the boot camps, the design program, LA HI-TECH’s pathways', async () => {
    const all = await programs();
    const aws = all.find((p) => p.title === 'AWS Cloud Computing Certificate')!;
    expect(aws).toMatchObject({ institutionName: 'Santa Monica College', awardLevel: 'certificate', cip: '11.0902', partners: [{ name: 'Amazon Web Services' }] });
    expect(aws.courses.map((c) => c.title)).toEqual(['Computer Engineering', 'Database Essentials', 'Security']);
    expect(aws.occupations.map((o) => o.soc)).toContain('15-1241');
    expect(aws.latestOutcome).toMatchObject({ year: 2018, source: expect.stringContaining('Illustrative') });
    expect(all.filter((p) => p.title === 'Coding Boot Camp').map((p) => p.institutionName).sort()).toEqual(['Pierce College', 'Santa Monica College']);
    expect(all.find((p) => p.title === 'Design and Media Arts')?.institutionName).toBe('Pierce College');
    const pathways = await programs('&awardLevel=k12_pathway');
    expect(pathways.map((p) => p.pathway).sort()).toEqual(['Design, Visual and Media Arts', 'Information Support and Services', 'Software Systems and Development']);
    expect((await programs('&q=software%20systems')).map((p) => p.pathway)).toEqual(['Software Systems and Development']);
    expect((await programs('&skillId=tech%3Afigma')).map((p) => p.title)).toEqual(['Design and Media Arts']);
    expect((await programs(`&institutionId=${ids.smc}`)).map((p) => p.title)).toEqual(['AWS Cloud Computing Certificate', 'Coding Boot Camp']);
  });

  it('lets institution staff manage their own institution’s programs and courses, and only theirs', async () => {
    const created = await t.request({
      method: 'POST',
      url: `${la}/programs`,
      as: educator,
      payload: {
        institutionId: ids.pierce,
        title: 'Cybersecurity Certificate',
        cip: '11.1003',
        awardLevel: 'certificate',
        techFocused: true,
        partnerIds: [ids.snap],
        outcomes: [{ year: 2025, enrollment: 30, completions: 20 }, { year: 2026, enrollment: 36, completions: 25 }],
        courses: [{ title: 'Network Defense', annualEnrollment: 30, skills: ['Cybersecurity', 'Wireshark'] }],
      },
    });
    expect(created.statusCode).toBe(201);
    const program = created.json();
    expect(program).toMatchObject({ partners: [{ name: 'Snap Inc.' }], latestOutcome: { year: 2026, completions: 25 }, skills: ['Cybersecurity', 'Wireshark'] });
    const forSmc = await t.request({ method: 'POST', url: `${la}/programs`, as: educator, payload: { institutionId: ids.smc, title: 'Not ours', awardLevel: 'certificate' } });
    expect(forSmc.statusCode).toBe(403);
    const smcProgram = (await programs(`&institutionId=${ids.smc}`))[0]!;
    expect((await t.request({ method: 'POST', url: `${la}/programs/${smcProgram.id}/courses`, as: educator, payload: { title: 'Sneaky' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${la}/courses/${smcProgram.courses[0]!.id}`, as: educator, payload: { annualEnrollment: 1 } })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `${la}/programs`, as: student, payload: { institutionId: ids.smc, title: 'Nope', awardLevel: 'certificate' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${la}/programs/${program.id}`, as: educator })).statusCode).toBe(204);
  });

  it('rejects bad input naming each field', async () => {
    const res = await t.request({ method: 'POST', url: `${la}/programs`, as: coordinator, payload: { institutionId: ids.pierce, title: 'X', cip: '11-0701', awardLevel: 'phd', outcomes: [{ year: 2020 }, { year: 2020 }] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['cip', 'awardLevel', 'outcomes']));
    const employer = await t.request({ method: 'POST', url: `${la}/programs`, as: coordinator, payload: { institutionId: ids.snap, title: 'X', awardLevel: 'boot_camp' } });
    expect(employer.statusCode).toBe(422);
    expect(employer.json().errors[0].path).toBe('institutionId');
  });

  it('versions a course’s skills on every change', async () => {
    const course = (await t.request({ method: 'GET', url: `${la}/courses?q=Web%20Design`, as: educator })).json().items[0];
    expect(course).toMatchObject({ institutionName: 'Pierce College', skillsVersion: 1 });
    const res = await t.request({ method: 'PATCH', url: `${la}/courses/${course.id}`, as: educator, payload: { skills: ['Web Development', 'Hypertext markup language HTML', 'Cascading style sheets CSS', 'JavaScript'], note: 'UX moved to Digital Media Design' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ skillsVersion: 2 });
    const versions = (await t.request({ method: 'GET', url: `${la}/courses/${course.id}/versions`, as: student })).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ added: ['JavaScript'], removed: ['UX/UI Design'], note: 'UX moved to Digital Media Design', changedBy: { name: 'Alicia Gómez' }, proposal: null });
    // Other fields change the course, not its skills' version.
    expect((await t.request({ method: 'PATCH', url: `${la}/courses/${course.id}`, as: educator, payload: { annualEnrollment: 58 } })).json()).toMatchObject({ annualEnrollment: 58, skillsVersion: 2 });
  });

  it('keeps a course a curriculum proposal concerns', async () => {
    const proposal = (await t.request({ method: 'GET', url: `${la}/curriculum-proposals`, as: educator })).json().items[0];
    expect((await t.request({ method: 'DELETE', url: `${la}/courses/${proposal.courseId}`, as: educator })).statusCode).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `${la}/programs/${proposal.course.programId}`, as: coordinator })).statusCode).toBe(409);
  });

  it('exports programs as CSV, a row per course', async () => {
    const res = await t.request({ method: 'GET', url: `${la}/programs.csv?awardLevel=certificate`, as: student });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="programs.csv"');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['program_id', 'external_id', 'institution', 'program']);
    expect(lines.filter((l) => l.includes('AWS Cloud Computing Certificate'))).toHaveLength(3);
    expect(res.body).toContain('Computer Engineering,35,Amazon Web Services AWS software;Cloud Computing;Computer Networking;Linux;Troubleshooting');
  });
});
