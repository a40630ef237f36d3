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
const plans = new Map<string, unknown>();
const bodies = new Map<string, unknown>();

export async function planVersion(db: Executor, coalitionId: string): Promise<string> {
  const result = await db.execute<{ version: string }>(sql`select version::text as version from initiative_plan_versions where coalition_id = ${coalitionId}`);
  return result.rows[0]?.version ?? '0';
}

async function remember<T>(entries: Map<string, unknown>, max: number, key: string, compute: () => Promise<T>): Promise<T> {
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    entries.delete(key);
    entries.set(key, value);
    return value;
  }
  const value = await compute();
  entries.set(key, value);
  while (entries.size > max) entries.delete(entries.keys().next().value!);
  return value;
}

/** The plan kept for this key (coalition, version, day), or computes and keeps it. */
export const cachedPlan = <T>(key: string, compute: () => Promise<T>) => remember(plans, 16, key, compute);
/** The serialized response (UTF-8 bytes) kept for this key (plan key and filters), or builds and keeps it. */
export const cachedBody = (key: string, compute: () => Promise<Buffer>) => remember(bodies, 8, key, compute);

/** For tests: forget everything kept. */
export function clearPlanCache(): void {
  plans.clear();
  bodies.clear();
}
