import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Executor } from '../../db/client.js';
import type { Services } from '../context.js';
import { jobs } from './jobs.table.js';

export type JobRow = typeof jobs.$inferSelect;

export interface JobContext {
  services: Services;
  job: JobRow;
  /** Records progress where others can see it (throttled; never inside the caller's transaction). */
  progress(update: { processed: number; total?: number | null; phase?: string }): Promise<void>;
}

export interface JobOutcome {
  status: 'succeeded' | 'failed';
  errors?: JobRow['errors'];
  result?: Record<string, unknown>;
  processed?: number;
}

export type JobHandler = (ctx: JobContext) => Promise<JobOutcome>;

const handlers = new Map<string, JobHandler>();
const LEASE_SECONDS = 120;

/** Each room registers the job kinds it runs (e.g. `import:organizations`). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  if (handlers.has(kind)) throw new Error(`Job handler ${kind} registered twice`);
  handlers.set(kind, handler);
}

export async function enqueueJob(db: Executor, job: { id?: string; coalitionId: string; kind: string; payload?: Record<string, unknown>; createdBy: string | null; total?: number | null }): Promise<string> {
  const id = job.id ?? randomUUID();
  await db.insert(jobs).values({ coalitionId: job.coalitionId, id, kind: job.kind, payload: job.payload ?? {}, createdBy: job.createdBy, total: job.total ?? null });
  return id;
}

/** Claims the oldest runnable job, or re-claims one whose process died (its lease ran out). */
async function claimNext(services: Services): Promise<JobRow | undefined> {
  const result = await services.database.db.execute<{ coalition_id: string; id: string }>(sql`
    update jobs set status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()),
      lease_until = now() + make_interval(secs => ${LEASE_SECONDS}), processed = 0, phase = null
    where (coalition_id, id) = (
      select coalition_id, id from jobs
      where status = 'queued' or (status = 'running' and lease_until < now())
      order by created_at limit 1 for update skip locked)
    returning coalition_id, id`);
  const claimed = result.rows[0];
  if (!claimed) return undefined;
  const [row] = await services.database.db.select().from(jobs).where(and(eq(jobs.coalitionId, claimed.coalition_id), eq(jobs.id, claimed.id)));
  return row;
}

async function finish(services: Services, job: JobRow, outcome: JobOutcome) {
  await services.database.db
    .update(jobs)
    .set({
      status: outcome.status,
      errors: outcome.errors ?? [],
      result: outcome.result ?? null,
      finishedAt: new Date(),
      leaseUntil: null,
      phase: null,
      ...(outcome.processed !== undefined ? { processed: outcome.processed } : {}),
    })
    .where(and(eq(jobs.coalitionId, job.coalitionId), eq(jobs.id, job.id)));
}

export async function runJob(services: Services, job: JobRow, log?: FastifyBaseLogger): Promise<void> {
  const handler = handlers.get(job.kind);
  if (!handler) {
    await finish(services, job, { status: 'failed', errors: [{ row: 0, column: null, message: `No handler for ${job.kind}` }] });
    return;
  }
  let last = 0;
  const ctx: JobContext = {
    services,
    job,
    async progress(update) {
      const now = Date.now();
      if (now - last < 250 && update.phase === undefined) return;
      last = now;
      await services.database.db
        .update(jobs)
        .set({
          processed: update.processed,
          ...(update.total !== undefined ? { total: update.total } : {}),
          ...(update.phase !== undefined ? { phase: update.phase } : {}),
          leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
        })
        .where(and(eq(jobs.coalitionId, job.coalitionId), eq(jobs.id, job.id)));
    },
  };
  try {
    await finish(services, job, await handler(ctx));
  } catch (error) {
    log?.error({ err: error, job: job.id, kind: job.kind }, 'job failed');
    await finish(services, job, { status: 'failed', errors: [{ row: 0, column: null, message: 'The job failed unexpectedly; nothing was written.' }] });
  }
}

/** Runs queued jobs until none is left (tests call this; the runner loop calls it on a timer). */
export async function drainJobs(services: Services, log?: FastifyBaseLogger): Promise<number> {
  let count = 0;
  for (let job = await claimNext(services); job; job = await claimNext(services)) {
    await runJob(services, job, log);
    count++;
  }
  return count;
}

/** The background loop of one process; several processes may run it against one database. */
export function startJobRunner(services: Services, log: FastifyBaseLogger, intervalMs = 1000): { stop(): Promise<void>; poke(): void } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const tick = () => {
    if (busy || stopped) return;
    busy = true;
    running = drainJobs(services, log)
      .catch((error: unknown) => log.warn({ err: error }, 'job runner tick failed'))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    poke: () => setImmediate(tick),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
