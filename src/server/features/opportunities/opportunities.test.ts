import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let student: Session;
let outsider: Session;
const url = '/api/v1/coalitions/la-tech';
const base = `${url}/opportunities`;
const orgs: Record<string, string> = {};

async function orgId(name: string) {
  const res = await t.request({ method: 'GET', url: `${url}/organizations?q=${encodeURIComponent(name)}`, as: coordinator });
  return res.json().items[0].id as string;
}

async function importCsv(kind: string, csv: string) {
  const res = await t.request({ method: 'POST', url: `${url}/imports/${kind}`, as: coordinator, headers: { 'content-type': 'text/csv' }, payload: csv });
  expect(res.statusCode).toBe(202);
  await t.runJobs();
  return (await t.request({ method: 'GET', url: `${url}/imports/${res.json().id}`, as: coordinator })).json();
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  orgs.snap = await orgId('Snap');
  orgs.aws = await orgId('Amazon Web Services');
  orgs.pierce = await orgId('Pierce');
});
afterAll(() => t?.close());

describe('opportunities', () => {
  it('lists the seeded opportunities of every kind the paper names, searchable by title and external id', async () => {
    const res = await t.request({ method: 'GET', url: `${base}?limit=200`, as: student });
    expect(res.statusCode).toBe(200);
    const kinds = new Set(res.json().items.map((o: { kind: string }) => o.kind));
    expect([...kinds].sort()).toEqual(['apprenticeship', 'boot_camp', 'classroom_engagement', 'faculty_externship', 'hard_skill_wbl', 'internship', 'soft_skill_wbl']);
    const snap = (await t.request({ method: 'GET', url: `${base}?q=design%20competition`, as: student })).json().items;
    expect(snap).toHaveLength(1);
    expect(snap[0]).toMatchObject({ kind: 'classroom_engagement', employerName: 'Snap Inc.', institutionName: 'Pierce College', hoursPerWeek: 4, status: 'completed' });
    const byExternalId = (await t.request({ method: 'GET', url: `${base}?q=demo-opportunity-jpl`, as: student })).json().items;
    expect(byExternalId.map((o: { externalId: string }) => o.externalId)).toEqual(['demo-opportunity-jpl-intern']);
    const internships = (await t.request({ method: 'GET', url: `${base}?kind=internship&status=open`, as: student })).json().items;
    expect(internships.map((o: { employerName: string }) => o.employerName).sort()).toEqual(['NASA Jet Propulsion Laboratory', 'Snap Inc.']);
  });

  it('filters the board by pay, pathway and skill (any case), and searches descriptions', async () => {
    const titles = async (qs: string) => (await t.request({ method: 'GET', url: `${base}?limit=200&${qs}`, as: student })).json().items.map((o: { title: string }) => o.title).sort();
    expect(await titles('compensation=stipend')).toEqual(['AWS cloud faculty externship']);
    expect(await titles('pathway=cloud%20computing&compensation=paid')).toEqual(['Cloud support apprenticeship', 'Tech Talent Challenge: cloud support intern']);
    expect(await titles('skill=matlab')).toEqual(['Tech Talent Challenge: data science intern']);
    expect(await titles('skill=python&kind=internship')).toEqual(['Tech Talent Challenge: data science intern', 'Tech Talent Challenge: software engineering intern']);
    expect(await titles('q=Bixel%20Exchange')).toEqual(['Tech Talent Challenge: software engineering intern']);
    expect(await titles('skill=no-such-skill')).toEqual([]);
    expect((await t.request({ method: 'GET', url: `${base}?compensation=free`, as: student })).statusCode).toBe(400);
  });

  it('publishes internships and jobs as schema.org JobPosting JSON-LD, also publicly, and nothing else', async () => {
    const [intern] = (await t.request({ method: 'GET', url: `${base}?q=software%20engineering%20intern`, as: student })).json().items;
    expect(intern.jobPosting).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Tech Talent Challenge: software engineering intern',
      employmentType: 'INTERN',
      hiringOrganization: { '@type': 'Organization', name: 'Snap Inc.', sameAs: 'https://snap.com' },
      baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', value: 25, unitText: 'HOUR' } },
      totalJobOpenings: 5,
    });
    expect(intern.jobPosting.skills).toContain('Python');
    expect(intern.jobPosting.validThrough).toBe(`${intern.applicationDeadline}T23:59:59`);
    const open = await t.request({ method: 'GET', url: `/api/v1/public/coalitions/la-tech/opportunities/${intern.id}/job-posting` });
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toContain('application/ld+json');
    expect(open.json()).toEqual(intern.jobPosting);
    const [workshop] = (await t.request({ method: 'GET', url: `${base}?q=public%20speaking`, as: student })).json().items;
    expect(workshop.jobPosting).toBeNull();
    expect((await t.request({ method: 'GET', url: `/api/v1/public/coalitions/la-tech/opportunities/${workshop.id}/job-posting` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/public/coalitions/bay-tech/opportunities/${intern.id}/job-posting` })).statusCode).toBe(404);
  });

  it('lets an employer publish for itself, with weighted skills by name, and audits every write', async () => {
    const created = await t.request({
      method: 'POST',
      url: base,
      as: employer,
      payload: { employerId: orgs.snap, kind: 'job', title: 'Junior web developer', skills: ['JavaScript', { name: 'React', importance: 5 }, 'Accessibility Auditing'], startsOn: '2030-01-05', endsOn: '2030-12-31', seats: 2, compensation: 'paid', payAmount: 38, payUnit: 'hour', hoursPerWeek: 20, externalId: 'SNAP-JOB-1' },
    });
    expect(created.statusCode).toBe(201);
    const job = created.json();
    expect(job.skills).toEqual([
      { id: 'tech:react', name: 'React', importance: 5 },
      { id: 'skill:accessibility-auditing', name: 'Accessibility Auditing', importance: 3 },
      { id: 'tech:javascript', name: 'JavaScript', importance: 3 },
    ]);
    expect(job.jobPosting).toMatchObject({ employmentType: 'PART_TIME' });
    const patched = await t.request({ method: 'PATCH', url: `${base}/${job.id}`, as: employer, payload: { seats: 3, skills: ['javascript'] } });
    expect(patched.json()).toMatchObject({ seats: 3, skills: [{ name: 'JavaScript', importance: 3 }] });
    const audit = (await t.request({ method: 'GET', url: `${url}/audit-log?entityId=${job.id}`, as: coordinator })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit[0].changes.seats).toEqual({ from: 2, to: 3 });
    // Not for another employer, and not by moving it there.
    expect((await t.request({ method: 'POST', url: base, as: employer, payload: { employerId: orgs.aws, kind: 'job', title: 'Not mine' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${base}/${job.id}`, as: employer, payload: { employerId: orgs.aws } })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${base}/${job.id}`, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${base}/${job.id}`, as: employer })).statusCode).toBe(204);
  });

  it('keeps drafts to the host and the Coordinator', async () => {
    const draft = (await t.request({ method: 'POST', url: base, as: employer, payload: { employerId: orgs.snap, kind: 'internship', title: 'Draft internship', status: 'draft' } })).json();
    expect((await t.request({ method: 'GET', url: `${base}/${draft.id}`, as: employer })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `${base}/${draft.id}`, as: coordinator })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `${base}/${draft.id}`, as: student })).statusCode).toBe(404);
    const listed = (await t.request({ method: 'GET', url: `${base}?q=Draft`, as: student })).json().items;
    expect(listed).toEqual([]);
  });

  it('rejects bad input with a 422 naming the field, and writes nothing', async () => {
    const count = async () => (await t.request({ method: 'GET', url: `${base}?limit=200`, as: coordinator })).json().items.length;
    const before = await count();
    const bad = await t.request({ method: 'POST', url: base, as: coordinator, payload: { employerId: orgs.snap, kind: 'hackathon', title: '', seats: -1 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['kind', 'title', 'seats']));
    const dates = await t.request({ method: 'POST', url: base, as: coordinator, payload: { employerId: orgs.snap, kind: 'internship', title: 'Backwards', startsOn: '2030-06-01', endsOn: '2030-05-01' } });
    expect(dates.statusCode).toBe(422);
    expect(dates.json().errors).toEqual([{ path: 'endsOn', message: 'Ends before it starts' }]);
    const school = await t.request({ method: 'POST', url: base, as: coordinator, payload: { employerId: orgs.snap, kind: 'internship', title: 'At a bank', institutionId: orgs.aws } });
    expect(school.json().errors[0].path).toBe('institutionId');
    const twice = await t.request({ method: 'POST', url: base, as: coordinator, payload: { employerId: orgs.snap, kind: 'internship', title: 'Twice', skills: ['Python', 'python'] } });
    expect(twice.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it('refuses to delete an opportunity students applied to', async () => {
    const [aws] = (await t.request({ method: 'GET', url: `${base}?q=cloud%20support%20intern`, as: coordinator })).json().items;
    const res = await t.request({ method: 'DELETE', url: `${base}/${aws.id}`, as: coordinator });
    expect(res.statusCode).toBe(409);
    expect(aws.seatsFilled).toBe(2);
  });

  it("hides another coalition's opportunities as 404", async () => {
    const [any] = (await t.request({ method: 'GET', url: base, as: coordinator })).json().items;
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/opportunities/${any.id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/coalitions/bay-tech/opportunities/${any.id}`, as: outsider, payload: { title: 'Hijacked' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: base, as: outsider })).statusCode).toBe(404);
  });
});

describe('opportunity import and export', () => {
  const header = 'external_id,employer,kind,title,skills,starts_on,ends_on,seats';

  it('imports all rows, re-importing the same external_id updates and never duplicates', async () => {
    const csv = `${header},pathway,audiences\r\nOPP-1,Snap Inc.,internship,Mobile intern,Swift;Git:5,2031-06-01,2031-08-31,3,Software & Systems Development,college;university\r\nOPP-2,Amazon Web Services,boot_camp,Cloud boot camp,Cloud Computing,2031-01-10,2031-03-10,25,,\r\n`;
    const first = await importCsv('opportunities', csv);
    expect(first).toMatchObject({ status: 'succeeded', errors: [], result: { created: 2, updated: 0 } });
    const again = await importCsv('opportunities', csv);
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = await importCsv('opportunities', csv.replace('Mobile intern', 'Mobile engineering intern').replace('Cloud Computing,', 'Cloud Computing;Linux,'));
    expect(changed.result).toMatchObject({ created: 0, updated: 2 });
    const [mobile] = (await t.request({ method: 'GET', url: `${base}?q=OPP-1`, as: coordinator })).json().items;
    expect(mobile).toMatchObject({ externalId: 'OPP-1', title: 'Mobile engineering intern', employerName: 'Snap Inc.', seats: 3, audiences: ['college', 'university'], startsOn: '2031-06-01' });
    expect(mobile.skills).toEqual([expect.objectContaining({ name: 'Git', importance: 5 }), expect.objectContaining({ name: 'Swift', importance: 3 })]);
    expect((await t.request({ method: 'GET', url: `${base}?q=OPP-`, as: coordinator })).json().items).toHaveLength(2);
  });

  it('names every bad row and writes nothing', async () => {
    const csv = `${header}\nBAD-1,Nobody Corp,internship,X,,2031-01-01,2031-02-01,1\nBAD-2,Snap Inc.,hackathon,Y,,2031-13-01,2031-02-01,many\nBAD-3,Snap Inc.,job,,,,,\nBAD-3,Snap Inc.,job,Z,,,,\n`;
    const status = await importCsv('opportunities', csv);
    expect(status.status).toBe('failed');
    expect(status.errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'employer', message: 'No organization named "Nobody Corp" in this coalition' },
        expect.objectContaining({ row: 3, column: 'kind' }),
        expect.objectContaining({ row: 3, column: 'starts_on' }),
        expect.objectContaining({ row: 3, column: 'seats' }),
        { row: 4, column: 'title', message: 'Required' },
      ]),
    );
    expect((await t.request({ method: 'GET', url: `${base}?q=BAD-`, as: coordinator })).json().items).toEqual([]);
  });

  it('is the Coordinator’s (and the Council’s) to import', async () => {
    const res = await t.request({ method: 'POST', url: `${url}/imports/opportunities`, as: employer, headers: { 'content-type': 'text/csv' }, payload: `${header}\n` });
    expect(res.statusCode).toBe(403);
  });

  it('exports what the caller sees, in the import’s columns, and the export imports back unchanged', async () => {
    const res = await t.request({ method: 'GET', url: `${url}/opportunities.csv`, as: coordinator });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]!.startsWith(header)).toBe(true);
    expect(lines.some((l) => l.startsWith('OPP-1,Snap Inc.,internship,Mobile engineering intern,Git:5;Swift,2031-06-01,2031-08-31,3'))).toBe(true);
    const imported = lines.filter((l, i) => i === 0 || l.startsWith('OPP-') || l.startsWith('demo-'));
    const again = await importCsv('opportunities', imported.join('\r\n') + '\r\n');
    expect(again).toMatchObject({ status: 'succeeded', result: { created: 0, updated: 0 } });
  });
});
