import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DigestScheduleDto, DigestScheduleInput } from '../../../shared/communications.contract.js';
import { fromWallClock, wallClock } from '../../../shared/time-zone.js';
import type { Db, Executor } from '../../db/client.js';
import { auditLog, coalitions } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { jobs } from '../../platform/jobs/jobs.table.js';
import { registerMaintenanceTask } from '../../platform/maintenance.js';
import { authorize } from '../../platform/permissions.js';
import { registerRetryingJob } from '../meetings/index.js';
import { digestRuns, digestSchedules } from './communications.table.js';
import { addDays, mondayOf } from './digest.content.js';
import { beginDigestRun } from './digest.service.js';

/**
 * The weekly digest starts itself (decision 025). Every process checks each minute which coalitions'
 * hour has come and queues one job per coalition and week under an id derived from both, so the
 * jobs table's primary key admits it once however many processes check; the job starts the run,
 * whose (coalition, week) key makes it once per week even beside a Coordinator's manual start.
 */
export const DIGEST_SCHEDULED_JOB = 'communications:digest-scheduled';
export const DEFAULT_DIGEST_SCHEDULE = { weekday: 1, hour: 8, enabled: true } as const;
/** A start missed because no process ran at the hour is still made within this long; after that, next week. */
export const CATCH_UP_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

type Schedule = { weekday: number; hour: number; enabled: boolean };

