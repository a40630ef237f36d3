import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SourceRow } from '../../platform/imports/csv.js';
import type { WriteResult } from '../../platform/imports/importers.js';

/**
 * What the labor-market importers share: bulk writes as one statement per batch (arrays sent as
 * parameters and expanded with unnest, so a batch of 1,000 rows is one round trip with a handful
 * of parameters), counted upserts, and the provenance row every reference import leaves behind.
 */

export const ONET_ATTRIBUTION =
  'This product includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.';

export const ONET_PUBLISHER = 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)';
export const PUBLIC_DOMAIN = 'Public domain (U.S. government work)';

export const SOC_CODE = /^\d{2}-\d{4}$/;
export const ONET_SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;

export type CellErrors = { column: string | null; message: string }[];

/**
 * Streams an unquoted tab-separated file (the O*NET and NCES layouts) row by row, as the
 * platform's reader does (header names trimmed and lowercased, cells trimmed, CRLF or LF, BOM,
 * blank lines skipped, `row` = line number), about five times faster than the general CSV parser:
 * each import reads the file twice, and the 60,000-row O*NET files are the big ones. Lines are
 * decoded one at a time from the buffer, so nothing but the current row is held.
 */
export async function* readTsv(input: Buffer): AsyncGenerator<SourceRow> {
  let start = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  let line = 0;
  let header: string[] | null = null;
  while (start < input.length) {
    let end = input.indexOf(10, start);
    if (end === -1) end = input.length;
    line++;
    let text = input.toString('utf8', start, end);
    start = end + 1;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text === '') continue;
    const cells = text.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim().toLowerCase());
      continue;
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) values[header[i]!] = (cells[i] ?? '').trim();
    yield { row: line, values };
  }
}

/** A whole array as one parameter (drizzle would otherwise expand it into a list). */
export const arr = (values: unknown[]) => sql.param(values);

/**
 * Runs an `insert … on conflict … do update … where (…) is distinct from (…)` and counts what it
 * did: rows inserted, rows whose values changed. Rows that were already equal are not touched.
 */
export async function countedUpsert(tx: Executor, insert: SQL): Promise<{ created: number; updated: number }> {
  const result = await tx.execute<{ created: number; updated: number }>(sql`
    with up as (${insert} returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated from up`);
  const row = result.rows[0];
  return { created: Number(row?.created ?? 0), updated: Number(row?.updated ?? 0) };
}

/** Counts for a batch of `records` rows written with one counted upsert. */
export function batchResult(records: number, counts: { created: number; updated: number }, skipped = 0): WriteResult {
  return { ...counts, unchanged: records - skipped - counts.created - counts.updated, skipped };
}

export interface ReferenceDataset {
  key: string;
  name: string;
  publisher: string;
  source: string;
  licence: string;
  notes: string | null;
}

/**
 * Upserts the reference_datasets row of an import with the number of rows the dataset now holds.
 * The row (and its imported_at) changes only when something about it changed, so importing the
 * same file twice leaves it exactly as it was.
 */
export async function recordReferenceDataset(tx: Executor, dataset: ReferenceDataset, rowCount: SQL): Promise<void> {
  await tx.execute(sql`
    insert into reference_datasets (key, name, publisher, source, licence, notes, rows, imported_at)
    values (${dataset.key}, ${dataset.name}, ${dataset.publisher}, ${dataset.source}, ${dataset.licence}, ${dataset.notes}, (${rowCount}), now())
    on conflict (key) do update set name = excluded.name, publisher = excluded.publisher, source = excluded.source,
      licence = excluded.licence, notes = excluded.notes, rows = excluded.rows, imported_at = now()
    where (reference_datasets.name, reference_datasets.publisher, reference_datasets.source, reference_datasets.licence, reference_datasets.notes, reference_datasets.rows)
      is distinct from (excluded.name, excluded.publisher, excluded.source, excluded.licence, excluded.notes, excluded.rows)`);
}

/** Y/N flags as O*NET prints them; blank is N. */
export function yesNo(values: Record<string, string>, column: string, errors: CellErrors): boolean {
  const raw = (values[column] ?? '').toUpperCase();
  if (raw === 'Y') return true;
  if (raw === 'N' || raw === '') return false;
  errors.push({ column, message: `Must be Y or N, not "${values[column]}"` });
  return false;
}

/** A cell that must be present, with a length limit so a shifted column cannot fill the database. */
export function text(values: Record<string, string>, column: string, errors: CellErrors, options: { max?: number; optional?: boolean } = {}): string {
  const value = values[column] ?? '';
  if (!value && !options.optional) errors.push({ column, message: 'Required' });
  else if (value.length > (options.max ?? 500)) errors.push({ column, message: `At most ${options.max ?? 500} characters` });
  return value;
}

export function socCode(values: Record<string, string>, column: string, errors: CellErrors): string {
  const value = values[column] ?? '';
  if (!value) errors.push({ column, message: 'Required' });
  else if (!SOC_CODE.test(value)) errors.push({ column, message: `Not a SOC code (NN-NNNN): "${value}"` });
  return value;
}

export function onetSocCode(values: Record<string, string>, column: string, errors: CellErrors): string {
  const value = values[column] ?? '';
  if (!value) errors.push({ column, message: 'Required' });
  else if (!ONET_SOC_CODE.test(value)) errors.push({ column, message: `Not an O*NET-SOC code (NN-NNNN.NN): "${value}"` });
  return value;
}

/** A number in a range, as a float; blank is an error unless optional. */
export function ranged(values: Record<string, string>, column: string, errors: CellErrors, min: number, max: number): number | null {
  const raw = values[column] ?? '';
  if (raw === '') {
    errors.push({ column, message: 'Required' });
    return null;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    errors.push({ column, message: `Not a number: "${raw}"` });
    return null;
  }
  if (value < min || value > max) {
    errors.push({ column, message: `Must be between ${min} and ${max}, not ${raw}` });
    return null;
  }
  return value;
}
