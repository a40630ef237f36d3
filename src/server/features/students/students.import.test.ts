import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { arrayLiteral } from './students.import.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('arrayLiteral (the import writes its arrays out itself)', () => {
  it('reads back in the database as the same values, whatever the characters', async () => {
    const values = ['plain', '', 'NULL', null, 'quote " inside', 'back\\slash', '\\"both\\"', 'comma, and {braces}', ' spaces ', 'tab\tnew\nline', 'Ñandú — 名前 🎓', "apostrophe's"];
    const { rows } = await t.database.db.execute<{ a: (string | null)[] }>(sql`select ${arrayLiteral(values)}::text[] as a`);
    expect(rows[0]!.a).toEqual(values);
  });

  it('writes numbers, dates, booleans and uuids as their own types read them', async () => {
    const { rows } = await t.database.db.execute<{ n: number[]; d: string[]; b: (boolean | null)[]; u: string[] }>(
      sql`select ${arrayLiteral([1, 2026, null])}::int[] as n, ${arrayLiteral(['2026-11-26', null])}::date[]::text[] as d, ${arrayLiteral([true, false, null])}::boolean[] as b, ${arrayLiteral(['019ac3a0-0000-7000-8000-000000000001'])}::uuid[] as u`,
    );
    expect(rows[0]).toEqual({ n: [1, 2026, null], d: ['2026-11-26', null], b: [true, false, null], u: ['019ac3a0-0000-7000-8000-000000000001'] });
  });

  it('writes an empty list as an empty array', async () => {
    const { rows } = await t.database.db.execute<{ a: string[] }>(sql`select ${arrayLiteral([])}::text[] as a`);
    expect(rows[0]!.a).toEqual([]);
  });
});
