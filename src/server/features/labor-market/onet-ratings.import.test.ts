import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { count, expectIdempotent, expectRejected, expectUnchanged, fixture, onetSlice, otherLineEnds, query, realFile, runImport, tsvRows } from './fixtures/import-harness.js';

let t: TestApp;
let coordinator: Session;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
});
afterAll(() => t?.close());

const TABLES = ['skills', 'occupation_skills', 'reference_datasets'];

async function ratings(dataset: string, socs: string[]) {
  return query<{ soc: string; skill_id: string; name: string; importance: number | null; level: number | null }>(
    t,
    sql`select o.soc, o.skill_id, s.name, o.importance, o.level from occupation_skills o join skills s on s.id = o.skill_id
        where o.dataset_key = ${dataset} and o.soc = any(${sql.param(socs)}::text[]) order by o.soc, o.skill_id`,
  );
}

/**
 * What the file says, worked out independently of the importer: per SOC 2018 code and element, the
 * `.00` O*NET-SOC code's rating (else the lowest code's), IM → importance and LV → level, with
 * suppressed values and not-relevant levels left out.
 */
function expectedFromFile(file: Buffer) {
  const rows = tsvRows(file);
  const rank = (code: string) => `${code.endsWith('.00') ? 0 : 1}${code}`;
  const chosen = new Map<string, string>();
  for (const r of rows) {
    const key = `${r['O*NET-SOC Code']!.slice(0, 7)} onet:${r['Element ID']}`;
    const current = chosen.get(key);
    if (!current || rank(r['O*NET-SOC Code']!) < rank(current)) chosen.set(key, r['O*NET-SOC Code']!);
  }
  const expected = new Map<string, { importance: number | null; level: number | null }>();
  for (const r of rows) {
    const key = `${r['O*NET-SOC Code']!.slice(0, 7)} onet:${r['Element ID']}`;
    if (chosen.get(key) !== r['O*NET-SOC Code']) continue;
    const entry = expected.get(key) ?? { importance: null, level: null };
    const value = r['Recommend Suppress'] === 'Y' || (r['Scale ID'] === 'LV' && r['Not Relevant'] === 'Y') ? null : Number(r['Data Value']);
    if (r['Scale ID'] === 'IM') entry.importance = value;
    else entry.level = value;
    expected.set(key, entry);
  }
  for (const [key, v] of expected) if (v.importance === null && v.level === null) expected.delete(key);
  return { rows, expected };
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 1e4) / 1e4);

/** Stored ratings that differ from the file (at most 5, for the failure message). */
function mismatches(stored: { soc: string; skill_id: string; importance: number | null; level: number | null }[], expected: Map<string, { importance: number | null; level: number | null }>) {
  return stored
    .filter((row) => {
      const want = expected.get(`${row.soc} ${row.skill_id}`);
      return !want || round(want.importance) !== round(row.importance) || round(want.level) !== round(row.level);
    })
    .slice(0, 5)
    .map((row) => ({ ...row, expected: expected.get(`${row.soc} ${row.skill_id}`) ?? null }));
}

