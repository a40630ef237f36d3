import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { distinctRoutes, recordRoutes, type RegisteredRoute } from '../../test/routes.js';
import { CsvFormatError, csvCell, FORMULA_START, readDelimited, toCsv } from './csv.js';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true });

const readAll = async (input: Buffer | AsyncIterable<Buffer>) => {
  const rows = [];
  for await (const row of readDelimited(input)) rows.push(row);
  return rows;
};
async function* piecesOf(buffer: Buffer, size: number) {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

describe('readDelimited', () => {
  it('reads what csv-parse reads (quotes, commas, line breaks in cells, CRLF, BOM, empty lines), however the bytes arrive', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'x"y', ' padded ', 'two\nlines', '', 'é€😀', '"'));
    const quoted = (v: string) => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        async (rows, eol, bom, trailingBlankLines, pieceSize) => {
          const text = (bom ? '\ufeff' : '') + ['ID , Name,notes', ...rows.map((r) => r.map(quoted).join(','))].join(eol) + (trailingBlankLines ? eol + eol : '');
          const oracle = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
          const expected = oracle.slice(1).map(({ record, info }) => ({ row: info.lines, values: { id: (record[0] ?? '').trim(), name: (record[1] ?? '').trim(), notes: (record[2] ?? '').trim() } }));
          expect(await readAll(piecesOf(Buffer.from(text), pieceSize))).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a quote inside an unquoted cell, and reads tab-separated files without quoting', async () => {
    expect(await readAll(Buffer.from('a,b\n5" pipe,x\n'))).toEqual([{ row: 2, values: { a: '5" pipe', b: 'x' } }]);
    const rows = [];
    for await (const row of readDelimited(Buffer.from('a\tb\n"x\ty"\n'), { delimiter: '\t' })) rows.push(row);
    expect(rows).toEqual([{ row: 2, values: { a: '"x', b: 'y"' } }]);
  });

  it('refuses a quoted cell that never closes instead of holding the rest of the file', async () => {
    const open = Buffer.concat([Buffer.from('a,b\n1,"never closed\n'), Buffer.alloc(17 * 1024 * 1024, 'x')]);
    await expect(readAll(piecesOf(open, 1024 * 1024))).rejects.toBeInstanceOf(CsvFormatError);
    await expect(readAll(piecesOf(open, 1024 * 1024))).rejects.toMatchObject({ row: 2 });
  });
});

