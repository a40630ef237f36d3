import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { count, expectIdempotent, expectRejected, fixture, query, realFile } from './fixtures/import-harness.js';

let t: TestApp;
let coordinator: Session;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
});
afterAll(() => t?.close());

/** A CSV the simple way (the SOC files quote titles with commas). */
function csvRows(buffer: Buffer): Record<string, string>[] {
  const parseLine = (line: string) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"'));
  const [header, ...lines] = buffer.toString('utf8').split(/\r?\n/).filter(Boolean);
  const names = parseLine(header!);
  return lines.map((line) => Object.fromEntries(parseLine(line).map((v, i) => [names[i]!, v])));
}

describe('soc-2018-structure import', () => {
  it('imports codes with their level (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'soc-2018-structure', fixture('soc-2018-structure.good.csv'), ['soc_codes', 'reference_datasets']);
    expect(first.result!.created + first.result!.updated + first.result!.unchanged).toBe(5);
    expect(await query(t, sql`select code, title, level from soc_codes where version = '2018' and dataset_key = 'soc-2018-structure' order by code`)).toEqual([
      { code: '15-0000', title: 'Computer and Mathematical Occupations', level: 'major' },
      { code: '15-1200', title: 'Computer Occupations', level: 'minor' },
      { code: '15-1250', title: 'Software and Web Developers, Programmers, and Testers', level: 'broad' },
      { code: '15-1252', title: 'Software Developers', level: 'detailed' },
      { code: '15-1253', title: 'Software Quality Assurance Analysts and Testers', level: 'detailed' },
    ]);
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'soc-2018-structure',
      'soc-2018-structure.bad.csv',
      [
        { row: 3, column: 'code', message: 'Not a SOC code (NN-NNNN): "15-1X00"' },
        { row: 4, column: 'title', message: 'Required' },
        { row: 5, column: 'level', message: 'Must be 2 (major), 3 (minor), 5 (broad) or 6 (detailed), not "4"' },
        { row: 6, column: null, message: expect.stringContaining('Same key as row 2') },
      ],
      ['soc_codes', 'reference_datasets'],
    );
  });

  it('imports the real soc2018_structure.csv (1,447 codes); importing it again changes nothing', async () => {
    const rows = csvRows(realFile('soc/soc2018_structure.csv'));
    const { first } = await expectIdempotent(t, coordinator, 'soc-2018-structure', realFile('soc/soc2018_structure.csv'), ['soc_codes', 'reference_datasets']);
    expect(first).toMatchObject({ processed: 1447 });
    expect(first.result!.created + first.result!.unchanged).toBe(1447);
    const levels = await query(t, sql`select level, count(*)::int as n from soc_codes where version = '2018' group by level order by level`);
    const inFile = (name: string) => rows.filter((r) => r.Hierarchical_structure === name).length;
    expect(levels).toEqual([
      { level: 'broad', n: inFile('Broad') },
      { level: 'detailed', n: inFile('Detailed') },
      { level: 'major', n: inFile('Major') },
      { level: 'minor', n: inFile('Minor') },
    ]);
    const stored = new Map((await query<{ code: string; title: string }>(t, sql`select code, title from soc_codes where version = '2018'`)).map((r) => [r.code, r.title]));
    expect(rows.filter((r) => stored.get(r.code!) !== r.title)).toEqual([]);
    expect(await count(t, sql`select rows from reference_datasets where key = 'soc-2018-structure'`)).toBe(1447);
  });
});

describe('soc-2010-structure import', () => {
  it('takes the level from Hierarchical_structure when there is no Level column (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'soc-2010-structure', fixture('soc-2010-structure.good.csv'), ['soc_codes']);
    expect(first.result!.created + first.result!.updated + first.result!.unchanged).toBe(5);
    expect(await query(t, sql`select code, level from soc_codes where version = '2010' and dataset_key = 'soc-2010-structure' order by code`)).toEqual([
      { code: '15-0000', level: 'major' },
      { code: '15-1100', level: 'minor' },
      { code: '15-1130', level: 'broad' },
      { code: '15-1132', level: 'detailed' },
      { code: '15-1133', level: 'detailed' },
    ]);
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'soc-2010-structure',
      'soc-2010-structure.bad.csv',
      [
        { row: 3, column: 'hierarchical_structure', message: 'Not a SOC level: "Subgroup"' },
        { row: 4, column: 'hierarchical_structure', message: 'Required' },
        { row: 5, column: 'code', message: 'Not a SOC code (NN-NNNN): "1511-32"' },
      ],
      ['soc_codes'],
    );
  });

  it('imports the real soc2010_structure.csv (1,425 codes); importing it again changes nothing', async () => {
    const rows = csvRows(realFile('soc/soc2010_structure.csv'));
    const { first } = await expectIdempotent(t, coordinator, 'soc-2010-structure', realFile('soc/soc2010_structure.csv'), ['soc_codes', 'reference_datasets']);
    expect(first).toMatchObject({ processed: 1425 });
    expect(first.result!.created + first.result!.unchanged).toBe(1425);
    const stored = new Map((await query<{ code: string; title: string; level: string }>(t, sql`select code, title, level from soc_codes where version = '2010'`)).map((r) => [r.code, r]));
    expect(stored.size).toBe(1425);
    expect(rows.filter((r) => stored.get(r.code!)?.title !== r.title)).toEqual([]);
    expect(stored.get('15-1132')).toEqual({ code: '15-1132', title: 'Software Developers, Applications', level: 'detailed' });
  });
});