const isoDay = (w: { year: number; month: number; day: number }) => `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;

/** The week (its Monday) that holds `at` in the zone, and the instant of that week's start. */
export function slotOfWeek(at: Date, timeZone: string, schedule: Pick<Schedule, 'weekday' | 'hour'>): { weekOf: string; at: Date } {
  const weekOf = mondayOf(isoDay(wallClock(at, timeZone)));
  const [year, month, day] = addDays(weekOf, schedule.weekday - 1).split('-').map(Number) as [number, number, number];
  return { weekOf, at: fromWallClock({ year, month, day, hour: schedule.hour, minute: 0 }, timeZone) };
}

/** The start due at `now`, if any: this week's or last week's slot, reached and within the catch-up. */
export function dueSlot(now: Date, timeZone: string, schedule: Schedule): { weekOf: string; at: Date } | null {
  if (!schedule.enabled) return null;
  for (const slot of [slotOfWeek(now, timeZone, schedule), slotOfWeek(new Date(now.getTime() - WEEK_MS), timeZone, schedule)]) {
    const since = now.getTime() - slot.at.getTime();
    if (since >= 0 && since < CATCH_UP_MS) return slot;
  }
  return null;
}

/** The next start: a due slot whose week has no run yet, else the first slot still ahead. */
export function nextStart(now: Date, timeZone: string, schedule: Schedule, hasRun: (weekOf: string) => boolean): Date | null {
  if (!schedule.enabled) return null;
  const due = dueSlot(now, timeZone, schedule);
  if (due && !hasRun(due.weekOf)) return due.at;
  for (let weeks = 0; weeks < 3; weeks++) {
    const slot = slotOfWeek(new Date(now.getTime() + weeks * WEEK_MS), timeZone, schedule);
    if (slot.at > now && !hasRun(slot.weekOf)) return slot.at;
  }
  return null;
}

/** A UUID (version-5 layout) from the coalition and week: the same job id in every process. */
export function scheduledJobId(coalitionId: string, weekOf: string): string {
  const h = createHash('sha256').update(`digest-schedule:${coalitionId}:${weekOf}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${(8 | (parseInt(h[16]!, 16) & 3)).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Every minute, in every process: queues the week's start for each coalition whose hour has come. */
export async function queueDueDigests(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .select({ id: coalitions.id, timeZone: coalitions.timeZone, weekday: digestSchedules.weekday, hour: digestSchedules.hour, enabled: digestSchedules.enabled })
    .from(coalitions)
    .leftJoin(digestSchedules, eq(digestSchedules.coalitionId, coalitions.id));
  let queued = 0;
  for (const row of rows) {
    const slot = dueSlot(now, row.timeZone, { weekday: row.weekday ?? DEFAULT_DIGEST_SCHEDULE.weekday, hour: row.hour ?? DEFAULT_DIGEST_SCHEDULE.hour, enabled: row.enabled ?? DEFAULT_DIGEST_SCHEDULE.enabled });
    if (!slot) continue;
    const inserted = await db
      .insert(jobs)
      .values({ coalitionId: row.id, id: scheduledJobId(row.id, slot.weekOf), kind: DIGEST_SCHEDULED_JOB, payload: { weekOf: slot.weekOf }, createdBy: null })
      .onConflictDoNothing()
      .returning({ id: jobs.id });
    queued += inserted.length;
  }
  return queued;
}

registerMaintenanceTask('communications-digest-schedule', (db, now) => queueDueDigests(db, now).then(() => undefined), { everyMinute: true });

registerRetryingJob(DIGEST_SCHEDULED_JOB, async ({ services, job }) => {
  const weekOf = String(job.payload.weekOf);
  const [coalition] = await services.database.db
    .select({ slug: coalitions.slug, baseUrl: digestSchedules.baseUrl })
    .from(coalitions)
    .leftJoin(digestSchedules, eq(digestSchedules.coalitionId, coalitions.id))
    .where(eq(coalitions.id, job.coalitionId));
  if (!coalition) return { status: 'succeeded', result: { skipped: 'coalition deleted' } };
  // Links in the digest: PUBLIC_URL, else where the Coordinator saved the schedule from, else this server.
  const baseUrl = services.config.publicUrl?.replace(/\/$/, '') ?? coalition.baseUrl ?? `http://localhost:${services.config.port}`;
  const outcome = await beginDigestRun(
    services.database.db,
    {
      coalitionId: job.coalitionId,
      slug: coalition.slug,
      baseUrl,
      personId: null,
      createdByUser: null,
      audit: async (tx, entry) => {
        await tx.insert(auditLog).values({ coalitionId: job.coalitionId, id: newId(), actorUserId: null, action: 'create', entityType: 'digest_run', entityId: entry.entityId, changes: { ...entry.changes, startedBy: 'schedule' } });
      },
    },
    weekOf,
  );
  if (outcome.created) services.jobRunner?.poke();
  return { status: 'succeeded', result: { weekOf, created: outcome.created } };
});

async function scheduleOf(db: Executor, coalitionId: string): Promise<Schedule> {
  const [row] = await db.select().from(digestSchedules).where(eq(digestSchedules.coalitionId, coalitionId));
  return row ? { weekday: row.weekday, hour: row.hour, enabled: row.enabled } : { ...DEFAULT_DIGEST_SCHEDULE };
}

async function toDto(ctx: TenantCtx, schedule: Schedule, now = new Date()): Promise<DigestScheduleDto> {
  const coalitionId = ctx.coalition.id;
  const runs = await ctx.db.select().from(digestRuns).where(eq(digestRuns.coalitionId, coalitionId)).orderBy(desc(digestRuns.createdAt)).limit(8);
  const weeks = new Set(runs.map((r) => r.weekOf));
  const last = runs[0];
  return {
    ...schedule,
    timeZone: ctx.coalition.timeZone,
    nextRunAt: nextStart(now, ctx.coalition.timeZone, schedule, (weekOf) => weeks.has(weekOf))?.toISOString() ?? null,
    lastRun: last ? { weekOf: last.weekOf, startedAt: last.createdAt.toISOString(), startedBy: last.createdBy ? 'person' : 'schedule', status: last.status as 'running' | 'completed' | 'failed' } : null,
  };
}

export async function getDigestSchedule(ctx: TenantCtx): Promise<DigestScheduleDto> {
  authorize(ctx, 'digest.schedule.read');
  return toDto(ctx, await scheduleOf(ctx.db, ctx.coalition.id));
}

export async function updateDigestSchedule(ctx: TenantCtx, input: DigestScheduleInput): Promise<DigestScheduleDto> {
  authorize(ctx, 'digest.schedule.update');
  const coalitionId = ctx.coalition.id;
  await ctx.db.transaction(async (tx) => {
    const before = await scheduleOf(tx, coalitionId);
    const values = { weekday: input.weekday, hour: input.hour, enabled: input.enabled, baseUrl: ctx.baseUrl, updatedBy: ctx.principal.personId, updatedAt: new Date() };
    await tx.insert(digestSchedules).values({ coalitionId, ...values }).onConflictDoUpdate({ target: digestSchedules.coalitionId, set: values });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'digest_schedule', entityId: coalitionId, changes: { from: before, to: input } });
  });
  return toDto(ctx, input);
}

/** The scheduled start of a week, if one was queued (tests and the Coordinator's view of a run). */
export async function scheduledJob(db: Executor, coalitionId: string, weekOf: string) {
  const [row] = await db.select().from(jobs).where(and(eq(jobs.coalitionId, coalitionId), eq(jobs.id, scheduledJobId(coalitionId, weekOf))));
  return row;
}
