import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import type { SourceRow } from '../../platform/imports/csv.js';
import { registerImporter } from '../../platform/imports/importers.js';
import { PUBLIC_DOMAIN, SOC_CODE, batchResult, type CellErrors } from './common.import.js';
import { ensureCoalitionDataset, upsertProjections, type CoalitionDataset, type ProjectionRecord } from './projections.import.js';

/**
 * BLS Employment Projections, Table 1.10 (national), as the tab-separated export of the published
 * workbook: a title line ("… projected 2014-2024 (Numbers in thousands)"), a header of one or two
 * rows (the 2014–24 table spans "Employment" over "2014" and "2024"), the rows, then a "Source:"
 * line. Both layouts are read:
 * - 2014–24: replacement needs and job openings are ten-year totals;
 * - 2019–29: occupational separations and openings are annual averages.
 *
 * What is stored, per "Line item" row, in region `united-states` ("United States (national)"):
 * employment in whole jobs (thousands × 1,000, rounded: 135.30000000000001 → 135,300); annual new
 * jobs = employment growth per year, 0 where the occupation declines (BLS's "openings due to
 * growth"; the decline shows in the employment figures); annual replacement needs = replacement
 * needs ÷ years (2014–24) or total occupational separations (2019–29). BLS's printed percent and
 * openings are not stored: they are computed from unrounded figures, so the app's own checks
 * would flag rounding, not errors.
 *
 * "Summary" rows (the all-occupations total and the major, minor and broad groups) are checked
 * like line items (code and numbers) and then skipped: totals are computed from the rows. The
 * title line, header rows, blank lines and the "Source:" footnote are not rows.
 */

const REQUIRED = ['title', 'code', 'occupation_type', 'base_employment', 'projected_employment', 'replacement_needs'];

type Column = 'title' | 'code' | 'occupation_type' | 'base_employment' | 'projected_employment' | 'employment_change' | 'replacement_needs' | 'job_openings';

function* chunks(input: Buffer, size = 64 * 1024) {
  for (let i = 0; i < input.length; i += size) yield input.subarray(i, i + size);
}

/** The years of the projection period, from "2014-2024", "2019-29" or "2014-24". */
function periodOf(text: string): { base: number; projected: number } | null {
  const match = /\b((?:19|20)\d{2})\s*[-–]\s*(\d{4}|\d{2})\b/.exec(text);
  if (!match) return null;
  const base = Number(match[1]);
  const projected = match[2]!.length === 2 ? Math.floor(base / 100) * 100 + Number(match[2]) : Number(match[2]);
  return projected > base ? { base, projected } : null;
}

/** Maps the (possibly two-row, merged-cell) header onto the columns the importer reads. */
function mapColumns(headerRows: string[][], period: { base: number; projected: number }) {
  const width = Math.max(...headerRows.map((r) => r.length));
  const [main = [], ...subs] = headerRows;
  const columns = new Map<Column, number>([
    ['title', 0],
    ['code', 1],
  ]);
  const basis: { replacement: 'annual' | 'period'; openings: 'annual' | 'period' } = { replacement: 'period', openings: 'period' };
  let carried = '';
  for (let i = 0; i < width; i++) {
    // A spanning header cell ("Employment" over 2014 and 2024) is written once; carry it right.
    const own = main[i] ?? '';
    if (own) carried = own;
    const label = `${i >= 3 ? own || carried : own} ${subs.map((s) => s[i] ?? '').join(' ')}`.toLowerCase();
    if (/occupation type/.test(label)) columns.set('occupation_type', i);
    if (i < 3 || /rate/.test(label)) continue;
    if (/change/.test(label) && /number|numeric/.test(label)) columns.set('employment_change', i);
    else if (/change/.test(label)) continue; // percent
    else if (/employment/.test(label) && label.includes(String(period.base))) columns.set('base_employment', i);
    else if (/employment/.test(label) && label.includes(String(period.projected))) columns.set('projected_employment', i);
    // "Job openings due to growth and replacement needs": openings, not replacement needs.
    else if (/openings/.test(label)) {
      columns.set('job_openings', i);
      basis.openings = /annual/.test(label) ? 'annual' : 'period';
    } else if (/replacement needs|total occupational separations/.test(label)) {
      columns.set('replacement_needs', i);
      basis.replacement = /annual/.test(label) ? 'annual' : 'period';
    }
  }
  return { columns, basis };
}

/** Reads Table 1.10 into rows keyed by the names above, with the table's facts on every row. */
export async function* readBlsTable(input: Buffer): AsyncGenerator<SourceRow> {
  const parser = Readable.from(chunks(input)).pipe(
    parse({ delimiter: '\t', bom: true, relax_column_count: true, quote: false, skip_empty_lines: true, info: true }),
  );
  const preamble: string[] = [];
  const headerRows: string[][] = [];
  let layout: { columns: Map<Column, number>; facts: Record<string, string> } | null = null;
  let group = '';
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const cells = record.map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    if (!layout) {
      if (headerRows.length === 0 && !/national employment matrix/i.test(cells[0] ?? '')) {
        preamble.push(cells.filter(Boolean).join(' '));
        if (preamble.length > 10) break;
        continue;
      }
      if (headerRows.length === 0 || !SOC_CODE.test(cells[1] ?? '')) {
        headerRows.push(cells);
        continue;
      }
      const title = preamble.join(' ');
      const period = periodOf(title) ?? periodOf(headerRows.flat().join(' '));
      if (!period) break;
      const { columns, basis } = mapColumns(headerRows, period);
      layout = {
        columns,
        facts: {
          table: title || 'BLS Employment Projections, Table 1.10',
          base_year: String(period.base),
          projected_year: String(period.projected),
          scale: /in thousands/i.test(title) ? '1000' : '1',
          replacement_basis: basis.replacement,
          openings_basis: basis.openings,
        },
      };
    }
    // Footnotes ("Source: …") have text in the first cell only.
    if (cells.slice(1).every((c) => c === '')) continue;
    const values: Record<string, string> = { ...layout.facts };
    for (const [name, index] of layout.columns) values[name] = cells[index] ?? '';
    // The major group ("Computer and mathematical occupations") is each line item's category.
    if (/^\d{2}-0000$/.test(values.code ?? '') && values.code !== '00-0000') group = values.title ?? '';
    values.category = group;
    yield { row: info.lines, values };
  }
  if (!layout) {
    const values: Record<string, string> = Object.fromEntries(REQUIRED.map((c) => [c, '']));
    values.layout_error =
      headerRows.length === 0
        ? 'Not a BLS Table 1.10 layout: no header row starting "… National Employment Matrix title" was found'
        : 'Not a BLS Table 1.10 layout: no projection period (such as 2014-2024) in the title or header, or no occupation rows';
    yield { row: 1, values };
  }
}