describe('onet-skills import', () => {
  it('merges IM and LV per SOC 2018 code, prefers the .00 code, blanks suppressed and not-relevant values (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'onet-skills', fixture('onet-skills.good.txt'), TABLES);
    // 3 skills (seeded as curated ones) and 4 ratings.
    expect(first.result).toMatchObject({ skipped: 0 });
    expect(first.result!.created + first.result!.updated).toBe(7);
    expect(first.processed).toBe(11);
    expect(await ratings('onet-skills', ['99-9001', '99-9002'])).toEqual([
      { soc: '99-9001', skill_id: 'onet:2.A.1.a', name: 'Reading Comprehension', importance: 4.12, level: 4.62 },
      { soc: '99-9001', skill_id: 'onet:2.A.1.e', name: 'Mathematics', importance: 3.5, level: null },
      { soc: '99-9001', skill_id: 'onet:2.B.3.e', name: 'Programming', importance: 1, level: null },
      { soc: '99-9002', skill_id: 'onet:2.A.1.a', name: 'Reading Comprehension', importance: 3, level: 3.5 },
    ]);
    const [programming] = await query<{ kind: string; dataset_key: string }>(t, sql`select kind, dataset_key from skills where id = 'onet:2.B.3.e'`);
    expect(programming).toEqual({ kind: 'hard', dataset_key: 'onet-skills' });
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'onet-skills',
      'onet-skills.bad.txt',
      [
        { row: 3, column: 'o*net-soc code', message: expect.stringContaining('Not an O*NET-SOC code') },
        { row: 4, column: 'element id', message: expect.stringContaining('2.C.1.a is not an element of Skills.txt') },
        { row: 5, column: 'scale id', message: expect.stringContaining('Must be IM (importance) or LV (level)') },
        { row: 6, column: 'data value', message: 'Must be between 1 and 5, not 6' },
        { row: 7, column: 'data value', message: 'Not a number: "abc"' },
        { row: 8, column: 'recommend suppress', message: 'Must be Y or N, not "maybe"' },
        { row: 9, column: null, message: expect.stringContaining('Same key as row 2') },
        { row: 10, column: 'element name', message: 'Required' },
      ],
      TABLES,
    );
  });

  it('imports the real Skills.txt (61,530 rows): every rating as the file gives it; 15-1252 has none; importing its rows again changes nothing', async () => {
    const file = realFile('onet/Skills.txt');
    const { rows, expected } = expectedFromFile(file);
    expect(rows).toHaveLength(61_530);
    const first = await runImport(t, coordinator, 'onet-skills', file);
    expect(first).toMatchObject({ status: 'succeeded', errors: [], processed: 61_530, total: 61_530 });
    expect(first.result!.created + first.result!.updated).toBeGreaterThan(expected.size);
    // Imported once per test file (it takes seconds): the re-import is every row of 120 occupations, in CRLF.
    const slice = onetSlice(file, 120);
    const again = await expectUnchanged(t, coordinator, 'onet-skills', otherLineEnds(slice), TABLES);
    expect(again.processed).toBe(tsvRows(slice).length);

    const stored = await query<{ soc: string; skill_id: string; importance: number | null; level: number | null }>(
      t,
      sql`select soc, skill_id, importance, level from occupation_skills where dataset_key = 'onet-skills' and soc not like '99-%'`,
    );
    expect(stored).toHaveLength(expected.size);
    expect(mismatches(stored, expected)).toEqual([]);
    expect(await count(t, sql`select count(*) from skills where id like 'onet:2.A.%' or id like 'onet:2.B.%'`)).toBe(35);

    // The README's quirk: O*NET rates no skills for 15-1252.00; its curated starter skills stay.
    expect(rows.some((r) => r['O*NET-SOC Code'] === '15-1252.00')).toBe(false);
    expect(await count(t, sql`select count(*) from occupation_skills where soc = '15-1252' and dataset_key = 'onet-skills'`)).toBe(0);
    expect(await count(t, sql`select count(*) from occupation_skills where soc = '15-1252' and dataset_key = 'talentbridge-curated-skills'`)).toBeGreaterThan(0);

    // 11-1011 has 11-1011.00 and 11-1011.03: the .00 rating is kept.
    const ceo = rows.find((r) => r['O*NET-SOC Code'] === '11-1011.00' && r['Element ID'] === '2.A.1.a' && r['Scale ID'] === 'IM')!;
    const [stored1011] = await ratings('onet-skills', ['11-1011']);
    expect(stored1011).toMatchObject({ skill_id: 'onet:2.A.1.a', importance: Number(ceo['Data Value']) });

    // The occupation page shows O*NET's rating where O*NET has one (15-1253, a successor of 15-1132).
    const programming = rows.find((r) => r['O*NET-SOC Code'] === '15-1253.00' && r['Element ID'] === '2.B.3.e' && r['Scale ID'] === 'IM')!;
    const page = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/labor-market/occupations/15-1253', as: coordinator })).json();
    expect(page.skills.find((s: { name: string }) => s.name === 'Programming')).toMatchObject({ importance: Number(programming['Data Value']), source: 'O*NET Skills (importance and level)' });

    const [dataset] = await query<{ rows: number; notes: string; licence: string }>(t, sql`select rows, notes, licence from reference_datasets where key = 'onet-skills'`);
    expect(dataset).toMatchObject({ rows: expected.size + 4, licence: 'CC BY 4.0' });
    expect(dataset!.notes).toContain('O*NET® is a trademark of USDOL/ETA');
  }, 180_000);
});

