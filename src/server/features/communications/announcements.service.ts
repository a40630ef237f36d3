import { and, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  ANNOUNCEMENT_NOTIFICATION_KIND,
  AUDIENCE_SAMPLE_SIZE,
  announcementCreateInput,
  type AnnouncementDto,
  type AnnouncementListQuery,
  type AnnouncementStatus,
  type AnnouncementUpdateInput,
  type AudiencePreviewDto,
  type DeliveryDto,
  type DeliveryListQuery,
} from '../../../shared/communications.contract.js';
import type { Audience } from '../../../shared/meetings.contract.js';
import { audienceSchema } from '../../../shared/meetings.contract.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';
import { likePattern, toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import type { Executor } from '../../db/client.js';
import { people } from '../../db/schema.js';
import { announcements, communicationDeliveries, type AnnouncementAudience } from './communications.table.js';
import * as q from './communications.queries.js';
import type { ReceivedAnnouncement } from './communications.policy.js';

export const ANNOUNCEMENT_JOB = 'communications:announcement';

type AnnouncementRow = typeof announcements.$inferSelect;

/** An empty segment, or initiatives and people not in this coalition, are a 422 naming the field. */
async function checkAudience(ctx: TenantCtx, audience: Audience): Promise<SQL> {
  const condition = q.audienceCondition(ctx.coalition.id, audience);
  if (!condition) throw invalidField('audience', 'Choose at least one role, organization type, initiative, person, or the points of contact');
  for (const [field, what] of [['initiativeIds', 'initiatives'], ['personIds', 'people']] as const) {
    const unknown = await q.unknownIds(ctx.db, ctx.coalition.id, what, audience[field]);
    if (unknown.length) {
      const index = audience[field].indexOf(unknown[0]!);
      throw invalidField(`audience.${field}.${index}`, `Not one of this coalition's ${what}`);
    }
  }
  return condition;
}

export async function previewAudience(ctx: TenantCtx, audience: Audience): Promise<AudiencePreviewDto> {
  authorize(ctx, 'announcement.preview');
  const condition = await checkAudience(ctx, audience);
  return q.previewAudience(ctx.db, ctx.coalition.id, condition, AUDIENCE_SAMPLE_SIZE);
}

async function toDtos(ctx: TenantCtx, rows: AnnouncementRow[]): Promise<AnnouncementDto[]> {
  const [counts, names] = await Promise.all([
    q.deliveryCounts(ctx.db, ctx.coalition.id, 'announcement', rows.map((r) => r.id)),
    q.namesOf(ctx.db, ctx.coalition.id, rows.flatMap((r) => (r.createdBy ? [r.createdBy] : []))),
  ]);
  return rows.map((r) => {
    const deliveries = counts.get(r.id) ?? { email: 0, suppressed: 0, no_address: 0 };
    const author = r.createdBy ? names.get(r.createdBy) : undefined;
    return {
      id: r.id,
      subject: r.subject,
      body: r.body,
      audience: r.audience,
      status: r.status as AnnouncementStatus,
      recipients: deliveries.email + deliveries.suppressed + deliveries.no_address,
      deliveries,
      createdBy: r.createdBy && author !== undefined ? { id: r.createdBy, name: author } : null,
      sentAt: r.sentAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
const toDto = async (ctx: TenantCtx, row: AnnouncementRow) => (await toDtos(ctx, [row]))[0]!;

/** The Coordinator sees every announcement; anyone else the ones they received. */
export async function listAnnouncements(ctx: TenantCtx, query: AnnouncementListQuery): Promise<{ items: AnnouncementDto[]; nextCursor: string | null }> {
  authorize(ctx, 'announcement.list');
  const filters: (SQL | undefined)[] = [eq(announcements.coalitionId, ctx.coalition.id)];
  if (!ctx.principal.roles.has('coordinator')) {
    filters.push(sql`exists (select 1 from ${communicationDeliveries} d where d.coalition_id = ${ctx.coalition.id} and d.kind = 'announcement' and d.ref_id = ${announcements.id}::text and d.person_id = ${ctx.principal.personId})`);
  }
  if (query.status) filters.push(eq(announcements.status, query.status));
  if (query.q) filters.push(sql`(${announcements.subject} ilike ${likePattern(query.q)} or ${announcements.body} ilike ${likePattern(query.q)})`);
  const cursor = q.checkedCursor(query.cursor, 'timestamp');
  if (cursor) {
    const at = new Date(cursor[0]);
    filters.push(or(lt(announcements.createdAt, at), and(eq(announcements.createdAt, at), lt(announcements.id, cursor[1]))));
  }
  const rows = await ctx.db.select().from(announcements).where(and(...filters)).orderBy(...q.newestFirst).limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await toDtos(ctx, page.items), nextCursor: page.nextCursor };
}

async function loadFor(ctx: TenantCtx, id: string, action: string): Promise<AnnouncementRow> {
  return authorizeRecord<AnnouncementRow & ReceivedAnnouncement>(
    ctx,
    action,
    async () => {
      const row = await q.findAnnouncement(ctx.db, ctx.coalition.id, id);
      if (!row) return undefined;
      // Drafts and other people's announcements are simply not there for a non-Coordinator.
      const received = row.status !== 'draft' && (await q.receivedBy(ctx.db, ctx.coalition.id, id, ctx.principal.personId));
      if (!received && !ctx.principal.roles.has('coordinator')) return undefined;
      return { ...row, received };
    },
    'Announcement',
  );
}

export async function getAnnouncement(ctx: TenantCtx, id: string): Promise<AnnouncementDto> {
  authorize(ctx, 'announcement.list');
  return toDto(ctx, await loadFor(ctx, id, 'announcement.read'));
}

export async function createAnnouncement(ctx: TenantCtx, input: ReturnType<typeof announcementCreateInput.parse>): Promise<AnnouncementDto> {
  authorize(ctx, 'announcement.create');
  await checkAudience(ctx, input.audience);
  const id = newId();
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(announcements)
      .values({ coalitionId: ctx.coalition.id, id, subject: input.subject, body: input.body, audience: input.audience as AnnouncementAudience, status: input.send ? 'queued' : 'draft', createdBy: ctx.principal.personId })
      .returning();
    await recordAudit(tx, ctx, { action: 'create', entityType: 'announcement', entityId: id, changes: { subject: input.subject, audience: input.audience, send: input.send } });
    if (input.send) await queueSend(tx, ctx, id);
    return created!;
  });
  if (input.send) ctx.services.jobRunner?.poke();
  return toDto(ctx, row);
}

const draftOnly = (row: AnnouncementRow) => {
  if (row.status !== 'draft') throw new AppError('conflict', 'This announcement has already been sent');
};

export async function updateAnnouncement(ctx: TenantCtx, id: string, input: AnnouncementUpdateInput): Promise<AnnouncementDto> {
  const before = await loadFor(ctx, id, 'announcement.update');
  draftOnly(before);
  const audience = input.audience ? audienceSchema.parse(input.audience) : undefined;
  if (audience) await checkAudience(ctx, audience);
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(announcements)
      .set({ ...(input.subject !== undefined ? { subject: input.subject } : {}), ...(input.body !== undefined ? { body: input.body } : {}), ...(audience ? { audience: audience as AnnouncementAudience } : {}) })
      .where(and(eq(announcements.coalitionId, ctx.coalition.id), eq(announcements.id, id), eq(announcements.status, 'draft')))
      .returning();
    if (!updated) throw new AppError('conflict', 'This announcement has already been sent');
    await recordAudit(tx, ctx, { action: 'update', entityType: 'announcement', entityId: id, changes: { ...input } });
    return updated;
  });
  return toDto(ctx, row);
}