type BlsRecord = { skip: true; row: number } | { skip: false; table: string; projection: ProjectionRecord };

function amount(values: Record<string, string>, column: string, errors: CellErrors, optional = false): number | null {
  const raw = (values[column] ?? '').replaceAll(',', '');
  if (raw === '' || raw === '—' || raw === '-') {
    if (!optional) errors.push({ column, message: 'Required' });
    return null;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) errors.push({ column, message: `Not a number: "${values[column]}"` });
  return Number.isFinite(value) ? value : null;
}

registerImporter<BlsRecord>({
  kind: 'bls-projections',
  action: 'laborMarket.import',
  description:
    'BLS Employment Projections Table 1.10 (national, tab-separated export, numbers in thousands, 2014–24 or 2019–29 layout); line items become projections of region united-states, summary rows are checked and skipped',
  requiredColumns: REQUIRED,
  read: readBlsTable,
  validate(values, _lookup, row) {
    if (values.layout_error) return { errors: [{ column: null, message: values.layout_error }] };
    const errors: CellErrors = [];
    const type = (values.occupation_type ?? '').toLowerCase();
    if (type !== 'line item' && type !== 'summary') errors.push({ column: 'occupation_type', message: `Must be "Line item" or "Summary", not "${values.occupation_type ?? ''}"` });
    const title = values.title ?? '';
    if (!title) errors.push({ column: 'title', message: 'Required' });
    const code = values.code ?? '';
    if (!SOC_CODE.test(code)) errors.push({ column: 'code', message: code ? `Not a SOC code (NN-NNNN): "${code}"` : 'Required' });
    const base = amount(values, 'base_employment', errors);
    const projected = amount(values, 'projected_employment', errors);
    const change = amount(values, 'employment_change', errors, true);
    const replacement = amount(values, 'replacement_needs', errors);
    for (const [column, value] of [['base_employment', base], ['projected_employment', projected], ['replacement_needs', replacement]] as const) {
      if (value !== null && value < 0) errors.push({ column, message: `Cannot be negative (${value})` });
    }
    if (errors.length) return { errors };
    if (type === 'summary') return { ok: { skip: true, row } };
    const scale = Number(values.scale);
    const baseYear = Number(values.base_year);
    const projectedYear = Number(values.projected_year);
    const years = projectedYear - baseYear;
    const growth = change ?? projected! - base!;
    return {
      ok: {
        skip: false,
        table: values.table ?? '',
        projection: {
          regionSlug: 'united-states',
          regionName: 'United States (national)',
          soc: code,
          // The 2018–28 projections were the first on SOC 2018; earlier matrices use SOC 2010 codes.
          socVersion: baseYear >= 2018 ? '2018' : '2010',
          title,
          category: values.category || null,
          baseYear,
          baseEmployment: Math.round(base! * scale),
          projectedYear,
          projectedEmployment: Math.round(projected! * scale),
          annualNewJobs: Math.round((Math.max(growth, 0) * scale) / years),
          annualReplacementNeeds: Math.round((replacement! * scale) / (values.replacement_basis === 'annual' ? 1 : years)),
          statedTotalOpenings: null,
          statedPercentChange: null,
          workExperience: null,
        },
      },
    };
  },
  keyOf: (r) => (r.skip ? `summary row ${r.row}` : r.projection.soc),
  async write(tx, coalitionId, records) {
    const rows = records.filter((r): r is Extract<BlsRecord, { skip: false }> => !r.skip);
    const skipped = records.length - rows.length;
    if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, skipped };
    const first = rows[0]!.projection;
    const dataset: CoalitionDataset = {
      key: `import:bls-projections:${first.baseYear}-${first.projectedYear}`,
      name: `BLS Employment Projections ${first.baseYear}–${first.projectedYear}, Table 1.10 (national)`,
      publisher: 'U.S. Bureau of Labor Statistics, Employment Projections program',
      source: rows[0]!.table,
      publishedOn: null,
      licence: PUBLIC_DOMAIN,
      notes:
        'Numbers in thousands in the source, stored as whole jobs. Annual new jobs: employment growth per year (0 where the occupation declines); annual replacement needs: replacement needs or total occupational separations per year. Only "Line item" rows are stored; summary rows are checked and skipped, and totals are computed from the rows.',
    };
    const datasetId = await ensureCoalitionDataset(tx, coalitionId, dataset);
    return batchResult(records.length, await upsertProjections(tx, coalitionId, datasetId, rows.map((r) => r.projection)), skipped);
  },
});
