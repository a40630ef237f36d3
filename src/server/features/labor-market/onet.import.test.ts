import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { count, expectIdempotent, expectRejected, fixture, query, realFile, tsvRows } from './fixtures/import-harness.js';
import { technologyId } from './onet.import.js';

let t: TestApp;
let coordinator: Session;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
});
afterAll(() => t?.close());

describe('onet-occupations import', () => {
  it('imports O*NET occupations with their SOC 2018 code (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'onet-occupations', fixture('onet-occupations.good.txt'), ['onet_occupations', 'reference_datasets']);
    expect(first.result).toMatchObject({ created: 3, updated: 0 });
    const rows = await query(t, sql`select onet_code, soc, title, description from onet_occupations where soc like '99-%' order by onet_code`);
    expect(rows).toEqual([
      { onet_code: '99-9001.00', soc: '99-9001', title: 'Fixture Analysts', description: 'Analyze fixtures. Write "quoted" words, too.' },
      { onet_code: '99-9001.01', soc: '99-9001', title: 'Fixture Analysts, Specialty', description: null },
      { onet_code: '99-9002.00', soc: '99-9002', title: 'Fixture Testers', description: 'Test fixtures.' },
    ]);
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'onet-occupations',
      'onet-occupations.bad.txt',
      [
        { row: 3, column: 'o*net-soc code', message: 'Not an O*NET-SOC code (NN-NNNN.NN): "99-9001"' },
        { row: 4, column: 'title', message: 'Required' },
        { row: 5, column: null, message: expect.stringContaining('Same key as row 2') },
        { row: 6, column: 'o*net-soc code', message: 'Required' },
      ],
      ['onet_occupations', 'reference_datasets'],
    );
  });

  it('imports the real Occupation Data.txt (CRLF, 1,016 occupations); importing it again (LF) changes nothing', async () => {
    const file = realFile('onet/Occupation Data.txt');
    expect(file.includes('\r\n')).toBe(true);
    const rows = tsvRows(file);
    const { first } = await expectIdempotent(t, coordinator, 'onet-occupations', file, ['onet_occupations', 'reference_datasets']);
    expect(first).toMatchObject({ processed: 1016, result: { created: 1016, updated: 0 } });
    const developers = rows.find((r) => r['O*NET-SOC Code'] === '15-1252.00')!;
    const [stored] = await query(t, sql`select soc, title, description, dataset_key from onet_occupations where onet_code = '15-1252.00'`);
    expect(stored).toEqual({ soc: '15-1252', title: 'Software Developers', description: developers.Description, dataset_key: 'onet-occupations' });
    expect(await count(t, sql`select count(*) from onet_occupations where soc not like '99-%'`)).toBe(1016);
  });
});

describe('onet-job-zones import', () => {
  it('sets job zones on loaded occupations (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'onet-job-zones', fixture('onet-job-zones.good.txt'), ['onet_occupations', 'reference_datasets']);
    expect(first.result).toMatchObject({ created: 0, updated: 2 });
    expect(await query(t, sql`select onet_code, job_zone from onet_occupations where soc like '99-%' order by onet_code`)).toEqual([
      { onet_code: '99-9001.00', job_zone: 4 },
      { onet_code: '99-9001.01', job_zone: null },
      { onet_code: '99-9002.00', job_zone: 2 },
    ]);
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'onet-job-zones',
      'onet-job-zones.bad.txt',
      [
        { row: 3, column: 'o*net-soc code', message: 'O*NET occupation 99-9999.00 is not loaded: import Occupation Data first' },
        { row: 4, column: 'job zone', message: 'Must be a whole number from 1 to 5, not "6"' },
        { row: 5, column: 'job zone', message: 'Must be a whole number from 1 to 5, not "x"' },
        { row: 6, column: null, message: expect.stringContaining('Same key as row 2') },
        { row: 7, column: 'o*net-soc code', message: expect.stringContaining('Not an O*NET-SOC code') },
      ],
      ['onet_occupations'],
    );
  });

  it('imports the real Job Zones.txt: every zone as the file gives it; importing it again changes nothing', async () => {
    const file = realFile('onet/Job Zones.txt');
    const rows = tsvRows(file);
    const { first } = await expectIdempotent(t, coordinator, 'onet-job-zones', file, ['onet_occupations', 'reference_datasets']);
    expect(first).toMatchObject({ processed: rows.length, result: { created: 0, updated: rows.length } });
    const stored = new Map((await query<{ onet_code: string; job_zone: number }>(t, sql`select onet_code, job_zone from onet_occupations where job_zone is not null`)).map((r) => [r.onet_code, r.job_zone]));
    expect(rows.filter((r) => stored.get(r['O*NET-SOC Code']!) !== Number(r['Job Zone']))).toEqual([]);
    const page = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/labor-market/occupations/15-1252', as: coordinator })).json();
    expect(page.jobZone).toBe(Number(rows.find((r) => r['O*NET-SOC Code'] === '15-1252.00')!['Job Zone']));
  });
});