export async function deleteAnnouncement(ctx: TenantCtx, id: string): Promise<void> {
  const before = await loadFor(ctx, id, 'announcement.delete');
  draftOnly(before);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(announcements)
      .where(and(eq(announcements.coalitionId, ctx.coalition.id), eq(announcements.id, id), eq(announcements.status, 'draft')))
      .returning({ id: announcements.id });
    if (gone.length === 0) throw new AppError('conflict', 'This announcement has already been sent');
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'announcement', entityId: id, changes: { subject: before.subject } });
  });
}

async function queueSend(tx: Executor, ctx: TenantCtx, id: string) {
  await enqueueJob(tx, { coalitionId: ctx.coalition.id, kind: ANNOUNCEMENT_JOB, payload: { announcementId: id, baseUrl: ctx.baseUrl, slug: ctx.coalition.slug }, createdBy: ctx.actor.userId });
}

/** Queues a draft for sending: a background job mails the segment and notifies them in the app. */
export async function sendAnnouncement(ctx: TenantCtx, id: string): Promise<AnnouncementDto> {
  const before = await loadFor(ctx, id, 'announcement.send');
  draftOnly(before);
  await checkAudience(ctx, audienceSchema.parse(before.audience));
  const row = await ctx.db.transaction(async (tx) => {
    const [queued] = await tx
      .update(announcements)
      .set({ status: 'queued' })
      .where(and(eq(announcements.coalitionId, ctx.coalition.id), eq(announcements.id, id), eq(announcements.status, 'draft')))
      .returning();
    if (!queued) throw new AppError('conflict', 'This announcement has already been sent');
    await queueSend(tx, ctx, id);
    await recordAudit(tx, ctx, { action: 'send', entityType: 'announcement', entityId: id });
    return queued;
  });
  ctx.services.jobRunner?.poke();
  return toDto(ctx, row);
}

export async function listDeliveries(ctx: TenantCtx, id: string, query: DeliveryListQuery): Promise<{ items: DeliveryDto[]; nextCursor: string | null }> {
  await loadFor(ctx, id, 'announcement.deliveries');
  const d = communicationDeliveries;
  const cursor = q.checkedCursor(query.cursor, 'text');
  const rows = await ctx.db
    .select({ personId: d.personId, name: people.name, channel: d.channel, createdAt: d.createdAt })
    .from(d)
    .innerJoin(people, and(eq(people.coalitionId, d.coalitionId), eq(people.id, d.personId)))
    .where(
      and(
        eq(d.coalitionId, ctx.coalition.id),
        eq(d.kind, 'announcement'),
        eq(d.refId, id),
        query.channel ? eq(d.channel, query.channel) : undefined,
        cursor ? sql`(${people.name}, ${d.personId}) > (${cursor[0]}, ${cursor[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(people.name, d.personId)
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.name, r.personId]);
  return { items: page.items.map((r) => ({ ...r, channel: r.channel as DeliveryDto['channel'], createdAt: r.createdAt.toISOString() })), nextCursor: page.nextCursor };
}

export { ANNOUNCEMENT_NOTIFICATION_KIND };
