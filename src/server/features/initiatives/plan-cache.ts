import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

/**
 * Computed master plans, kept per process and keyed by (coalition, plan version, day judged on).
 * The version lives in PostgreSQL (initiative_plan_versions): triggers give it a fresh sequence
 * number in the same transaction as any write to tasks, dependencies, initiatives, risks, the tasks
 * they threaten or people's names. Every read asks for the current version first (one indexed row),
 * so a plan changed by another process is never served once that change has committed; the plan is
 * then loaded after the version was read, so what is kept under a version is never older than it.
 * Sequence numbers are never reused (not even after a rollback), so a plan computed inside a
 * transaction that rolled back can never be matched by a later, committed version.
 */
/** Computed plans (a few MB each for 5,000 tasks) and their serialized responses, least recently used out first. */
interface Entry {
  coalitionId: string;
  version: bigint;
  value: unknown;
}
const plans = new Map<string, Entry>();
const bodies = new Map<string, Entry>();
/** The newest plan version kept per coalition. */
const newest = new Map<string, bigint>();

export async function planVersion(db: Executor, coalitionId: string): Promise<string> {
  const result = await db.execute<{ version: string }>(sql`select version::text as version from initiative_plan_versions where coalition_id = ${coalitionId}`);
  return result.rows[0]?.version ?? '0';
}

/**
 * Committed versions only grow, so when a newer version of a coalition's plan is kept, what was kept
 * under older ones is dropped (a read that still asks for one, having read the version just before a
 * commit, computes it again). Outdated plans do not linger in memory until they age out of the LRU,
 * which also spares the garbage collector megabytes of them after every change.
 */
async function remember<T>(entries: Map<string, Entry>, max: number, coalitionId: string, version: string, rest: string, compute: () => Promise<T>): Promise<T> {
  const key = `${coalitionId}|${version}|${rest}`;
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  const v = BigInt(version);
  const kept = newest.get(coalitionId);
  if (kept === undefined || v > kept) {
    newest.set(coalitionId, v);
    for (const map of [plans, bodies]) for (const [k, e] of map) if (e.coalitionId === coalitionId && e.version < v) map.delete(k);
  }
  entries.set(key, { coalitionId, version: v, value });
  while (entries.size > max) entries.delete(entries.keys().next().value!);
  return value;
}

/** The plan kept for this coalition, version and day, or computes and keeps it. */
export const cachedPlan = <T>(coalitionId: string, version: string, asOf: string, compute: () => Promise<T>) => remember(plans, 16, coalitionId, version, asOf, compute);
/** The serialized response (UTF-8 bytes) kept for this plan (coalition, version, day) and filters, or builds and keeps it. */
export const cachedBody = (coalitionId: string, version: string, asOfAndFilters: string, compute: () => Promise<Buffer>) => remember(bodies, 8, coalitionId, version, asOfAndFilters, compute);

/** For tests: forget everything kept. */
export function clearPlanCache(): void {
  plans.clear();
  bodies.clear();
  newest.clear();
}