describe('csvCell / toCsv', () => {
  it('prefixes every text cell a spreadsheet would run as a formula, and the file parses back to exactly that', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DANGEROUS), fc.string({ maxLength: 40 }), (start, rest) => {
        const value = start + rest;
        const [[cell]] = parseCsv(toCsv(['h'], [[value]]).split('\r\n').slice(1).join('\r\n')) as [[string]];
        expect(cell).toBe(`'${value}`);
        expect(FORMULA_START.test(cell)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves safe text and numbers (negative ones too) exactly as they are', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((s) => !FORMULA_START.test(s)),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (text, number) => {
          const rows = parseCsv(toCsv(['text', 'number'], [[text, number]]));
          expect(rows[1]).toEqual([text, String(number)]);
        },
      ),
      { numRuns: 300 },
    );
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.5')).toBe("'-12.5");
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe("'-Infinity");
  });

  it('neutralises each element of a list, not only the first', () => {
    expect(csvCell(['Python', '=cmd|calc', '@SUM(A1)'])).toBe("Python;'=cmd|calc;'@SUM(A1)");
  });

  it('quotes commas, quotes and line breaks so a cell never spills into the next', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 20 }), { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
        const parsed = parseCsv(toCsv(['a', 'b', 'c'], rows));
        expect(parsed).toHaveLength(rows.length + 1);
        parsed.slice(1).forEach((row, i) => expect(row).toEqual(rows[i]!.map((v) => (FORMULA_START.test(v) ? `'${v}` : v))));
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * Every CSV export the app registers, fed with hostile text: the free-text columns (name, title,
 * description…) of every coalition table are rewritten to start with a formula, then each export is
 * downloaded and parsed. A new .csv route without a fixture below fails this test.
 */
describe('every CSV export route', () => {
  let t: TestApp;
  let coordinator: Session;
  let routes: RegisteredRoute[] = [];
  const fixtures: Record<string, () => Promise<{ params?: Record<string, string>; query?: string }>> = {};

  beforeAll(async () => {
    const recorder = recordRoutes();
    t = await createTestApp();
    recorder.stop();
    routes = distinctRoutes(recorder.routes).filter((r) => r.method === 'GET' && r.url.endsWith('.csv'));
    coordinator = await t.signIn(demo.coordinator);
    // An import that fails, so its error report has rows (and echoes hostile text).
    const failed = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/imports/organizations', as: coordinator, headers: { 'content-type': 'text/csv' }, payload: 'name,type\n=HYPERLINK("http://evil.example"),@not-a-type\n' });
    expect(failed.statusCode).toBe(202);
    await t.runJobs();
    const importId = failed.json().id as string;
    const [initiative] = (await t.database.db.execute<{ id: string }>(sql`select i.id from initiatives i join coalitions c on c.id = i.coalition_id where c.slug = 'la-tech' limit 1`)).rows;
    Object.assign(fixtures, {
      '/api/v1/coalitions/:slug/imports/:id/errors.csv': async () => ({ params: { id: importId } }),
      '/api/v1/coalitions/:slug/initiatives/:id/status-report.csv': async () => ({ params: { id: initiative!.id } }),
      '/api/v1/coalitions/:slug/labor-market/occupations.csv': async () => ({ query: 'region=los-angeles' }),
    });

    // Poison the free text of every coalition table (kept unique: a prefix, never a replacement).
    const columns = (
      await t.database.db.execute<{ table_name: string; column_name: string }>(sql`
        select c.table_name, c.column_name from information_schema.columns c
        where c.table_schema = 'public' and c.data_type = 'text'
          and c.column_name in ('name', 'title', 'description', 'location', 'first_name', 'last_name', 'notes', 'summary', 'pathway', 'employer_name')
          and exists (select 1 from information_schema.columns k where k.table_schema = 'public' and k.table_name = c.table_name and k.column_name = 'coalition_id')`)
    ).rows;
    expect(columns.length).toBeGreaterThan(10);
    const prefixes = ['=HYPERLINK("http://evil.example")&', '+cmd|\' /C calc\'!A0', '-2+3+', '@SUM(1+1)*cmd|'];
    for (const [i, { table_name, column_name }] of columns.entries()) {
      const prefix = prefixes[i % prefixes.length]!;
      await t.database.db.execute(sql.raw(`update "${table_name}" set "${column_name}" = '${prefix.replaceAll("'", "''")}' || "${column_name}" where "${column_name}" is not null`));
    }
  });
  afterAll(() => t?.close());

  it('no cell of any export starts with a formula character', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    let neutralised = 0;
    for (const route of routes) {
      type Fixture = () => Promise<{ params?: Record<string, string>; query?: string }>;
      const fixture: Fixture | undefined = fixtures[route.url] ?? (route.url.includes(':id') ? undefined : async () => ({}));
      expect(fixture, `no fixture for ${route.url}: add one to csv.test.ts`).toBeDefined();
      const { params = {}, query } = await fixture!();
      const url = route.url.replace(':slug', 'la-tech').replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`) + (query ? `?${query}` : '');
      const res = await t.request({ method: 'GET', url, as: coordinator });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = parseCsv(res.body);
      for (const row of rows) {
        for (const cell of row) {
          // A plain negative number (a decline, a gap) is a number to a spreadsheet, not a formula.
          const number = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell);
          expect(FORMULA_START.test(cell) && !number, `${url}: cell ${JSON.stringify(cell)}`).toBe(false);
          if (/^'[=+\-@]/.test(cell)) neutralised++;
        }
      }
    }
    // The poison reached the exports (the test is not vacuous).
    expect(neutralised).toBeGreaterThan(20);
  });
});
