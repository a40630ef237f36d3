// What the app-against-raw-SQL benchmarks do to their PostgreSQL connections so both sides are
// timed in the same state (docs/scaling.md, "A fresh connection's page faults").
import type pg from 'pg';
import { procStat } from './server.js';

/**
 * A fresh PostgreSQL backend gives memory back to the operating system after each statement until
 * one larger statement has raised glibc's allocation thresholds; until then, a statement that needs
 * a few megabytes (the ranking's planner) takes it again as new pages every time: ~750 page faults,
 * ~2 ms on this machine, for whichever side happens to be in that state. A connection that has run
 * any larger statement, as a long-lived pooled connection has, never is again. This sorts in memory
 * (a few MB, under the default work_mem) on each connection a side will use.
 */
const SETTLE = 'select count(*) from (select g from generate_series(1, 300000) g order by g desc) settled';

export async function settleConnections(pool: pg.Pool, connections: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  try {
    for (const client of clients) await client.query(SETTLE);
  } finally {
    for (const client of clients) client.release();
  }
}

/**
 * Minor page faults so far of the server processes of the connections named `applicationName`
 * (PostgreSQL on this machine; null when their /proc entries cannot be read): a check that the
 * timed statements ran settled.
 */
export async function backendPageFaults(admin: pg.Pool, applicationName: string): Promise<number | null> {
  const { rows } = await admin.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1`, [applicationName]);
  let faults = 0;
  for (const { pid } of rows) {
    const fields = procStat(pid);
    if (!fields) return null;
    faults += Number(fields[7]); // minflt, field 10 of /proc/<pid>/stat
  }
  return faults;
}
