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
/** Tasks that start things at a given hour (the weekly digest) check every minute, not hourly. */
const minuteTasks = new Map<string, (db: Db, now: Date) => Promise<void>>();

export function registerMaintenanceTask(name: string, task: (db: Db, now: Date) => Promise<void>, options: { everyMinute?: boolean } = {}): void {
  (options.everyMinute ? minuteTasks : tasks).set(name, task);
}

async function runTasks(which: Map<string, (db: Db, now: Date) => Promise<void>>, database: Database, log: FastifyBaseLogger | undefined, now: Date) {
  for (const [name, task] of which) {
    try {
      await task(database.db, now);
    } catch (error) {
      log?.warn({ err: error, task: name }, 'maintenance task failed; will retry');
    }
  }
}

/** One round of the every-minute tasks (tests call it with a chosen time). */
export async function runMinuteTasks(database: Database, log?: FastifyBaseLogger, now = new Date()): Promise<void> {
  await runTasks(minuteTasks, database, log, now);
}

/** One round of upkeep: expired sessions, old rate-limit windows, old uploads, then every registered task. */
export async function runMaintenance(database: Database, log?: FastifyBaseLogger, now = new Date()): Promise<void> {
  await pruneSessions(database.db);
  await pruneRateLimits(database.db);
  await pruneUploads(database.db, now);
  await runTasks(tasks, database, log, now);
}

/** Hourly upkeep and the every-minute tasks; idempotent, so any process may run them. */
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
  const minutely = setInterval(() => void runMinuteTasks(database, log).catch((error: unknown) => log.warn({ err: error }, 'minute tasks failed; will retry')), 60 * 1000);
  minutely.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
    clearInterval(minutely);
  };
}
