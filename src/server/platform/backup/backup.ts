import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { PassThrough } from 'node:stream';
import type pg from 'pg';
import type { Database } from '../../db/client.js';
import { dependencyOrder, quoteIdent, readCatalog, readSequences, schemaVersion, type TableInfo } from './catalog.js';
import { BACKUP_FORMAT, BACKUP_VERSION, rowPrefix, type BackupHeader, type BackupScope, type BackupTrailer, type TableRole } from './format.js';

export class BackupError extends Error {}

export interface BackupOptions {
  /** A coalition's slug: that tenant only. Absent: the whole database. */
  coalition?: string | undefined;
}

export interface BackupSummary {
  scope: BackupScope;
  coalition: BackupHeader['coalition'];
  rows: number;
  tables: Record<string, number>;
  sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FETCH = 500;
const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

interface Plan {
  table: TableInfo;
  role: TableRole;
  /** SQL condition on alias t selecting the rows to keep. */
  where: string;
}

/** Which tables and rows a backup of this scope holds. */
function planTables(catalog: Map<string, TableInfo>, coalitionId: string | null): Plan[] {
  const plans = new Map<string, Plan>();
  if (coalitionId === null) {
    for (const table of catalog.values()) plans.set(table.name, { table, role: table.tenant ? 'tenant' : table.name === 'coalitions' ? 'coalition' : 'global', where: 'true' });
  } else {
    const id = sqlString(coalitionId);
    const coalitions = catalog.get('coalitions');
    if (!coalitions) throw new BackupError('This database has no coalitions table: is it migrated?');
    plans.set('coalitions', { table: coalitions, role: 'coalition', where: `t.id = ${id}` });
    const tenants = [...catalog.values()].filter((t) => t.tenant);
    for (const table of tenants) plans.set(table.name, { table, role: 'tenant', where: `t.coalition_id = ${id}` });
    // Global rows the tenant's rows point at (accounts of its people, the skills its records name):
    // without them the tenant's rows could not be restored into an empty database.
    const shared = new Map<string, string[]>();
    for (const tenant of tenants) {
      for (const ref of tenant.references) {
        const target = catalog.get(ref.table);
        if (!target || target.tenant || target.name === 'coalitions') continue;
        const match = ref.columns.map((c, i) => `x.${quoteIdent(c)} = t.${quoteIdent(ref.refColumns[i]!)}`).join(' and ');
        shared.set(target.name, [...(shared.get(target.name) ?? []), `exists (select 1 from ${quoteIdent(tenant.name)} x where x.coalition_id = ${id} and ${match})`]);
      }
    }
    for (const [name, conditions] of shared) {
      const table = catalog.get(name)!;
      // Shared rows are leaves here; one that pointed further would need its targets too.
      if (table.references.some((r) => r.table !== name)) throw new BackupError(`Shared table ${name} references other tables: a coalition backup does not follow them yet`);
      plans.set(name, { table, role: 'shared', where: conditions.join(' or ') });
    }
  }
  return dependencyOrder(catalog, [...plans.keys()]).map((name) => plans.get(name)!);
}

/**
 * Writes a backup (uncompressed JSON lines) of one coalition or the whole database to `out`, from
 * one repeatable-read snapshot: a running server keeps working while it is taken.
 */
export async function writeBackup(database: Database, options: BackupOptions, out: Writable): Promise<BackupSummary> {
  const client = await database.pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    // Rows are rendered by the server: make the rendering the same whatever the session's settings.
    await client.query(`set local timezone to 'UTC'`);
    await client.query('set local extra_float_digits = 1');
    const summary = await writeSnapshot(client, database.mode, options, out);
    await client.query('commit');
    return summary;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function writeSnapshot(client: pg.PoolClient, mode: Database['mode'], options: BackupOptions, out: Writable): Promise<BackupSummary> {
  let coalition: BackupHeader['coalition'] = null;
  if (options.coalition !== undefined) {
    const found = await client.query<{ id: string; slug: string; name: string }>('select id::text as id, slug, name from coalitions where slug = $1', [options.coalition.toLowerCase()]);
    coalition = found.rows[0] ?? null;
    if (!coalition) throw new BackupError(`No coalition "${options.coalition}" in this database.`);
    if (!UUID.test(coalition.id)) throw new BackupError('Unexpected coalition id');
  }
  const catalog = await readCatalog(client);
  const plans = planTables(catalog, coalition?.id ?? null);
  const { migrations, last } = schemaVersion();
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    scope: coalition ? 'coalition' : 'database',
    coalition,
    schema: { migrations, last },
    source: mode,
    createdAt: new Date().toISOString(),
    sequences: await readSequences(client),
    tables: plans.map((p) => ({ name: p.table.name, role: p.role, columns: p.table.columns })),
  };
  const whole = createHash('sha256');
  const emit = async (line: string) => {
    whole.update(line);
    await write(out, line);
  };
  await emit(`${JSON.stringify(header)}\n`);
  const trailer: BackupTrailer = { end: true, rows: 0, tables: {}, sha256: '' };
  for (const plan of plans) {
    const name = plan.table.name;
    const order = plan.table.primaryKey.length ? plan.table.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(', ') : '1 collate "C"';
    await client.query(`declare backup_rows no scroll cursor for select to_jsonb(t)::text as r from ${quoteIdent(name)} t where ${plan.where} order by ${order}`);
    const hash = createHash('sha256');
    let rows = 0;
    const prefix = rowPrefix(name);
    for (;;) {
      const batch = await client.query<{ r: string }>(`fetch ${FETCH} from backup_rows`);
      for (const { r } of batch.rows) {
        hash.update(r).update('\n');
        await emit(`${prefix}${r}}\n`);
      }
      rows += batch.rows.length;
      if (batch.rows.length < FETCH) break;
    }
    await client.query('close backup_rows');
    trailer.tables[name] = { rows, sha256: hash.digest('hex') };
    trailer.rows += rows;
  }
  trailer.sha256 = whole.digest('hex');
  await write(out, `${JSON.stringify(trailer)}\n`);
  return { scope: header.scope, coalition, rows: trailer.rows, tables: Object.fromEntries(Object.entries(trailer.tables).map(([n, t]) => [n, t.rows])), sha256: trailer.sha256 };
}

/** Writes a gzip'd backup to `file`, atomically: a failed or interrupted backup leaves no file behind. */
export async function backupToFile(database: Database, options: BackupOptions, file: string): Promise<BackupSummary> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  const lines = new PassThrough();
  const writing = pipeline(lines, createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
  try {
    const summary = await writeBackup(database, options, lines);
    lines.end();
    await writing;
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
    return summary;
  } catch (error) {
    lines.destroy();
    await writing.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
