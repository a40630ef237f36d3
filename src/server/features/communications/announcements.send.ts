import { and, eq, sql } from 'drizzle-orm';
import { ANNOUNCEMENT_NOTIFICATION_KIND, type DeliveryChannel } from '../../../shared/communications.contract.js';
import { audienceSchema } from '../../../shared/meetings.contract.js';
import { coalitions } from '../../db/schema.js';
import { newId } from '../../platform/auth/secrets.js';
import type { MailInput } from '../../platform/mail/mailer.js';
import { notify } from '../../platform/notifications/notifications.js';
import { registerRetryingJob } from '../meetings/index.js';
import { ANNOUNCEMENT_JOB } from './announcements.service.js';
import * as q from './communications.queries.js';
import { announcements, communicationDeliveries } from './communications.table.js';
import { unsubscribeSigner, unsubscribeParts } from './unsubscribe.js';

/** Recipients written per transaction: a crash loses at most one chunk's work, which the retry redoes. */
const CHUNK = 500;
const MAX_ATTEMPTS = 3;

/**
 * Sends an announcement: one delivery record per person in the segment (mailed, suppressed because
 * they opted out or unsubscribed, or no address), the mail for those who may be mailed, and an in-app
 * notification for members. Records, mail and notifications of a chunk commit together and the
 * delivery key (coalition, kind, ref, person) refuses a second row, so a retried job sends nothing twice.
 */
registerRetryingJob(
  ANNOUNCEMENT_JOB,
  async ({ services, job, progress }) => {
    const db = services.database.db;
    const coalitionId = job.coalitionId;
    const { announcementId, baseUrl, slug } = job.payload as { announcementId: string; baseUrl: string; slug: string };
    const attempt = Number(job.payload.attempt ?? 1);
    const announcement = await q.findAnnouncement(db, coalitionId, announcementId);
    if (!announcement || announcement.status === 'draft' || announcement.status === 'sent') {
      return { status: 'succeeded', result: { skipped: announcement ? announcement.status : 'deleted' } };
    }
    try {
      await db.update(announcements).set({ status: 'sending' }).where(and(eq(announcements.coalitionId, coalitionId), eq(announcements.id, announcementId)));
      const condition = q.audienceCondition(coalitionId, audienceSchema.parse(announcement.audience));
      const recipients = condition ? await q.recipientsOf(db, coalitionId, condition, 'announcements') : [];
      const [[coalition], sign] = await Promise.all([db.select({ name: coalitions.name }).from(coalitions).where(eq(coalitions.id, coalitionId)), unsubscribeSigner(db, coalitionId)]);
      const link = `${baseUrl}/c/${slug}/communications/announcements/${announcementId}`;
      const mailIds: string[] = [];
      let mailed = 0;
      for (let start = 0; start < recipients.length; start += CHUNK) {
        const chunk = recipients.slice(start, start + CHUNK);
        const planned = chunk.map((person) => {
          const channel: DeliveryChannel = !person.email ? 'no_address' : person.blocked ? 'suppressed' : 'email';
          return { person, channel, mailId: channel === 'email' ? newId() : null };
        });
        const ids = await db.transaction(async (tx) => {
          const inserted = await tx
            .insert(communicationDeliveries)
            .values(planned.map((p) => ({ coalitionId, kind: 'announcement', refId: announcementId, personId: p.person.id, channel: p.channel, mailId: p.mailId })))
            .onConflictDoNothing()
            .returning({ personId: communicationDeliveries.personId });
          const fresh = new Set(inserted.map((r) => r.personId));
          const todo = planned.filter((p) => fresh.has(p.person.id));
          const messages: MailInput[] = [];
          const toMail = todo.filter((p) => p.mailId !== null);
          for (const p of toMail) {
            const parts = unsubscribeParts(baseUrl, slug, sign(p.person.id));
            messages.push({
              coalitionId,
              to: p.person.email!,
              subject: announcement.subject,
              text: [`Hello ${p.person.name},`, '', announcement.body, '', `Read it in TalentBridge: ${link}`, '', coalition?.name ?? 'TalentBridge', '', ...parts.footer].join('\n'),
              kind: 'announcement',
              headers: parts.headers,
              id: p.mailId!,
            });
          }
          // The ids recorded on the delivery rows are the ids of the messages.
          await services.mailer.enqueueMany(tx, messages);
          const members = todo.filter((p) => p.person.userId !== null).map((p) => p.person.id);
          await notify(tx, coalitionId, members, { kind: ANNOUNCEMENT_NOTIFICATION_KIND, payload: { announcementId, subject: announcement.subject } }, { except: announcement.createdBy });
          return toMail.map((p) => p.mailId!);
        });
        mailIds.push(...ids);
        mailed += ids.length;
        await progress({ processed: Math.min(start + CHUNK, recipients.length), total: recipients.length, phase: 'sending' });
      }
      await db
        .update(announcements)
        .set({ status: 'sent', sentAt: sql`coalesce(${announcements.sentAt}, now())`, recipients: recipients.length })
        .where(and(eq(announcements.coalitionId, coalitionId), eq(announcements.id, announcementId)));
      if (services.mailer.transport === 'smtp') for (const id of mailIds) await services.mailer.deliver(db, id);
      return { status: 'succeeded', processed: recipients.length, result: { recipients: recipients.length, mailed } };
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) {
        await db.update(announcements).set({ status: 'failed' }).where(and(eq(announcements.coalitionId, coalitionId), eq(announcements.id, announcementId)));
      }
      throw error;
    }
  },
  MAX_ATTEMPTS,
);

