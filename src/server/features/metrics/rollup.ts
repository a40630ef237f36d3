import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/jobs.js';
import { rawApplicationActuals, type ApplicationActuals, type Span } from './metrics.queries.js';
import { rebuildRollupRows, rollupApplicationActuals, rollupState } from './rollup.queries.js';

/**
 * The daily rollup's life cycle (decision 018). Reads are always exact: while the rollup is
 * current (no trigger has bumped its version since it was built) a read is the rollup plus the
 * live tail; otherwise it is the raw computation. A read enqueues a refresh when the rollup is
 * out of date or was built before the start of the coalition's current day, so it is rebuilt at
 * most once a day plus once after each change to history it already held.
 */
export const ROLLUP_JOB = 'metrics:rollup';

export interface ApplicationActualsResult {
  values: ApplicationActuals;
  source: 'rollup' | 'raw';
}

/** Midnight of the coalition's current day, as an instant. */
async function startOfToday(db: Executor, timeZone: string): Promise<Date> {
  const result = await db.execute<{ t: Date | string }>(sql`select (date_trunc('day', now() at time zone ${timeZone}::text) at time zone ${timeZone}::text) as t`);
  return new Date(result.rows[0]!.t);
}

/** Queues a refresh unless one is already queued or running for the coalition. */
export async function requestRollupRefresh(db: Executor, coalitionId: string): Promise<boolean> {
  const pending = await db.execute(sql`select 1 from jobs where coalition_id = ${coalitionId} and kind = ${ROLLUP_JOB} and status in ('queued', 'running') limit 1`);
  if (pending.rows.length > 0) return false;
  await enqueueJob(db, { coalitionId, kind: ROLLUP_JOB, createdBy: null });
  return true;
}

export async function applicationActuals(db: Executor, s: Span): Promise<ApplicationActualsResult> {
  const state = await rollupState(db, s.coalitionId);
  const current = state !== undefined && state.builtVersion === state.version;
  if (!current || state.through < (await startOfToday(db, s.timeZone))) await requestRollupRefresh(db, s.coalitionId);
  if (current) return { values: await rollupApplicationActuals(db, s), source: 'rollup' };
  return { values: await rawApplicationActuals(db, s), source: 'raw' };
}

/**
 * Rebuilds a coalition's rollup through now. First, briefly holding SHARE locks on the tables the
 * triggers watch (so writes in flight finish first and later ones see the new `through`), it
 * moves `through` and bumps the version, so reads use the raw computation until the rebuild
 * commits. The rebuild then marks itself current only if nothing bumped the version meanwhile.
 */
export async function refreshRollup(db: Db, coalitionId: string): Promise<{ current: boolean; through: Date; days: number }> {
  const [coalition] = (await db.execute<{ time_zone: string }>(sql`select time_zone from coalitions where id = ${coalitionId}`)).rows;
  if (!coalition) throw new Error(`No coalition ${coalitionId}`);
  const version = await db.transaction(async (tx) => {
    await tx.execute(sql`lock table applications, application_status_changes, opportunities in share mode`);
    const result = await tx.execute<{ version: string | number }>(sql`
      insert into metric_rollup_state (coalition_id, through, version) values (${coalitionId}, now(), 1)
      on conflict (coalition_id) do update set through = now(), version = metric_rollup_state.version + 1
      returning version`);
    return Number(result.rows[0]!.version);
  });
  return db.transaction(async (tx) => {
    await rebuildRollupRows(tx, coalitionId, coalition.time_zone);
    const marked = await tx.execute(sql`update metric_rollup_state set built_version = version, refreshed_at = now() where coalition_id = ${coalitionId} and version = ${version} returning through`);
    const days = await tx.execute<{ n: number }>(sql`select count(*)::int as n from metric_daily_rollups where coalition_id = ${coalitionId}`);
    const state = await rollupState(tx, coalitionId);
    return { current: marked.rows.length > 0, through: state!.through, days: Number(days.rows[0]!.n) };
  });
}

registerJobHandler(ROLLUP_JOB, async ({ services, job }) => {
  const outcome = await refreshRollup(services.database.db, job.coalitionId);
  return { status: 'succeeded', result: { current: outcome.current, through: outcome.through.toISOString(), days: outcome.days } };
});
