import type { Db, Executor } from '../../db/client.js';
import { readDelimited, type SourceRow } from './csv.js';

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

export type Validated<T> = { ok: T } | { errors: { column: string | null; message: string }[] };

/**
 * An import kind (CONTRACT "Bulk import"). Each room registers its own; the platform streams the
 * file, validates every row, and writes all or nothing.
 */
export interface Importer<T, Lookup = unknown> {
  kind: string;
  /** The policy action a caller needs to import this kind (e.g. organization.create). */
  action: string;
  description: string;
  /** Columns that must be present in the header. */
  requiredColumns: string[];
  delimiter?: ',' | '\t';
  /** Custom reader for official layouts (multi-row headers, thousands, …). */
  read?: (input: Buffer) => AsyncIterable<SourceRow>;
  /** Loads what validation needs (e.g. names → ids) once per import. */
  prepare?: (db: Db, coalitionId: string) => Promise<Lookup>;
  validate(values: Record<string, string>, lookup: Lookup, row: number): Validated<T>;
  /**
   * Tables the write reads or references (its own and those its foreign keys point at). Before and
   * after a large import they are ANALYZEd: a connection keeps the plans of its foreign-key checks,
   * made when a table was small, until the table's statistics change, and without fresh statistics
   * (autovacuum off, or not yet run after a bulk load) a check can scan a whole coalition per row.
   */
  analyze?: string[];
  /** A key that must be unique within the file (e.g. external_id); duplicates are row errors. */
  keyOf?: (record: T) => string;
  /** Writes every record in the caller's transaction; upserts so a re-import changes nothing. */
  write(tx: Executor, coalitionId: string, records: T[], onProgress: (done: number) => Promise<void>): Promise<WriteResult>;
  /**
   * Called once after the last batch, in the same transaction: for importers that stage rows in
   * write and merge them here (rows that only make sense together), and to record provenance.
   */
  finish?(tx: Executor, coalitionId: string): Promise<WriteResult>;
}

/** Counts of records; `skipped`: valid rows the kind deliberately does not store (e.g. "no match"). */
export interface WriteResult {
  created: number;
  updated: number;
  unchanged?: number;
  skipped?: number;
}

const importers = new Map<string, Importer<unknown, unknown>>();

export function registerImporter<T, L = undefined>(importer: Importer<T, L>): void {
  if (importers.has(importer.kind)) throw new Error(`Importer ${importer.kind} registered twice`);
  importers.set(importer.kind, importer as Importer<unknown, unknown>);
}

export const findImporter = (kind: string) => importers.get(kind);
export const importerKinds = () => [...importers.keys()].sort();

/** The file's rows; streamed chunk by chunk, except for custom readers, which take the whole file. */
export async function* rowsOf(importer: Importer<unknown, unknown>, input: AsyncIterable<Buffer>): AsyncGenerator<SourceRow> {
  if (!importer.read) {
    yield* readDelimited(input, { delimiter: importer.delimiter ?? ',' });
    return;
  }
  const pieces: Buffer[] = [];
  for await (const piece of input) pieces.push(piece);
  yield* importer.read(Buffer.concat(pieces));
}

/** Shared cell parsers that name the problem in plain words. */
export const cells = {
  required(values: Record<string, string>, column: string, errors: { column: string; message: string }[]): string {
    const value = values[column] ?? '';
    if (!value) errors.push({ column, message: 'Required' });
    return value;
  },
  integer(values: Record<string, string>, column: string, errors: { column: string; message: string }[], options: { min?: number; optional?: boolean } = {}): number | null {
    const raw = (values[column] ?? '').replaceAll(',', '');
    if (raw === '' || raw.toUpperCase() === 'N/A') {
      if (!options.optional) errors.push({ column, message: 'Required' });
      return null;
    }
    const value = Number(raw);
    if (!Number.isInteger(value)) {
      errors.push({ column, message: `Not a whole number: "${values[column]}"` });
      return null;
    }
    if (options.min !== undefined && value < options.min) {
      errors.push({ column, message: `Must be at least ${options.min}` });
      return null;
    }
    return value;
  },
  number(values: Record<string, string>, column: string, errors: { column: string; message: string }[], options: { optional?: boolean } = {}): number | null {
    const raw = (values[column] ?? '').replaceAll(',', '');
    if (raw === '' || raw.toUpperCase() === 'N/A') {
      if (!options.optional) errors.push({ column, message: 'Required' });
      return null;
    }
    const value = Number(raw);
    if (!Number.isFinite(value)) {
      errors.push({ column, message: `Not a number: "${values[column]}"` });
      return null;
    }
    return value;
  },
};
