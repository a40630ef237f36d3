import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { chainQueries } from './query-chain.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The database handle; `$client` is its pool (statement templates run on it directly). */
export type Db = NodePgDatabase<Schema> & { $client: pg.Pool };
/** A transaction or the database itself: services accept either so they compose. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  mode: 'pglite' | 'postgres';
  db: Db;
  pool: pg.Pool;
  /** False once the embedded worker has died or the pool has been closed. */
  isAlive(): boolean;
  close(): Promise<void>;
}

// Dates stay strings ('2026-03-01'): the API speaks ISO dates, and a Date would shift by time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint counts (count(*)) fit in a JS number for anything this app counts.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** How drizzle names columns; statement templates (statement-template.ts) are built the same way. */
export const CASING = 'snake_case';

export function wrapPool(pool: pg.Pool, mode: Database['mode'], extra?: { isAlive?: () => boolean; onClose?: () => Promise<void> }): Database {
  let closed = false;
  pool.on('error', () => undefined); // an idle client's error must not crash the process; the next query reports it
  pool.on('connect', (client) => chainQueries(client));
  return {
    mode,
    pool,
    db: drizzle({ client: pool, schema, casing: CASING }),
    isAlive: () => !closed && (extra?.isAlive?.() ?? true),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await extra?.onClose?.();
    },
  };
}

/**
 * Every server connection starts without JIT: for a ranking over hundreds of thousands of rows the
 * planner's estimate passes jit_above_cost, and compiling took seconds on a busy machine, far more
 * than the query it compiles (decision 023).
 */
export const SESSION_OPTIONS = '-c jit=off';

export function connectPostgres(url: string, max = 10): Database {
  return wrapPool(new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, options: SESSION_OPTIONS }), 'postgres');
}

export function poolForPgliteHost(port: number): pg.Pool {
  // One connection: the socket server serves one session (see pglite-host.ts).
  return new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: 1, idleTimeoutMillis: 0 });
}

/** Starts the embedded PGlite in its own process and connects to it. */
export async function startEmbedded(dataDir: string): Promise<Database> {
  const workerPath = fileURLToPath(new URL('./pglite-worker.ts', import.meta.url));
  const child = fork(workerPath, [dataDir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { type: string; port?: number; message?: string }) => {
      if (message.type === 'ready' && message.port) resolve(message.port);
      else reject(new Error(message.message ?? 'The embedded database did not start'));
    });
    child.once('exit', (code) => reject(new Error(`The embedded database exited with code ${code}`)));
  });
  let alive = true;
  child.on('exit', () => {
    alive = false;
  });
  return wrapPool(poolForPgliteHost(port), 'pglite', {
    isAlive: () => alive,
    onClose: () => stopChild(child),
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('stop');
  });
}
