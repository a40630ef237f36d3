import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/jobs.js';
import { rawApplicationActuals, type ApplicationActuals, type Span } from './metrics.queries.js';
import { rebuildRollupRows, rollupApplicationActuals, rollupState } from './rollup.queries.js';

/**
 * The daily rollup's life cycle (decision 018). Reads are always exact: while the rollup is
 * current (no trigger has bumped its version since it was built) a read is the rollup plus the
 * live tail; otherwise it is the raw computation. A read enqueues a refresh when the rollup is
 * out of date or its tail is older than TAIL_MINUTES, so it is rebuilt at most every quarter of
 * an hour while people read it, plus once after each change to history it already held.
 */
export const ROLLUP_JOB = 'metrics:rollup';
/**
 * A read queues a refresh once the tail is this old: each tail row costs index probes at read
 * time (bench/metrics-rollup.ts: a day's tail at 2,000,000 applications is slower than raw), and
 * the refresh of a current rollup only rebuilds the current year.
 */
export const TAIL_MINUTES = 15;

export interface ApplicationActualsResult {
  values: ApplicationActuals;
  source: 'rollup' | 'raw';
}

/** Queues a refresh unless one is already queued or running for the coalition. */
export async function requestRollupRefresh(db: Executor, coalitionId: string): Promise<boolean> {
  const pending = await db.execute(sql`select 1 from jobs where coalition_id = ${coalitionId} and kind = ${ROLLUP_JOB} and status in ('queued', 'running') limit 1`);
  if (pending.rows.length > 0) return false;
  await enqueueJob(db, { coalitionId, kind: ROLLUP_JOB, createdBy: null });
  return true;
}

export async function applicationActuals(db: Executor, s: Span): Promise<ApplicationActualsResult> {
  // One round trip: is the rollup current, and is its live tail older than TAIL_MINUTES?
  const [state] = (
    await db.execute<{ through: Date | string; current: boolean; tail_old: boolean }>(sql`
      select through, built_version is not distinct from version as current,
             through < now() - make_interval(mins => ${TAIL_MINUTES}) as tail_old
        from metric_rollup_state where coalition_id = ${s.coalitionId}`)
  ).rows;
  const current = state?.current === true;
  if (!current || state.tail_old) await requestRollupRefresh(db, s.coalitionId);
  // The statement re-checks that the rollup is still current (a refresh may have run since).
  const values = current ? await rollupApplicationActuals(db, s, new Date(state.through)) : undefined;
  if (values) return { values, source: 'rollup' };
  return { values: await rawApplicationActuals(db, s), source: 'raw' };
}

export interface RefreshOutcome {
  current: boolean;
  through: Date;
  days: number;
  /** 'full', or 'from <year>' when the rollup was current and only the years since its `through` were rebuilt. */
  rebuilt: string;
}

/**
 * Rebuilds a coalition's rollup through now. First, briefly holding SHARE locks on the tables the
 * triggers watch (so writes in flight finish first and later ones see the new `through`), it
 * moves `through` and bumps the version, so reads use the raw computation until the rebuild
 * commits. If the rollup was current, only the calendar years from the old `through` on can have
 * changed (nothing earlier was touched, or a trigger would have bumped the version), so only
 * those are rebuilt; otherwise all. The rebuild marks itself current only if nothing bumped the
 * version meanwhile.
 */
export async function refreshRollup(db: Db, coalitionId: string, options: { full?: boolean } = {}): Promise<RefreshOutcome> {
  const [coalition] = (await db.execute<{ time_zone: string }>(sql`select time_zone from coalitions where id = ${coalitionId}`)).rows;
  if (!coalition) throw new Error(`No coalition ${coalitionId}`);
  const tz = coalition.time_zone;
  const { version, fromYear } = await db.transaction(async (tx) => {
    // A long import holding these tables would make writers queue behind this lock: give up
    // after a moment instead (the job fails, and the next read queues another).
    await tx.execute(sql`set local lock_timeout = '2s'`);
    await tx.execute(sql`lock table applications, application_status_changes, opportunities in share mode`);
    const [before] = (
      await tx.execute<{ current: boolean; year: number }>(sql`
        select built_version is not distinct from version as current, extract(year from through at time zone ${tz}::text)::int as year
          from metric_rollup_state where coalition_id = ${coalitionId} for update`)
    ).rows;
    const result = await tx.execute<{ version: string | number }>(sql`
      insert into metric_rollup_state (coalition_id, through, version) values (${coalitionId}, now(), 1)
      on conflict (coalition_id) do update set through = now(), version = metric_rollup_state.version + 1
      returning version`);
    return { version: Number(result.rows[0]!.version), fromYear: before?.current === true && !options.full ? Number(before.year) : undefined };
  });
  return db.transaction(async (tx) => {
    await rebuildRollupRows(tx, coalitionId, tz, fromYear);
    const marked = await tx.execute(sql`update metric_rollup_state set built_version = version, refreshed_at = now() where coalition_id = ${coalitionId} and version = ${version} returning through`);
    const days = await tx.execute<{ n: number }>(sql`select count(*)::int as n from metric_daily_rollups where coalition_id = ${coalitionId}`);
    const state = await rollupState(tx, coalitionId);
    return { current: marked.rows.length > 0, through: state!.through, days: Number(days.rows[0]!.n), rebuilt: fromYear === undefined ? 'full' : `from ${fromYear}` };
  });
}

registerJobHandler(ROLLUP_JOB, async ({ services, job }) => {
  const outcome = await refreshRollup(services.database.db, job.coalitionId);
  return { status: 'succeeded', result: { current: outcome.current, through: outcome.through.toISOString(), days: outcome.days, rebuilt: outcome.rebuilt } };
});
