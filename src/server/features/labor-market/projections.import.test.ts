import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { expectIdempotent, expectRejected, fixture, query, realFile, runImport } from './fixtures/import-harness.js';

let t: TestApp;
let coordinator: Session;
const base = '/api/v1/coalitions/la-tech/labor-market';
const TABLES = ['lm_projections', 'lm_regions', 'lm_datasets'];

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
});
afterAll(() => t?.close());

async function occupations(region: string) {
  const res = await t.request({ method: 'GET', url: `${base}/occupations?region=${region}`, as: coordinator });
  expect(res.statusCode).toBe(200);
  return res.json() as { region: { slug: string; name: string }; items: Record<string, unknown>[] };
}

describe('labor-market import (CONTRACT)', () => {
  it('creates regions by slug or name, decides the SOC version, keeps the source (LF, then CRLF changes nothing)', async () => {
    const losAngeles = (await occupations('los-angeles')).items.length;
    const { first } = await expectIdempotent(t, coordinator, 'labor-market', fixture('labor-market.good.csv'), TABLES);
    expect(first.result).toMatchObject({ created: 3, updated: 0 });
    const orange = await occupations('orange-county');
    expect(orange.region).toMatchObject({ slug: 'orange-county', name: 'Orange County' });
    expect(orange.items.map((i) => [i.soc, i.socVersion])).toEqual([
      // 15-1132 is known only as a SOC 2010 code (the seeded crosswalk): a 2010 row, mapped to 2018.
      ['15-1132', '2010'],
      ['15-1252', '2018'],
    ]);
    expect(orange.items.find((i) => i.soc === '15-1132')!.soc2018).toEqual([
      { soc: '15-1252', title: 'Software Developers' },
      { soc: '15-1253', title: 'Software Quality Assurance Analysts and Testers' },
    ]);
    expect(orange.items.find((i) => i.soc === '15-1252')).toMatchObject({
      title: 'Software Developers',
      category: 'Computer',
      baseYear: 2018,
      baseEmployment: 12400,
      projectedYear: 2028,
      projectedEmployment: 14100,
      annualNewJobs: 170,
      annualReplacementNeeds: 600,
      annualTotalOpenings: 770,
      percentChange: 13.7,
      flags: [],
      source: { name: 'Imported labor-market projections' },
    });
    const inland = await occupations('inland-empire');
    expect(inland.region.name).toBe('Inland Empire');
    expect(inland.items[0]).toMatchObject({ soc: '15-1211', annualReplacementNeeds: null, flags: [expect.objectContaining({ code: 'missing_value' })] });
    // The seeded Los Angeles table is untouched.
    expect((await occupations('los-angeles')).items).toHaveLength(losAngeles);
  });

  it('updates a row whose key (region, soc, base and projected year) exists', async () => {
    const csv = 'region,soc,title,base_year,base_employment,projected_year,projected_employment,annual_new_jobs,annual_replacement_needs\norange-county,15-1252,Software Developers,2018,12500,2028,14100,160,600\n';
    const result = await runImport(t, coordinator, 'labor-market', csv);
    expect(result.result).toMatchObject({ created: 0, updated: 1 });
    expect((await occupations('orange-county')).items.find((i) => i.soc === '15-1252')).toMatchObject({ baseEmployment: 12500, annualNewJobs: 160, annualTotalOpenings: 760 });
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'labor-market',
      'labor-market.bad.csv',
      [
        { row: 3, column: 'region', message: 'Required' },
        { row: 4, column: 'soc', message: 'Not a SOC code (NN-NNNN): "151211"' },
        { row: 5, column: 'title', message: 'Required' },
        { row: 6, column: 'projected_year', message: 'Must be after the base year (2028)' },
        { row: 7, column: 'base_employment', message: 'Must be at least 0' },
        { row: 7, column: 'projected_employment', message: 'Not a whole number: "2.5"' },
        { row: 8, column: null, message: expect.stringContaining('Same key as row 2') },
        { row: 9, column: 'base_year', message: 'Not a whole number: "20x8"' },
        { row: 9, column: 'annual_replacement_needs', message: 'Must be at least 0' },
      ],
      TABLES,
    );
  });

  it('reports missing columns as row 1', async () => {
    const result = await runImport(t, coordinator, 'labor-market', 'region,soc,title,base_year,projected_year\nla,15-1252,X,2018,2028\n');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'base_employment'],
      [1, 'projected_employment'],
      [1, 'annual_new_jobs'],
      [1, 'annual_replacement_needs'],
    ]);
  });

  it('is the Coordinator’s', async () => {
    const student = await t.signIn(demo.student);
    expect((await runImport(t, student, 'labor-market', fixture('labor-market.good.csv'))).statusCode).toBe(403);
  });
});

