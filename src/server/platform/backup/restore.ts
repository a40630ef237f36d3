import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';
import type { Database } from '../../db/client.js';
import { BackupError } from './backup.js';
import { quoteIdent, readCatalog, readSequences, schemaVersion, type TableInfo } from './catalog.js';
import { BACKUP_FORMAT, BACKUP_VERSION, parseRowLine, type BackupHeader, type BackupTrailer } from './format.js';

export interface RestoreSummary {
  scope: BackupHeader['scope'];
  coalition: BackupHeader['coalition'];
  rows: number;
  tables: Record<string, number>;
  /** Shared rows (accounts, skills) that were already in the database and kept as they were. */
  alreadyPresent: number;
}

const BATCH_ROWS = 500;
const BATCH_CHARS = 8_000_000;

function checkHeader(line: string | undefined): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line ?? '') as BackupHeader;
  } catch {
    throw new BackupError('Not a TalentBridge backup (the first line is not its header).');
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupError('Not a TalentBridge backup (unknown format).');
  if (header.version !== BACKUP_VERSION) throw new BackupError(`Backup format version ${header.version} is not supported by this version (it reads ${BACKUP_VERSION}).`);
  const code = schemaVersion();
  if (header.schema.migrations > code.migrations || code.tags[header.schema.migrations - 1] !== header.schema.last) {
    throw new BackupError(`The backup was taken at schema ${header.schema.last} (${header.schema.migrations} migrations); this version has ${code.last} (${code.migrations}). Restore with the version that took it, or a later one.`);
  }
  return header;
}

/** Before any write: the target must not already hold what the backup brings. */
async function preflight(client: pg.ClientBase, header: BackupHeader, catalog: Map<string, TableInfo>) {
  for (const table of header.tables) {
    const target = catalog.get(table.name);
    if (!target) throw new BackupError(`This database has no table ${table.name}: restore with the version that took the backup.`);
    const missing = table.columns.filter((c) => !target.columns.includes(c));
    if (missing.length) throw new BackupError(`Table ${table.name} here has no column ${missing.join(', ')}: restoring would lose data.`);
  }
  if (header.scope === 'coalition') {
    const c = header.coalition!;
    const clash = await client.query<{ slug: string }>('select slug from coalitions where id = $1 or slug = $2', [c.id, c.slug]);
    if (clash.rowCount) throw new BackupError(`This database already has coalition ${clash.rows[0]!.slug}: restore into a database without it (delete it first, or use an empty database).`);
    return;
  }
  for (const table of header.tables) {
    const rows = await client.query(`select 1 from ${quoteIdent(table.name)} limit 1`);
    if (rows.rowCount) throw new BackupError(`A whole-database backup restores into an empty database; table ${table.name} here has rows.`);
  }
}

