import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { migrationsFolder } from '../../db/migrate.js';

/**
 * What a backup needs to know about the schema, read from the database catalog rather than typed
 * in: a table added by any room is backed up without anyone remembering to list it.
 */
export interface TableInfo {
  name: string;
  /** Columns a row is written and restored with (generated columns excluded), in column order. */
  columns: string[];
  primaryKey: string[];
  /** Has a coalition_id column: a tenant table (decision 003). */
  tenant: boolean;
  /** Foreign keys to other tables: [own columns, referenced table, referenced columns]. */
  references: { columns: string[]; table: string; refColumns: string[] }[];
  /** Has triggers of its own (not constraint triggers): a restore switches them off while it inserts. */
  userTriggers: boolean;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function readCatalog(client: pg.ClientBase): Promise<Map<string, TableInfo>> {
  const tables = await client.query<{ name: string; columns: string[]; pk: string[] | null; triggers: boolean }>(`
    select c.relname as name,
      exists (select 1 from pg_trigger g where g.tgrelid = c.oid and not g.tgisinternal) as triggers,
      array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attnum) as columns,
      array(select a.attname::text from pg_index i cross join unnest(i.indkey) with ordinality k(attnum, n)
            join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
            where i.indrelid = c.oid and i.indisprimary order by k.n) as pk
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
    order by c.relname`);
  const fks = await client.query<{ table: string; columns: string[]; ref: string; ref_columns: string[] }>(`
    select src.relname as table, dst.relname as ref,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.n) as columns,
      array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.n) as ref_columns
    from pg_constraint con
    join pg_class src on src.oid = con.conrelid join pg_namespace ns on ns.oid = src.relnamespace
    join pg_class dst on dst.oid = con.confrelid
    where con.contype = 'f' and ns.nspname = 'public'`);
  const catalog = new Map<string, TableInfo>();
  for (const t of tables.rows) {
    catalog.set(t.name, { name: t.name, columns: t.columns, primaryKey: t.pk ?? [], tenant: t.columns.includes('coalition_id'), references: [], userTriggers: t.triggers });
  }
  for (const fk of fks.rows) catalog.get(fk.table)?.references.push({ columns: fk.columns, table: fk.ref, refColumns: fk.ref_columns });
  return catalog;
}

/** Tables ordered so every table comes after the tables it references (restore inserts in this order). */
export function dependencyOrder(catalog: Map<string, TableInfo>, names: string[]): string[] {
  const wanted = new Set(names);
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: string[] = [];
  const visit = (name: string) => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}: a backup cannot order its rows`);
    visiting.add(name);
    for (const ref of catalog.get(name)?.references ?? []) if (ref.table !== name && wanted.has(ref.table)) visit(ref.table);
    visiting.delete(name);
    done.add(name);
    order.push(name);
  };
  for (const name of [...names].sort()) visit(name);
  return order;
}

/** The migrations this code applies: a backup records how far its database had come. */
export function schemaVersion(): { migrations: number; last: string; tags: string[] } {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const tags = journal.entries.map((e) => e.tag);
  return { migrations: tags.length, last: tags[tags.length - 1] ?? '', tags };
}

/** The public schema's sequences and how far each has gone (null: never used). */
export async function readSequences(client: pg.ClientBase): Promise<Record<string, string | null>> {
  const rows = await client.query<{ name: string; value: string | null }>(`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by sequencename`);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.value]));
}