describe('bls-projections import (Table 1.10)', () => {
  it('reads the 2014–24 layout: two-row header, thousands to whole jobs, ten-year replacement needs per year, summary rows skipped (LF, then CRLF changes nothing)', async () => {
    const { first } = await expectIdempotent(t, coordinator, 'bls-projections', fixture('bls-projections.2014-24.good.tsv'), TABLES);
    expect(first).toMatchObject({ processed: 5, result: { created: 3, updated: 0, skipped: 2 } });
    const national = await occupations('united-states');
    expect(national.region).toMatchObject({ slug: 'united-states', name: 'United States (national)' });
    expect(national.items.map((i) => [i.soc, i.socVersion, i.baseYear, i.baseEmployment, i.projectedYear, i.projectedEmployment, i.annualNewJobs, i.annualReplacementNeeds, i.category])).toEqual([
      ['15-1131', '2010', 2014, 328600, 2024, 302900, 0, 6740, 'Computer and mathematical occupations'],
      ['15-1132', '2010', 2014, 747700, 2024, 882600, 13500, 11260, 'Computer and mathematical occupations'],
      ['15-1134', '2010', 2014, 148500, 2024, 172900, 2440, 2410, 'Computer and mathematical occupations'],
    ]);
    expect(national.items[0]!.source).toMatchObject({ name: 'BLS Employment Projections 2014–2024, Table 1.10 (national)', publisher: expect.stringContaining('Bureau of Labor Statistics') });
  });

  it('reads the 2019–29 layout: one header row, annual separations', async () => {
    const result = await runImport(t, coordinator, 'bls-projections', fixture('bls-projections.2019-29.good.tsv', 'crlf'));
    expect(result).toMatchObject({ status: 'succeeded', processed: 3, result: { created: 2, skipped: 1 } });
    const rows = (await occupations('united-states')).items.filter((i) => i.baseYear === 2019);
    expect(rows.map((i) => [i.soc, i.socVersion, i.baseEmployment, i.projectedEmployment, i.annualNewJobs, i.annualReplacementNeeds])).toEqual([
      ['11-1011', '2018', 287900, 259100, 0, 16800],
      ['15-1256', '2018', 1469200, 1785200, 31600, 89900],
    ]);
  });

  it('writes nothing when any row is bad, and reports every bad row with its column (LF and CRLF)', async () => {
    await expectRejected(
      t,
      coordinator,
      'bls-projections',
      'bls-projections.bad.tsv',
      [
        { row: 6, column: 'occupation_type', message: 'Must be "Line item" or "Summary", not "Line itme"' },
        { row: 7, column: 'code', message: 'Not a SOC code (NN-NNNN): "15-113"' },
        { row: 8, column: 'base_employment', message: 'Not a number: "n/a"' },
        { row: 8, column: 'replacement_needs', message: 'Required' },
        { row: 8, column: 'projected_employment', message: 'Cannot be negative (-3)' },
        { row: 9, column: null, message: expect.stringContaining('Same key as row 5') },
      ],
      TABLES,
    );
  });

  it('says so when the file is not a Table 1.10', async () => {
    const result = await runImport(t, coordinator, 'bls-projections', fixture('labor-market.good.csv'));
    expect(result.status).toBe('failed');
    expect(result.errors).toEqual([{ row: 1, column: null, message: expect.stringContaining('Not a BLS Table 1.10 layout') }]);
  });

  for (const [file, layout] of [
    ['bls/ep_2014-24_Table_1_10.tsv', { base: 2014, projected: 2024, replacementColumn: 8, annual: false, socVersion: '2010' }],
    ['bls/ep_2019-29_Table_1_10.tsv', { base: 2019, projected: 2029, replacementColumn: 12, annual: true, socVersion: '2018' }],
  ] as const) {
    it(`imports the real ${file}: every line item in whole jobs, summary rows skipped; importing it again changes nothing`, async () => {
      const buffer = realFile(file);
      const cells = buffer.toString('utf8').split(/\r?\n/).map((l) => l.split('\t'));
      const lineItems = cells.filter((c) => c[2] === 'Line item');
      const summaries = cells.filter((c) => c[2] === 'Summary');
      const { first, second } = await expectIdempotent(t, coordinator, 'bls-projections', buffer, TABLES);
      expect(first).toMatchObject({ processed: lineItems.length + summaries.length, result: { skipped: summaries.length } });
      // The fixtures above already wrote a few of these occupations: they are updated, not duplicated.
      expect(first.result!.created + first.result!.updated).toBe(lineItems.length);
      expect(first.result!.created).toBeGreaterThan(lineItems.length - 5);
      expect(second.result).toMatchObject({ created: 0, updated: 0, unchanged: lineItems.length });

      const stored = await query<{ soc: string; soc_version: string; base_employment: number; projected_employment: number; annual_new_jobs: number; annual_replacement_needs: number }>(
        t,
        sql`select p.soc, p.soc_version, p.base_employment, p.projected_employment, p.annual_new_jobs, p.annual_replacement_needs
            from lm_projections p join lm_regions r on r.coalition_id = p.coalition_id and r.id = p.region_id
            where r.slug = 'united-states' and p.base_year = ${layout.base} and p.projected_year = ${layout.projected}`,
      );
      const bySoc = new Map(stored.map((r) => [r.soc, r]));
      expect(bySoc.size).toBe(lineItems.length);
      const years = layout.projected - layout.base;
      const wrong = lineItems.filter((c) => {
        const row = bySoc.get(c[1]!);
        return (
          !row ||
          row.soc_version !== layout.socVersion ||
          row.base_employment !== Math.round(Number(c[3]) * 1000) ||
          row.projected_employment !== Math.round(Number(c[4]) * 1000) ||
          row.annual_new_jobs !== Math.round((Math.max(Number(c[5]), 0) * 1000) / years) ||
          row.annual_replacement_needs !== Math.round((Number(c[layout.replacementColumn]) * 1000) / (layout.annual ? 1 : years))
        );
      });
      expect(wrong.slice(0, 5)).toEqual([]);
      // The README's example of BLS's long floats: 135.30000000000001 thousand.
      if (layout.base === 2014) expect(bySoc.get('15-1132')).toMatchObject({ base_employment: 718_400, projected_employment: 853_700, annual_new_jobs: 13_530 });
      else expect(bySoc.get('43-4171')).toMatchObject({ annual_replacement_needs: 135_300 });
      expect(summaries.some((c) => bySoc.has(c[1]!) && !lineItems.some((l) => l[1] === c[1]))).toBe(false);
    }, 120_000);
  }
});
