import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../db/client.js';
import { pruneSessions } from './auth/sessions.js';
import { pruneUploads } from './imports/upload.js';
import { pruneRateLimits } from './ratelimit/ratelimit.js';

/**
 * Periodic upkeep rooms register (e.g. students' retention schedules its daily job here), so the
 * platform does not import the rooms. Each task must be idempotent: every process runs it.
 */
const tasks = new Map<string, (db: Db, now: Date) => Promise<void>>();

export function registerMaintenanceTask(name: string, task: (db: Db, now: Date) => Promise<void>): void {
  tasks.set(name, task);
}

/** One round of upkeep: expired sessions, old rate-limit windows, old uploads, then every registered task. */
export async function runMaintenance(database: Database, log?: FastifyBaseLogger, now = new Date()): Promise<void> {
  await pruneSessions(database.db);
  await pruneRateLimits(database.db);
  await pruneUploads(database.db, now);
  for (const [name, task] of tasks) {
    try {
      await task(database.db, now);
    } catch (error) {
      log?.warn({ err: error, task: name }, 'maintenance task failed; will retry');
    }
  }
}

/** Hourly upkeep; idempotent, so any process may run it. */
export function startMaintenance(database: Database, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      await runMaintenance(database, log);
    } catch (error) {
      log.warn({ err: error }, 'maintenance failed; will retry');
    }
  };
  // A first round a minute after start, so a server restarted more often than hourly still gets it.
  const first = setTimeout(() => void run(), 60 * 1000);
  first.unref();
  const timer = setInterval(() => void run(), 60 * 60 * 1000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