describe('soc-crosswalk import', () => {
  it('strips the "(##)" marker from titles (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'soc-crosswalk', fixture('soc-crosswalk.good.csv'), ['soc_crosswalk']);
    // The seed has the paper's crosswalk rows: these become the imported file's.
    expect(first.result!.created + first.result!.updated).toBe(3);
    expect(await query(t, sql`select soc2010, soc2018, soc2018_title, dataset_key from soc_crosswalk where soc2010 = '15-1132' order by soc2018`)).toEqual([
      { soc2010: '15-1132', soc2018: '15-1252', soc2018_title: 'Software Developers', dataset_key: 'soc-crosswalk' },
      { soc2010: '15-1132', soc2018: '15-1253', soc2018_title: 'Software Quality Assurance Analysts and Testers', dataset_key: 'soc-crosswalk' },
    ]);
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'soc-crosswalk',
      'soc-crosswalk.bad.csv',
      [
        { row: 3, column: 'soc2010', message: 'Not a SOC code (NN-NNNN): "15-113"' },
        { row: 4, column: 'soc2010_title', message: 'Required' },
        { row: 4, column: 'soc2018_title', message: 'Required' },
        { row: 5, column: null, message: expect.stringContaining('Same key as row 2') },
        { row: 6, column: 'soc2018', message: 'Not a SOC code (NN-NNNN): "15-12540"' },
      ],
      ['soc_crosswalk'],
    );
  });

  it('imports the real soc2010_to_soc2018.csv (900 pairs): 15-1132 → 15-1252 and 15-1253; importing it again changes nothing', async () => {
    const file = realFile('soc/soc2010_to_soc2018.csv');
    const rows = csvRows(file);
    const { first } = await expectIdempotent(t, coordinator, 'soc-crosswalk', file, ['soc_crosswalk', 'reference_datasets']);
    expect(first.processed).toBe(900);
    expect(first.result!.created + first.result!.updated + first.result!.unchanged).toBe(900);
    expect(rows.filter((r) => r.soc2018_title!.includes('(##)')).length).toBeGreaterThan(0);
    expect(await count(t, sql`select count(*) from soc_crosswalk where soc2010_title like '%#%' or soc2018_title like '%#%'`)).toBe(0);
    expect(await count(t, sql`select count(*) from soc_crosswalk where dataset_key = 'soc-crosswalk'`)).toBe(900);
    const page = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/labor-market/occupations/15-1132', as: coordinator })).json();
    expect(page.soc2018).toEqual([
      { soc: '15-1252', title: 'Software Developers' },
      { soc: '15-1253', title: 'Software Quality Assurance Analysts and Testers' },
    ]);
  });
});

describe('cip-soc import', () => {
  it('skips "no match" rows, reads ="01.0101" formulas and lost leading zeros (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'cip-soc', fixture('cip-soc.good.tsv'), ['cip_soc']);
    // The demo seed may hold some of these pairs already: they become the file's.
    expect(first.result).toMatchObject({ skipped: 2 });
    expect(first.result!.created + first.result!.updated).toBe(4);
    expect(await query(t, sql`select cip, soc from cip_soc where dataset_key = 'cip-soc' order by cip, soc`)).toEqual([
      { cip: '01.0101', soc: '11-9013' },
      { cip: '11.0201', soc: '15-1251' },
      { cip: '11.0701', soc: '15-1221' },
      { cip: '11.0701', soc: '15-1252' },
    ]);
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'cip-soc',
      'cip-soc.bad.tsv',
      [
        { row: 3, column: 'cip2020code', message: 'Not a CIP code (NN.NNNN): "11.07"' },
        { row: 4, column: 'soc2018code', message: 'Not a SOC code (NN-NNNN): "151221"' },
        { row: 5, column: 'cip2020title', message: 'Required' },
        { row: 5, column: 'soc2018title', message: 'Required' },
        { row: 6, column: null, message: expect.stringContaining('Same key as row 2') },
      ],
      ['cip_soc'],
    );
  });

  it('imports the real CIP2020_SOC2018.tsv, skipping the 99.9999 / 99-9999 rows; importing it again changes nothing', async () => {
    const file = realFile('cip/CIP2020_SOC2018.tsv');
    const lines = file.toString('utf8').split(/\r?\n/).filter(Boolean).slice(1).map((l) => l.split('\t'));
    const noMatch = lines.filter(([cip, , soc]) => cip === '99.9999' || soc === '99-9999').length;
    expect(noMatch).toBeGreaterThan(0);
    const { first, second } = await expectIdempotent(t, coordinator, 'cip-soc', file, ['cip_soc', 'reference_datasets']);
    expect(first.processed).toBe(lines.length);
    expect(first.result!.skipped).toBe(noMatch);
    expect(second.result).toMatchObject({ created: 0, updated: 0, unchanged: lines.length - noMatch, skipped: noMatch });
    expect(await count(t, sql`select count(*) from cip_soc where dataset_key = 'cip-soc'`)).toBe(lines.length - noMatch);
    expect(await count(t, sql`select count(*) from cip_soc where cip = '99.9999' or soc = '99-9999'`)).toBe(0);
    const page = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/labor-market/occupations/15-1252', as: coordinator })).json();
    const programs = lines.filter(([, , soc]) => soc === '15-1252').map(([cip]) => cip);
    expect(page.programs.map((p: { cip: string }) => p.cip)).toEqual(expect.arrayContaining(programs));
  });
});
