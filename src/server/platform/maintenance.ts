import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import { pruneSessions } from './auth/sessions.js';
import { pruneRateLimits } from './ratelimit/ratelimit.js';

/** Hourly clean-up of expired sessions and old rate-limit windows; idempotent, so any process may run it. */
export function startMaintenance(database: Database, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      await pruneSessions(database.db);
      await pruneRateLimits(database.db);
    } catch (error) {
      log.warn({ err: error }, 'maintenance failed; will retry');
    }
  };
  const timer = setInterval(() => void run(), 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
