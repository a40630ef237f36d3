import { enqueueJob, registerJobHandler, type JobHandler } from '../../platform/jobs/jobs.js';

/**
 * Registers a job whose failures are retried: a thrown error re-queues a copy of the job (payload
 * `attempt` + 1) until `maxAttempts`, and the failed run records why. Handlers must be idempotent
 * (communications keep a delivery record with a unique key, so a retried batch sends nothing twice).
 */
export function registerRetryingJob(kind: string, handler: JobHandler, maxAttempts = 3): void {
  registerJobHandler(kind, async (ctx) => {
    try {
      return await handler(ctx);
    } catch (error) {
      const attempt = Number(ctx.job.payload.attempt ?? 1);
      const message = error instanceof Error ? error.message : String(error);
      if (attempt < maxAttempts) {
        await enqueueJob(ctx.services.database.db, { coalitionId: ctx.job.coalitionId, kind, payload: { ...ctx.job.payload, attempt: attempt + 1 }, createdBy: ctx.job.createdBy });
        ctx.services.jobRunner?.poke();
      }
      return { status: 'failed', errors: [{ row: 0, column: null, message: `Attempt ${attempt} of ${maxAttempts} failed: ${message}${attempt < maxAttempts ? '; retrying' : ''}` }] };
    }
  });
}
