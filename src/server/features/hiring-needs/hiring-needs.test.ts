import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let educator: Session;
const la = '/api/v1/coalitions/la-tech';
const base = `${la}/hiring-needs`;
const ids: Record<string, string> = {};

type Need = { id: string; title: string; employerName: string; skills: string[]; skillRequirements: { name: string; weight: number; importance: string; level: string | null }[]; flags: { code: string; message: string }[]; degreeRequired: boolean };
const needs = async (query = '') => (await t.request({ method: 'GET', url: `${base}?limit=200${query}`, as: coordinator })).json().items as Need[];
const byTitle = async (title: string) => (await needs(`&q=${encodeURIComponent(title)}`)).find((n) => n.title === title)!;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  for (const [key, q] of [['snap', 'Snap'], ['aws', 'Amazon'], ['pierce', 'Pierce']] as const) {
    ids[key] = (await t.request({ method: 'GET', url: `${la}/organizations?q=${q}`, as: coordinator })).json().items[0].id;
  }
});
afterAll(() => t?.close());

describe('hiring needs', () => {
  it('lists the seeded needs of the paper’s employers, searchable and filterable', async () => {
    const all = await needs();
    expect(all.map((n) => n.employerName)).toEqual(expect.arrayContaining(['Snap Inc.', 'Amazon Web Services', 'The Walt Disney Company', 'NASA Jet Propulsion Laboratory']));
    expect((await needs('&q=cloud%20support')).map((n) => n.title)).toEqual(['Cloud Support Associate']);
    expect((await needs(`&employerId=${ids.snap}`)).map((n) => n.title)).toEqual(['Associate Software Engineer', 'Product Designer']);
    expect((await needs('&skillId=tech%3Apython')).map((n) => n.title).sort()).toEqual(['Associate Software Engineer', 'Flight Software Engineer']);
    const page = (await t.request({ method: 'GET', url: `${base}?limit=2`, as: coordinator })).json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('flags a degree requirement the skills do not call for, and only then', async () => {
    const swe = await byTitle('Associate Software Engineer');
    expect(swe.flags.map((f) => f.code)).toEqual(['degree_not_called_for', 'degree_for_entry_skills']);
    expect(swe.flags[0]!.message).toContain('Coding Boot Camp (Santa Monica College)');
    const architect = await byTitle('Associate Solutions Architect');
    expect(architect.flags.map((f) => f.code)).not.toContain('degree_not_called_for');
    const designer = await byTitle('Product Designer');
    expect(designer.flags).toEqual([]);
    // Widening the aperture clears it.
    const res = await t.request({ method: 'PATCH', url: `${base}/${swe.id}`, as: employer, payload: { degreeRequired: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json().flags).toEqual([]);
  });

  it('creates with skill names, levels and importance; weighs demand by positions', async () => {
    const res = await t.request({
      method: 'POST',
      url: base,
      as: employer,
      payload: {
        employerId: ids.snap,
        soc: '15-1132',
        title: 'AR Engineer',
        positions: 6,
        skills: [{ name: 'python', level: 'advanced' }, { name: 'Speaking', importance: 'preferred' }, 'Computer Vision'],
        degreeRequired: true,
        recruitingCalendar: [{ kind: 'hiring_season', startsOn: '2027-02-01', endsOn: '2027-03-31' }],
      },
    });
    expect(res.statusCode).toBe(201);
    const need = res.json();
    expect(need.skills).toEqual(['Python', 'Speaking', 'Computer Vision']);
    expect(need.skillRequirements.map((s: Need['skillRequirements'][number]) => [s.name, s.level, s.importance, s.weight])).toEqual([
      ['Python', 'advanced', 'required', 6],
      ['Speaking', null, 'preferred', 3],
      ['Computer Vision', null, 'required', 6],
    ]);
    // A SOC 2010 code is kept as given, and flagged with its SOC 2018 successors.
    expect(need.flags.find((f: { code: string }) => f.code === 'soc_2010').message).toContain('15-1252 Software Developers or 15-1253');
    expect(need.recruitingCalendar).toEqual([{ kind: 'hiring_season', label: null, startsOn: '2027-02-01', endsOn: '2027-03-31' }]);
    // A skill no reference data has is kept, and offered in this coalition's skill search.
    const found = (await t.request({ method: 'GET', url: `${la}/skills?q=computer%20vis`, as: educator })).json();
    expect(found.items.map((s: { name: string }) => s.name)).toEqual(['Computer Vision']);
    const audit = (await t.request({ method: 'GET', url: `${la}/audit-log?entityId=${need.id}`, as: coordinator })).json();
    expect(audit.items[0]).toMatchObject({ action: 'create', entityType: 'hiring_need' });
  });

  it('rejects bad input naming each field, and writes nothing', async () => {
    const before = (await needs()).length;
    const bad = await t.request({ method: 'POST', url: base, as: coordinator, payload: { employerId: ids.snap, soc: '151252', title: '', positions: 0, skills: ['Python', 'python'], degreeRequired: 'yes' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['soc', 'title', 'positions', 'skills', 'degreeRequired']));
    const notEmployer = await t.request({ method: 'POST', url: base, as: coordinator, payload: { employerId: ids.pierce, soc: '15-1252', title: 'X', positions: 1, skills: [], degreeRequired: false } });
    expect(notEmployer.statusCode).toBe(422);
    expect(notEmployer.json().errors).toEqual([{ path: 'employerId', message: 'Pierce College is not an employer' }]);
    const window = await t.request({ method: 'POST', url: base, as: coordinator, payload: { employerId: ids.snap, soc: '15-1252', title: 'X', positions: 1, skills: [], degreeRequired: false, recruitingCalendar: [{ kind: 'hiring_season', startsOn: '2027-03-01', endsOn: '2027-01-01' }] } });
    expect(window.statusCode).toBe(422);
    expect(window.json().errors[0].path).toBe('recruitingCalendar.0.endsOn');
    expect((await needs()).length).toBe(before);
  });

  it('lets an employer manage only its own organization’s needs', async () => {
    const forAws = await t.request({ method: 'POST', url: base, as: employer, payload: { employerId: ids.aws, soc: '15-1252', title: 'Not mine', positions: 1, skills: [], degreeRequired: false } });
    expect(forAws.statusCode).toBe(403);
    const aws = await byTitle('Cloud Support Associate');
    expect((await t.request({ method: 'PATCH', url: `${base}/${aws.id}`, as: employer, payload: { positions: 1 } })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${base}/${aws.id}`, as: employer })).statusCode).toBe(403);
    const own = await byTitle('Product Designer');
    expect((await t.request({ method: 'PATCH', url: `${base}/${own.id}`, as: employer, payload: { employerId: ids.aws } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${base}/${aws.id}`, as: coordinator, payload: { positions: 21 } })).json().positions).toBe(21);
    expect((await t.request({ method: 'POST', url: base, as: educator, payload: { employerId: ids.snap, soc: '15-1252', title: 'X', positions: 1, skills: [], degreeRequired: false } })).statusCode).toBe(403);
  });

  it('gives the employer’s profile of a qualified candidate', async () => {
    const profile = (await t.request({ method: 'GET', url: `${base}/profiles/${ids.aws}`, as: educator })).json();
    expect(profile).toMatchObject({ employerName: 'Amazon Web Services', needs: 2 });
    const cloud = profile.hardSkills.find((s: { name: string }) => s.name === 'Cloud Computing');
    // Weighed across both needs (21 + 6 positions), at the highest level asked.
    expect(cloud).toMatchObject({ level: 'advanced', weight: 27 });
    expect(cloud.needIds).toHaveLength(2);
    expect(profile.hardSkills[0].weight).toBeGreaterThanOrEqual(profile.hardSkills[1].weight);
    expect(profile.softSkills.map((s: { name: string }) => s.name)).toContain('Speaking');
    expect(profile.recruitingCalendar[0]).toMatchObject({ kind: 'hiring_season', title: 'Cloud Support Associate' });
    expect(profile.degreeRequiredPositions).toBe(profile.positions);
  });

  it('exports CSV as an attachment, with formula cells neutralised', async () => {
    await t.request({ method: 'POST', url: base, as: coordinator, payload: { employerId: ids.snap, soc: '15-1252', title: '=HYPERLINK("http://evil")', positions: 1, skills: ['Git'], degreeRequired: false } });
    const res = await t.request({ method: 'GET', url: `${base}.csv`, as: coordinator });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="hiring-needs.csv"');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('id,external_id,employer,soc,soc_title,title,level,positions,location,workplace,degree_required,degree_level,hard_skills,soft_skills,recruiting_calendar,flags');
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines.some((l) => l.includes('Cloud Support Associate') && l.includes('Cloud Computing / intermediate'))).toBe(true);
    // The same filters as the list: the file holds what the page shows.
    const list = (await t.request({ method: 'GET', url: `${base}?q=Cloud&limit=200`, as: coordinator })).json().items as { id: string }[];
    const filtered = (await t.request({ method: 'GET', url: `${base}.csv?q=Cloud`, as: coordinator })).body.trim().split('\r\n').slice(1);
    expect(list.length).toBeGreaterThan(0);
    expect(filtered.map((l) => l.split(',')[0]).sort()).toEqual(list.map((n) => n.id).sort());
    expect(filtered.length).toBeLessThan(lines.filter((l) => l !== '').length - 1);
  });

  it('imports needs from a CSV file, all or nothing; re-importing the same external_id updates', async () => {
    const importFile = async (csv: string) => {
      const started = await t.request({ method: 'POST', url: `${la}/imports/hiring-needs`, as: coordinator, payload: csv, headers: { 'content-type': 'text/csv' } });
      expect(started.statusCode).toBe(202);
      await t.runJobs();
      return (await t.request({ method: 'GET', url: `${la}/imports/${started.json().id}`, as: coordinator })).json();
    };
    const csv = 'external_id,employer,soc,title,positions,skills,degree_required,level,workplace\nats-1,Snap Inc.,15-1253,QA Analyst,3,Python;Quality Control Analysis;Test Automation,no,entry,hybrid\n';
    expect(await importFile(csv)).toMatchObject({ status: 'succeeded', processed: 1 });
    const imported = await byTitle('QA Analyst');
    expect(imported).toMatchObject({ skills: ['Python', 'Quality Control Analysis', 'Test Automation'], degreeRequired: false });
    expect(await importFile(csv.replace(',3,', ',4,'))).toMatchObject({ status: 'succeeded' });
    expect((await needs('&q=QA%20Analyst')).map((n) => (n as unknown as { positions: number }).positions)).toEqual([4]);
    const bad = await importFile('employer,soc,title,positions,degree_required\nNowhere Inc.,15-1253,X,1,no\nPierce College,1512,Y,0,maybe\n');
    expect(bad.status).toBe('failed');
    expect(bad.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['2:employer', '3:employer', '3:soc', '3:positions', '3:degree_required']);
    expect(await needs('&q=Nowhere')).toEqual([]);
    expect((await t.request({ method: 'POST', url: `${la}/imports/hiring-needs`, as: employer, payload: csv, headers: { 'content-type': 'text/csv' } })).statusCode).toBe(403);
  });

  it('deletes a need, and the gap forgets it', async () => {
    const need = (await t.request({ method: 'POST', url: base, as: employer, payload: { employerId: ids.snap, soc: '15-1252', title: 'Short-lived', positions: 9, skills: ['Quantum Annealing'], degreeRequired: false } })).json();
    const gap = async () => (await t.request({ method: 'GET', url: `${la}/alignment/skills?q=quantum`, as: employer })).json().items;
    expect((await gap())[0]).toMatchObject({ demand: 9, gap: 9 });
    expect((await t.request({ method: 'DELETE', url: `${base}/${need.id}`, as: employer })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `${base}/${need.id}`, as: employer })).statusCode).toBe(404);
    expect(await gap()).toEqual([]);
  });
});
