import { and, eq, isNull } from 'drizzle-orm';
import { coalitions } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';
import * as aq from './action-items.queries.js';
import { registerRetryingJob } from './job-retry.js';
import { bulkMailPlan } from '../communications/unsubscribe.js';
import { visibleMeeting } from './meetings.service.js';
import { listInvitees } from './meetings.queries.js';
import { meetings } from './meetings.table.js';
import { formatInZone } from './time-zone.js';

export const FOLLOW_UP_JOB = 'meetings:follow-up';

/** Queues the follow-up e-mail (minutes, decisions and each person's action items) as a background job. */
export async function sendFollowUp(ctx: TenantCtx, meetingId: string): Promise<{ jobId: string }> {
  const meeting = await visibleMeeting(ctx, meetingId, 'meeting.followUp');
  if (!meeting.minutes && meeting.decisions.length === 0) throw new AppError('invalid', 'Record the minutes or a decision first', { errors: [{ path: 'minutes', message: 'Required before the follow-up' }] });
  const jobId = await ctx.db.transaction(async (tx) => {
    const id = await enqueueJob(tx, { coalitionId: ctx.coalition.id, kind: FOLLOW_UP_JOB, payload: { meetingId, baseUrl: ctx.baseUrl, slug: ctx.coalition.slug }, createdBy: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'follow_up', entityType: 'meeting', entityId: meetingId, changes: { jobId: id } });
    return id;
  });
  ctx.services.jobRunner?.poke();
  return { jobId };
}

registerRetryingJob(FOLLOW_UP_JOB, async ({ services, job }) => {
  const db = services.database.db;
  const { meetingId, baseUrl, slug } = job.payload as { meetingId: string; baseUrl: string; slug: string };
  const [meeting] = await db.select().from(meetings).where(and(eq(meetings.coalitionId, job.coalitionId), eq(meetings.id, meetingId)));
  if (!meeting) return { status: 'failed', errors: [{ row: 0, column: null, message: 'The meeting no longer exists' }] };
  const [coalition] = await db.select({ name: coalitions.name, timeZone: coalitions.timeZone }).from(coalitions).where(eq(coalitions.id, job.coalitionId));
  const [invitees, items] = await Promise.all([listInvitees(db, job.coalitionId, meetingId), aq.itemsOfMeeting(db, job.coalitionId, meetingId)]);
  const link = `${baseUrl}/c/${slug}/meetings/${meetingId}`;
  const when = formatInZone(meeting.startsAt, coalition?.timeZone ?? 'UTC');
  // Nobody who unsubscribed or turned meeting mail off is mailed; the rest get List-Unsubscribe (RFC 8058).
  const plan = await bulkMailPlan(db, { coalitionId: job.coalitionId, slug, baseUrl, personIds: invitees.map((i) => i.personId), category: 'meetingFollowUps' });
  const recipients = invitees.filter((i) => i.email && plan.allowed(i.personId));
  // All messages and the "sent" mark in one transaction: a retry after a failure starts clean,
  // and a meeting already followed up is not mailed twice by a duplicate job.
  const mailIds = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(meetings)
      .set({ followUpSentAt: new Date() })
      .where(and(eq(meetings.coalitionId, job.coalitionId), eq(meetings.id, meetingId), isNull(meetings.followUpSentAt)))
      .returning({ id: meetings.id });
    if (!claimed) return [];
    const ids: string[] = [];
    for (const person of recipients) {
      const mine = items.filter((i) => i.ownerId === person.personId);
      const unsubscribe = plan.parts(person.personId);
      const text = [
        `Hello ${person.name},`,
        '',
        `Here is the follow-up of "${meeting.title}" (${when}).`,
        '',
        'MINUTES',
        meeting.minutes ?? '(none recorded)',
        '',
        'DECISIONS',
        ...(meeting.decisions.length ? meeting.decisions.map((d) => `- ${d}`) : ['(none recorded)']),
        '',
        'YOUR ACTION ITEMS',
        ...(mine.length ? mine.map((i) => `- ${i.title} (due ${i.dueOn})`) : ['You have no action items from this meeting.']),
        '',
        `All action items and the agenda: ${link}`,
        '',
        `${coalition?.name ?? 'TalentBridge'}`,
        '',
        ...unsubscribe.footer,
      ].join('\n');
      ids.push(await services.mailer.enqueue(tx, { coalitionId: job.coalitionId, to: person.email!, subject: `Follow-up: ${meeting.title}`, text, kind: 'meeting_follow_up', headers: unsubscribe.headers }));
    }
    return ids;
  });
  for (const id of mailIds) await services.mailer.deliver(db, id);
  return { status: 'succeeded', processed: mailIds.length, result: { messages: mailIds.length } };
});
