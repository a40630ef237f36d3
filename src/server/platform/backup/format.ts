/**
 * The backup file (decision 017): gzip'd JSON lines.
 *   line 1        the header (BackupHeader): format, version, scope, coalition, schema, tables in restore order
 *   lines 2…n-1   one row each: {"t":"<table>","r":<the row as PostgreSQL's to_jsonb(row)::text>}
 *   line n        the trailer (BackupTrailer): row counts and SHA-256 per table, and of every byte before it
 * Rows are written as PostgreSQL renders them and never parsed by JavaScript on either side, so
 * numerics, timestamps (microseconds, UTC) and bytea (hex) come back exactly.
 */
export const BACKUP_FORMAT = 'talentbridge-backup';
export const BACKUP_VERSION = 1;

export type BackupScope = 'coalition' | 'database';
/** coalition: the tenant's row; tenant: rows with its coalition_id; shared: global rows they reference (accounts, skills); global: everything else (database scope). */
export type TableRole = 'coalition' | 'tenant' | 'shared' | 'global';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  scope: BackupScope;
  coalition: { id: string; slug: string; name: string } | null;
  /** The migrations the source database had: a restore needs the same ones, or a later code version. */
  schema: { migrations: number; last: string };
  source: 'pglite' | 'postgres';
  createdAt: string;
  /** Sequences' last values: a restore moves each at least this far, so no number is handed out twice. */
  sequences: Record<string, string | null>;
  tables: { name: string; role: TableRole; columns: string[] }[];
}

export interface BackupTrailer {
  end: true;
  rows: number;
  tables: Record<string, { rows: number; sha256: string }>;
  /** Over every byte of the file (uncompressed) before this line. */
  sha256: string;
}

export const rowPrefix = (table: string) => `{"t":${JSON.stringify(table)},"r":`;

/** Splits a row line without parsing the row itself. */
export function parseRowLine(line: string): { table: string; row: string } | null {
  const match = /^\{"t":"([a-z0-9_]+)","r":/.exec(line);
  if (!match || !line.endsWith('}')) return null;
  return { table: match[1]!, row: line.slice(match[0].length, -1) };
}