describe('onet-knowledge import', () => {
  it('names a knowledge element apart from a skill of the same name (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'onet-knowledge', fixture('onet-knowledge.good.txt'), TABLES);
    expect(first.result!.created + first.result!.updated).toBe(4);
    expect(await ratings('onet-knowledge', ['99-9001'])).toEqual([
      { soc: '99-9001', skill_id: 'onet:2.C.1.a', name: 'Administration and Management', importance: 2, level: 2.5 },
      { soc: '99-9001', skill_id: 'onet:2.C.4.a', name: 'Mathematics (knowledge)', importance: 4.5, level: 5.1 },
    ]);
    const kinds = await query<{ kind: string }>(t, sql`select distinct kind from skills where id like 'onet:2.C.%'`);
    expect(kinds).toEqual([{ kind: 'knowledge' }]);
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'onet-knowledge',
      'onet-knowledge.bad.txt',
      [
        { row: 3, column: 'element id', message: expect.stringContaining('2.A.1.e is not an element of Knowledge.txt') },
        { row: 4, column: 'data value', message: 'Must be between 0 and 7, not 7.5' },
        { row: 5, column: 'data value', message: 'Required' },
        { row: 6, column: 'not relevant', message: 'Must be Y or N, not "Q"' },
      ],
      TABLES,
    );
  });

  it('imports the real Knowledge.txt (58,014 rows, blank flags included): every rating as the file gives it; importing its rows again changes nothing', async () => {
    const file = realFile('onet/Knowledge.txt');
    const { rows, expected } = expectedFromFile(file);
    expect(rows.some((r) => r['Recommend Suppress'] === '')).toBe(true);
    const first = await runImport(t, coordinator, 'onet-knowledge', file);
    expect(first).toMatchObject({ status: 'succeeded', errors: [], processed: 58_014 });
    await expectUnchanged(t, coordinator, 'onet-knowledge', otherLineEnds(onetSlice(file, 120)), TABLES);
    const stored = await query<{ soc: string; skill_id: string; importance: number | null; level: number | null }>(
      t,
      sql`select soc, skill_id, importance, level from occupation_skills where dataset_key = 'onet-knowledge' and soc not like '99-%'`,
    );
    expect(stored).toHaveLength(expected.size);
    expect(mismatches(stored, expected)).toEqual([]);
    // Knowledge's "Mathematics" next to the Skills element "Mathematics".
    const [maths] = await query<{ name: string; kind: string }>(t, sql`select name, kind from skills where id = 'onet:2.C.4.a'`);
    expect(maths).toEqual({ name: 'Mathematics (knowledge)', kind: 'knowledge' });
    expect(await count(t, sql`select count(*) from occupation_skills where soc = '15-1252' and dataset_key = 'onet-knowledge'`)).toBe(0);
  }, 180_000);
});

describe('reference imports are the Coordinator’s', () => {
  it('refuses other roles', async () => {
    const student = await t.signIn(demo.student);
    const employer = await t.signIn(demo.employer);
    expect((await runImport(t, student, 'onet-skills', fixture('onet-skills.good.txt'))).statusCode).toBe(403);
    expect((await runImport(t, employer, 'onet-knowledge', fixture('onet-knowledge.good.txt'))).statusCode).toBe(403);
  });
});
