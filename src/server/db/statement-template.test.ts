import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { coalitions } from './schema.js';
import { compileTemplate, runTemplate, StatementTemplates } from './statement-template.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t?.close());

describe('statement templates', () => {
  it('refuse a statement that keeps a value, naming the parameter', () => {
    expect(() => compileTemplate(sql`select ${sql.placeholder('a')}::int + ${41}::int`)).toThrow(/parameter \$2 is a value \(41\)/);
    expect(() => compileTemplate(sql`select 1 from ${coalitions} where ${eq(coalitions.slug, 'la-tech')}`)).toThrow(/parameter \$1 is a value \("la-tech"\)/);
  });

  it('fill every placeholder, bare or compared with a column, however often it occurs', async () => {
    const template = compileTemplate(
      sql`select ${coalitions.name} as name, ${sql.placeholder('n')}::int * ${sql.placeholder('n')}::int as square, ${sql.placeholder('tags')}::text[] as tags
        from ${coalitions} where ${eq(coalitions.slug, sql.placeholder('slug'))}`,
    );
    // Sent once each: n (used twice), tags, slug.
    expect(template.params).toHaveLength(3);
    expect(template.text).toContain('$1::int * $1::int');
    const rows = await runTemplate<{ name: string; square: number; tags: string[] }, object>(t.database.db, template, { n: 7, slug: 'la-tech', tags: ['a', 'b c'] });
    expect(rows).toEqual([{ name: expect.stringMatching(/Los Angeles/), square: 49, tags: ['a', 'b c'] }]);
    expect(await runTemplate(t.database.db, template, { n: 1, slug: 'nowhere', tags: [] })).toEqual([]);
  });

  it('refuse to run without a value for every placeholder', async () => {
    const template = compileTemplate(sql`select ${sql.placeholder('a')}::int as a, ${sql.placeholder('b')}::int as b`);
    await expect(runTemplate(t.database.db, template, { a: 1 })).rejects.toThrow(/placeholder "b"/);
    await expect(runTemplate(t.database.db, template, { a: 1, b: undefined })).rejects.toThrow(/no value for parameter \$2/);
    expect(await runTemplate(t.database.db, template, { a: 1, b: null })).toEqual([{ a: 1, b: null }]);
  });

  it('are built once per key', () => {
    const templates = new StatementTemplates();
    let builds = 0;
    const build = () => (builds++, sql`select ${sql.placeholder('x')}::int`);
    const first = templates.get('k', build);
    expect(templates.get('k', build)).toBe(first);
    templates.get('other', build);
    expect(builds).toBe(2);
    expect(templates.size).toBe(2);
  });
});