describe('onet-technology-skills import', () => {
  const TABLES = ['skills', 'occupation_skills', 'reference_datasets'];

  it('keeps C, C++ and C# apart, merges into seeded technologies, ORs the flags of one SOC code (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'onet-technology-skills', fixture('onet-technology-skills.good.txt'), TABLES);
    // 6 skills (Python is the seeded one) and 6 occupation links.
    expect(first.result!.created + first.result!.updated).toBe(12);
    const links = await query(
      t,
      sql`select o.skill_id, s.name, s.kind, s.commodity_code, o.hot_technology, o.in_demand from occupation_skills o join skills s on s.id = o.skill_id
          where o.soc = '99-9001' order by o.skill_id`,
    );
    expect(links).toEqual([
      { skill_id: 'tech:c', name: 'C', kind: 'technology', commodity_code: '43232405', hot_technology: true, in_demand: false },
      { skill_id: 'tech:c-plus-plus', name: 'C++', kind: 'technology', commodity_code: '43232405', hot_technology: true, in_demand: true },
      { skill_id: 'tech:c-sharp', name: 'C#', kind: 'technology', commodity_code: '43232405', hot_technology: true, in_demand: false },
      // The first commodity code the file gives (row 7, of 99-9001.01), not the later one.
      { skill_id: 'tech:fixture-spreadsheet-tool', name: 'Fixture Spreadsheet Tool', kind: 'technology', commodity_code: '43232110', hot_technology: false, in_demand: false },
      // A soft skill is already called Mathematics.
      { skill_id: 'tech:mathematics-technology', name: 'Mathematics (technology)', kind: 'technology', commodity_code: '43232605', hot_technology: false, in_demand: false },
      // In demand for 99-9001.01 only: the occupation's.
      { skill_id: 'tech:python', name: 'Python', kind: 'technology', commodity_code: '43232405', hot_technology: true, in_demand: true },
    ]);
    expect(technologyId('Structured query language SQL')).toBe('tech:structured-query-language-sql');
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'onet-technology-skills',
      'onet-technology-skills.bad.txt',
      [
        { row: 3, column: 'commodity code', message: 'Not a UNSPSC commodity code (8 digits): "4323"' },
        { row: 4, column: 'hot technology', message: 'Must be Y or N, not "Yes"' },
        { row: 5, column: 'example', message: 'Required' },
        { row: 6, column: null, message: expect.stringContaining('Same key as row 2') },
        { row: 7, column: 'o*net-soc code', message: expect.stringContaining('Not an O*NET-SOC code') },
        { row: 7, column: 'in demand', message: 'Must be Y or N, not "maybe"' },
      ],
      TABLES,
    );
  });

  it('imports the real Technology Skills.txt (CRLF, 32,435 rows): every occupation’s technologies and flags as the file gives them; importing it again changes nothing', async () => {
    const file = realFile('onet/Technology Skills.txt');
    const rows = tsvRows(file);
    expect(rows).toHaveLength(32_435);
    // Expected: per SOC code and example, hot / in demand if so for any O*NET-SOC code of it.
    const expected = new Map<string, { hot: boolean; inDemand: boolean }>();
    for (const r of rows) {
      const key = `${r['O*NET-SOC Code']!.slice(0, 7)} ${r.Example!.toLowerCase()}`;
      const seen = expected.get(key) ?? { hot: false, inDemand: false };
      expected.set(key, { hot: seen.hot || r['Hot Technology'] === 'Y', inDemand: seen.inDemand || r['In Demand'] === 'Y' });
    }
    const { first, second } = await expectIdempotent(t, coordinator, 'onet-technology-skills', file, TABLES);
    expect(first.processed).toBe(32_435);
    expect(second.result).toMatchObject({ created: 0, updated: 0 });
    const stored = await query<{ soc: string; name: string; hot_technology: boolean; in_demand: boolean }>(
      t,
      sql`select o.soc, s.name, o.hot_technology, o.in_demand from occupation_skills o join skills s on s.id = o.skill_id
          where o.dataset_key = 'onet-technology-skills' and o.soc not like '99-%'`,
    );
    expect(stored).toHaveLength(expected.size);
    const wrong = stored.filter((r) => {
      const want = expected.get(`${r.soc} ${r.name.toLowerCase()}`);
      return !want || want.hot !== r.hot_technology || want.inDemand !== r.in_demand;
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    const examples = new Set(rows.map((r) => r.Example!.toLowerCase()));
    expect(await count(t, sql`select count(*) from skills where kind = 'technology' and dataset_key = 'onet-technology-skills' and lower(name) = any(${sql.param([...examples])}::text[])`)).toBe(examples.size);
    // C, C++ and C# are three skills; the seeded "Python" is the one O*NET's Python merges into.
    expect(await query(t, sql`select id, name from skills where name in ('C', 'C++', 'C#', 'Python') order by id`)).toEqual([
      { id: 'tech:c', name: 'C' },
      { id: 'tech:c-plus-plus', name: 'C++' },
      { id: 'tech:c-sharp', name: 'C#' },
      { id: 'tech:python', name: 'Python' },
    ]);
    const page = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/labor-market/occupations/15-1252', as: coordinator })).json();
    const python = rows.filter((r) => r['O*NET-SOC Code']!.startsWith('15-1252') && r.Example === 'Python');
    expect(page.skills.find((s: { name: string }) => s.name === 'Python')).toMatchObject({
      kind: 'technology',
      hotTechnology: python.some((r) => r['Hot Technology'] === 'Y'),
      inDemand: python.some((r) => r['In Demand'] === 'Y'),
      source: 'O*NET Technology Skills (Hot Technology, In Demand)',
    });
  }, 180_000);
});