/** Reads a backup (gzip'd or plain JSON lines) and restores it in one transaction: all of it or nothing. */
export async function restoreBackup(database: Database, input: Readable): Promise<RestoreSummary> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = checkHeader(first.done ? undefined : first.value);
  const whole = createHash('sha256').update(`${first.value}\n`);
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local timezone to 'UTC'`);
    const catalog = await readCatalog(client);
    await preflight(client, header, catalog);
    // Triggers keep derived rows (plan versions, metric roll-ups) in step with ordinary writes; the
    // backup already holds those rows as they were, so inserting must not derive them again.
    // ALTER TABLE is transactional: a failed restore leaves the triggers as they were.
    const triggered = header.tables.filter((t) => catalog.get(t.name)!.userTriggers).map((t) => quoteIdent(t.name));
    for (const table of triggered) await client.query(`alter table ${table} disable trigger user`);
    const position = new Map(header.tables.map((t, i) => [t.name, i]));
    const counts: Record<string, { rows: number; hash: ReturnType<typeof createHash> }> = {};
    let alreadyPresent = 0;
    let current = -1;
    let batch: string[] = [];
    let batchChars = 0;
    let trailer: BackupTrailer | null = null;

    const flush = async () => {
      if (batch.length === 0) return;
      const table = header.tables[current]!;
      const target = catalog.get(table.name)!;
      const cols = table.columns.map(quoteIdent).join(', ');
      const rowsJson = `[${batch.join(',')}]`;
      const rowCount = batch.length;
      batch = [];
      batchChars = 0;
      const from = `jsonb_populate_recordset(null::${quoteIdent(table.name)}, $1::jsonb) r`;
      if (table.role !== 'shared') {
        await client.query(`insert into ${quoteIdent(table.name)} (${cols}) select ${cols} from ${from}`, [rowsJson]);
        return;
      }
      // Accounts and skills may already be here (a person in two coalitions, reference data): kept as
      // they are, as long as the very row (its key) exists; a clash on another unique key is refused.
      const inserted = await client.query(`insert into ${quoteIdent(table.name)} (${cols}) select ${cols} from ${from} on conflict do nothing`, [rowsJson]);
      const pk = target.primaryKey.map((c) => `t.${quoteIdent(c)} = r.${quoteIdent(c)}`).join(' and ');
      const absent = await client.query<{ row: string }>(`select to_jsonb(r)::text as row from ${from} where not exists (select 1 from ${quoteIdent(table.name)} t where ${pk}) limit 1`, [rowsJson]);
      if (absent.rowCount) throw new BackupError(`A ${table.name} row of the backup clashes with a different row already here (same unique value, another key): ${absent.rows[0]!.row.slice(0, 200)}`);
      alreadyPresent += rowCount - (inserted.rowCount ?? 0);
    };

    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (trailer) throw new BackupError('The backup has data after its end: it is damaged.');
      const row = parseRowLine(line);
      if (!row) {
        try {
          trailer = JSON.parse(line) as BackupTrailer;
        } catch {
          throw new BackupError('The backup has a damaged line.');
        }
        if (trailer.end !== true) throw new BackupError('The backup has a damaged line.');
        continue;
      }
      whole.update(`${line}\n`);
      const at = position.get(row.table);
      if (at === undefined || at < current) throw new BackupError(`The backup has a ${row.table} row out of place: it is damaged.`);
      if (at !== current) {
        await flush();
        current = at;
      }
      const entry = (counts[row.table] ??= { rows: 0, hash: createHash('sha256') });
      entry.rows++;
      entry.hash.update(row.row).update('\n');
      batch.push(row.row);
      batchChars += row.row.length;
      if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
    }
    await flush();
    if (!trailer) throw new BackupError('The backup ends before its last line: it is truncated. Nothing was restored.');
    if (trailer.sha256 !== whole.digest('hex')) throw new BackupError('The backup does not match its checksum: it is damaged. Nothing was restored.');
    for (const table of header.tables) {
      const got = counts[table.name];
      const expected = trailer.tables[table.name];
      if (!expected || expected.rows !== (got?.rows ?? 0) || expected.sha256 !== (got ?? { hash: createHash('sha256') }).hash.digest('hex')) {
        throw new BackupError(`The backup's ${table.name} rows do not match their checksum: it is damaged. Nothing was restored.`);
      }
    }
    for (const table of triggered) await client.query(`alter table ${table} enable trigger user`);
    const here = await readSequences(client);
    for (const [name, value] of Object.entries(header.sequences ?? {})) {
      if (value === null || !(name in here)) continue;
      await client.query(`select setval($1::regclass, greatest($2::bigint, coalesce((select last_value from pg_sequences where schemaname = 'public' and sequencename = $3), 1)))`, [quoteIdent(name), value, name]);
    }
    await client.query('commit');
    return {
      scope: header.scope,
      coalition: header.coalition,
      rows: trailer.rows,
      tables: Object.fromEntries(Object.entries(trailer.tables).map(([n, t]) => [n, t.rows])),
      alreadyPresent,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    lines.return?.();
  }
}

/** Restores a backup file written by backupToFile (gzip'd; a plain JSON-lines file is read as is). */
export async function restoreFromFile(database: Database, file: string): Promise<RestoreSummary> {
  const fd = fs.openSync(file, 'r');
  const magic = Buffer.alloc(2);
  fs.readSync(fd, magic, 0, 2, 0);
  fs.closeSync(fd);
  const raw = fs.createReadStream(file);
  const input = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (error) => input.destroy(error));
  return restoreBackup(database, input);
}
