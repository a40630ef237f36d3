import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { AppError } from '../errors.js';

export interface Limit {
  max: number;
  windowSeconds: number;
}

/**
 * Counts one hit for `key` in the current fixed window and throws 429 past `max`.
 * Kept in PostgreSQL so several app processes share the count.
 */
export async function hit(db: Executor, key: string, limit: Limit): Promise<void> {
  const windowMs = limit.windowSeconds * 1000;
  const now = Date.now();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const result = await db.execute<{ hits: number }>(sql`
    insert into rate_limit_hits (key, window_start, hits) values (${key}, ${windowStart.toISOString()}, 1)
    on conflict (key, window_start) do update set hits = rate_limit_hits.hits + 1
    returning hits`);
  const hits = Number(result.rows[0]?.hits ?? 0);
  if (hits > limit.max) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now) / 1000);
    throw new AppError('rate_limited', `Too many attempts. Try again in ${retryAfter} seconds.`, {
      headers: { 'retry-after': String(retryAfter) },
    });
  }
}

/** Clears a key's count, e.g. an account's failures after a successful sign-in. */
export async function reset(db: Executor, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limit_hits where key = ${key}`);
}

export async function pruneRateLimits(db: Executor): Promise<void> {
  await db.execute(sql`delete from rate_limit_hits where window_start < now() - interval '1 day'`);
}
