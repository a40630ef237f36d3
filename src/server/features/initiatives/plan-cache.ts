import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { versionedCache } from '../../platform/versioned-cache.js';

/**
 * Computed master plans, kept per process and keyed by (coalition, plan version, day judged on).
 * The version lives in PostgreSQL (initiative_plan_versions): triggers give it a fresh sequence
 * number in the same transaction as any write to tasks, dependencies, initiatives, risks, the tasks
 * they threaten or people's names. Every read asks for the current version first (one indexed row),
 * so a plan changed by another process is never served once that change has committed; the plan is
 * then loaded after the version was read, so what is kept under a version is never older than it.
 * Sequence numbers are never reused (not even after a rollback), so a plan computed inside a
 * transaction that rolled back can never be matched by a later, committed version. The keeping
 * (least recently used out, older versions dropped) is platform/versioned-cache.ts.
 */
/** Computed plans (a few MB each for 5,000 tasks) and their serialized responses, least recently used out first. */
const cache = versionedCache({ plans: 16, bodies: 8 });

export async function planVersion(db: Executor, coalitionId: string): Promise<string> {
  const result = await db.execute<{ version: string }>(sql`select version::text as version from initiative_plan_versions where coalition_id = ${coalitionId}`);
  return result.rows[0]?.version ?? '0';
}

/** The plan kept for this coalition, version and day, or computes and keeps it. */
export const cachedPlan = <T>(coalitionId: string, version: string, asOf: string, compute: () => Promise<T>) => cache.remember('plans', coalitionId, [version], asOf, compute);
/** The serialized response (UTF-8 bytes) kept for this plan (coalition, version, day) and filters, or builds and keeps it. */
export const cachedBody = (coalitionId: string, version: string, asOfAndFilters: string, compute: () => Promise<Buffer>) => cache.remember('bodies', coalitionId, [version], asOfAndFilters, compute);

/** For tests: forget everything kept. */
export function clearPlanCache(): void {
  cache.clear();
}
