import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { RETENTION_DEFAULTS, type RetentionDto, type retentionInput } from '../../../shared/students.contract.js';
import type { z } from 'zod';
import { applications, auditLog, coalitions, jobs } from '../../db/schema.js';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/jobs.js';
import { registerMaintenanceTask } from '../../platform/maintenance.js';
import { authorize } from '../../platform/permissions.js';
import './students.policy.js';
import { studentAccessLog, studentRetentionPolicies, students } from './students.table.js';

/**
 * Retention of student-related records (decision 021). Each coalition sets, in whole years, how long
 * it keeps access-log entries and the withdrawn applications of students who have graduated; a
 * daily background job deletes what is past it, in one transaction per coalition, and records what
 * it deleted in the audit log (counts only). Without a setting the defaults apply.
 */
export const RETENTION_JOB = 'students:retention';
/** A coalition's job is queued again once the last one is this old (the maintenance round is hourly). */
const RUN_EVERY_HOURS = 20;

async function policyOf(db: Executor, coalitionId: string) {
  const [row] = await db.select().from(studentRetentionPolicies).where(eq(studentRetentionPolicies.coalitionId, coalitionId));
  return row ? { accessLogYears: row.accessLogYears, withdrawnApplicationYears: row.withdrawnApplicationYears, isDefault: false } : { ...RETENTION_DEFAULTS, isDefault: true };
}

/** `years` whole years before `now` (29 February falls back to 28 February). */
function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(now.getUTCFullYear() - years);
  if (cutoff.getUTCMonth() !== now.getUTCMonth()) cutoff.setUTCDate(0);
  return cutoff;
}

export interface RetentionOutcome {
  accessLogDeleted: number;
  applicationsDeleted: number;
}

/** Deletes what is past the coalition's retention periods at `now`; all or nothing, audited. */
export async function applyRetention(db: Db, coalitionId: string, now = new Date()): Promise<RetentionOutcome> {
  return db.transaction(async (tx) => {
    const policy = await policyOf(tx, coalitionId);
    const log = await tx
      .delete(studentAccessLog)
      .where(and(eq(studentAccessLog.coalitionId, coalitionId), lt(studentAccessLog.at, yearsBefore(now, policy.accessLogYears))))
      .returning({ id: studentAccessLog.id });
    // Graduated at least N years ago: graduation year + N ≤ this year. Their status history goes with them (cascade).
    const lastGraduationYear = now.getUTCFullYear() - policy.withdrawnApplicationYears;
    const apps = await tx
      .delete(applications)
      .where(
        and(
          eq(applications.coalitionId, coalitionId),
          eq(applications.status, 'withdrawn'),
          sql`exists (select 1 from ${students} where ${students.coalitionId} = ${applications.coalitionId} and ${students.id} = ${applications.studentId} and ${students.graduationYear} <= ${lastGraduationYear})`,
        ),
      )
      .returning({ id: applications.id });
    const outcome = { accessLogDeleted: log.length, applicationsDeleted: apps.length };
    if (outcome.accessLogDeleted + outcome.applicationsDeleted > 0) {
      await tx.insert(auditLog).values({ coalitionId, id: newId(), actorUserId: null, action: 'retention', entityType: 'coalition', entityId: coalitionId, changes: { ...outcome, policy: { accessLogYears: policy.accessLogYears, withdrawnApplicationYears: policy.withdrawnApplicationYears } } });
    }
    return outcome;
  });
}

registerJobHandler(RETENTION_JOB, async ({ services, job }) => {
  const outcome = await applyRetention(services.database.db, job.coalitionId);
  return { status: 'succeeded', result: { ...outcome }, processed: outcome.accessLogDeleted + outcome.applicationsDeleted };
});

/** Queues a retention job for every coalition whose last one is older than RUN_EVERY_HOURS (or that has none). */
export async function scheduleRetention(db: Db, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - RUN_EVERY_HOURS * 3600 * 1000);
  const due = await db
    .select({ id: coalitions.id })
    .from(coalitions)
    .where(sql`not exists (select 1 from ${jobs} where ${jobs.coalitionId} = ${coalitions.id} and ${jobs.kind} = ${RETENTION_JOB} and (${jobs.createdAt} > ${since} or ${jobs.status} in ('queued', 'running')))`);
  for (const c of due) await enqueueJob(db, { coalitionId: c.id, kind: RETENTION_JOB, createdBy: null });
  return due.length;
}

registerMaintenanceTask('students-retention', (db, now) => scheduleRetention(db, now).then(() => undefined));

async function lastRun(db: Executor, coalitionId: string): Promise<RetentionDto['lastRun']> {
  const [job] = await db
    .select({ finishedAt: jobs.finishedAt, result: jobs.result })
    .from(jobs)
    .where(and(eq(jobs.coalitionId, coalitionId), eq(jobs.kind, RETENTION_JOB), eq(jobs.status, 'succeeded')))
    .orderBy(desc(jobs.finishedAt))
    .limit(1);
  if (!job?.finishedAt) return null;
  const result = (job.result ?? {}) as Partial<RetentionOutcome>;
  return { at: job.finishedAt.toISOString(), accessLogDeleted: result.accessLogDeleted ?? 0, applicationsDeleted: result.applicationsDeleted ?? 0 };
}

export async function getRetention(ctx: TenantCtx): Promise<RetentionDto> {
  authorize(ctx, 'student.manageRetention');
  return { ...(await policyOf(ctx.db, ctx.coalition.id)), lastRun: await lastRun(ctx.db, ctx.coalition.id) };
}

export async function setRetention(ctx: TenantCtx, input: z.infer<typeof retentionInput>): Promise<RetentionDto> {
  authorize(ctx, 'student.manageRetention');
  await ctx.db.transaction(async (tx) => {
    const before = await policyOf(tx, ctx.coalition.id);
    const values = { ...input, updatedAt: new Date(), updatedByUserId: ctx.actor.userId };
    await tx.insert(studentRetentionPolicies).values({ coalitionId: ctx.coalition.id, ...values }).onConflictDoUpdate({ target: studentRetentionPolicies.coalitionId, set: values });
    await recordAudit(tx, ctx, { action: 'set_retention', entityType: 'coalition', entityId: ctx.coalition.id, changes: { from: { accessLogYears: before.accessLogYears, withdrawnApplicationYears: before.withdrawnApplicationYears }, to: input } });
  });
  return getRetention(ctx);
}

/** Runs the coalition's retention now (the Coordinator's "apply now"): queues the job; the runner picks it up. */
export async function runRetentionNow(ctx: TenantCtx): Promise<{ jobId: string }> {
  authorize(ctx, 'student.manageRetention');
  return { jobId: await enqueueJob(ctx.db, { coalitionId: ctx.coalition.id, kind: RETENTION_JOB, createdBy: ctx.actor.userId }) };
}
