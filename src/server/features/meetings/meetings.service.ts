import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../../../shared/common.contract.js';
import type { InviteeDto, MeetingDto, MeetingKind, MeetingListQuery, meetingCreateInput, meetingUpdateInput } from '../../../shared/meetings.contract.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, can } from '../../platform/permissions.js';
import { notify } from '../../platform/notifications/notifications.js';
import { normalizeAudience, resolveAudience } from './audience.js';
import './meetings.policy.js';
import * as q from './meetings.queries.js';
import { meetingInvitees, meetings } from './meetings.table.js';
import { addLocal } from './time-zone.js';

type CreateInput = z.infer<typeof meetingCreateInput>;
type UpdateInput = z.infer<typeof meetingUpdateInput>;

const subject = (ctx: TenantCtx) => ({ actor: ctx.actor, principal: ctx.principal });

export function toMeetingDto(ctx: TenantCtx, row: q.MeetingRow): MeetingDto {
  const endsAt = new Date(row.startsAt.getTime() + row.durationMinutes * 60_000);
  return {
    ...row,
    kind: row.kind as MeetingKind,
    startsAt: row.startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    timeZone: ctx.coalition.timeZone,
    audience: normalizeAudience(row.audience),
    myRsvp: (row.myRsvp as MeetingDto['myRsvp']) ?? null,
    followUpSentAt: row.followUpSentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Loads a meeting the caller may see (404 otherwise: a student never learns an uninvited meeting exists). */
export async function visibleMeeting(ctx: TenantCtx, id: string, action = 'meeting.read'): Promise<q.MeetingRow> {
  const row = await q.findMeeting(ctx.db, ctx.coalition.id, id, ctx.principal.personId);
  if (!row) throw notFound('Meeting');
  const record = { invited: row.myRsvp !== null };
  if (!can(subject(ctx), 'meeting.read', record)) throw notFound('Meeting');
  authorize(ctx, action, record);
  return row;
}

export async function listMeetings(ctx: TenantCtx, query: MeetingListQuery): Promise<Page<MeetingDto>> {
  authorize(ctx, 'meeting.list');
  const onlyInvited = !can(subject(ctx), 'meeting.read', { invited: false });
  const rows = await q.listMeetings(ctx.db, ctx.coalition.id, ctx.principal.personId, query, onlyInvited);
  const page = toPage(rows, query.limit, (r) => [r.startsAt.toISOString(), r.id]);
  return { items: page.items.map((r) => toMeetingDto(ctx, r)), nextCursor: page.nextCursor };
}

export async function getMeeting(ctx: TenantCtx, id: string): Promise<MeetingDto> {
  return toMeetingDto(ctx, await visibleMeeting(ctx, id));
}

function occurrences(ctx: TenantCtx, input: CreateInput): Date[] {
  const first = new Date(input.startsAt);
  const r = input.recurrence;
  if (!r) return [first];
  const step = r.frequency === 'monthly' ? { months: 1 } : { days: r.frequency === 'weekly' ? 7 : 14 };
  const out = [first];
  for (let i = 1; i < r.count; i++) out.push(addLocal(first, ctx.coalition.timeZone, { days: (step.days ?? 0) * i, months: (step.months ?? 0) * i }));
  return out;
}

async function checkAudience(ctx: TenantCtx, audience: ReturnType<typeof normalizeAudience>) {
  if (audience.personIds.length === 0) return;
  const found = await resolveAudience(ctx.db, ctx.coalition.id, { ...normalizeAudience(undefined), personIds: audience.personIds });
  const missing = audience.personIds.findIndex((id) => !found.includes(id));
  if (missing >= 0) throw invalidField(`audience.personIds.${missing}`, 'No such person in this coalition');
}

/** Creates the meeting (one per occurrence when it recurs) and invites its audience plus the organizer. */
export async function createMeeting(ctx: TenantCtx, input: CreateInput): Promise<MeetingDto> {
  authorize(ctx, 'meeting.create');
  const audience = normalizeAudience(input.audience);
  await checkAudience(ctx, audience);
  const starts = occurrences(ctx, input);
  const seriesId = starts.length > 1 ? newId() : null;
  const ids = starts.map(() => newId());
  await ctx.db.transaction(async (tx) => {
    const invitees = [...new Set([...(await resolveAudience(tx, ctx.coalition.id, audience)), ctx.principal.personId])];
    for (const [i, startsAt] of starts.entries()) {
      const id = ids[i]!;
      await tx.insert(meetings).values({
        coalitionId: ctx.coalition.id,
        id,
        seriesId,
        title: input.title,
        kind: input.kind,
        startsAt,
        durationMinutes: input.durationMinutes,
        location: input.location ?? null,
        videoUrl: input.videoUrl ?? null,
        description: input.description ?? null,
        audience,
        createdBy: ctx.principal.personId,
      });
      await q.syncInvitees(tx, ctx.coalition.id, id, invitees);
      await recordAudit(tx, ctx, { action: 'create', entityType: 'meeting', entityId: id, changes: { title: input.title, kind: input.kind, startsAt: startsAt.toISOString(), seriesId } });
    }
    await notify(tx, ctx.coalition.id, invitees, { kind: 'meeting.invited', payload: { meetingId: ids[0], title: input.title, startsAt: starts[0]!.toISOString(), occurrences: starts.length } }, { except: ctx.principal.personId });
  });
  return getMeeting(ctx, ids[0]!);
}

export async function updateMeeting(ctx: TenantCtx, id: string, patch: UpdateInput): Promise<MeetingDto> {
  const before = await visibleMeeting(ctx, id, 'meeting.update');
  const audience = patch.audience ? normalizeAudience(patch.audience) : undefined;
  if (audience) await checkAudience(ctx, audience);
  const { startsAt, audience: _audience, ...rest } = patch;
  const values = { ...rest, ...(startsAt ? { startsAt: new Date(startsAt) } : {}), ...(audience ? { audience } : {}) };
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields({ ...before, startsAt: before.startsAt.toISOString() } as Record<string, unknown>, { ...patch, ...(audience ? { audience } : {}) });
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(meetings)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(meetings.coalitionId, ctx.coalition.id), eq(meetings.id, id)));
    if (audience) {
      const invitees = [...new Set([...(await resolveAudience(tx, ctx.coalition.id, audience)), ctx.principal.personId])];
      await q.syncInvitees(tx, ctx.coalition.id, id, invitees);
    }
    await recordAudit(tx, ctx, { action: 'update', entityType: 'meeting', entityId: id, changes });
  });
  return getMeeting(ctx, id);
}

/** Cancels (removes) a meeting; its invitees, but not whoever cancelled it, get a notification with the reason. */
export async function deleteMeeting(ctx: TenantCtx, id: string, reason: string | null = null): Promise<void> {
  const before = await visibleMeeting(ctx, id, 'meeting.delete');
  await ctx.db.transaction(async (tx) => {
    // Read before the delete: the invitee rows go with the meeting.
    const invitees = (await q.listInvitees(tx, ctx.coalition.id, id)).map((i) => i.personId);
    await tx.delete(meetings).where(and(eq(meetings.coalitionId, ctx.coalition.id), eq(meetings.id, id)));
    await notify(tx, ctx.coalition.id, invitees, { kind: 'meeting.cancelled', payload: { title: before.title, startsAt: before.startsAt.toISOString(), reason } }, { except: ctx.principal.personId });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'meeting', entityId: id, changes: { title: before.title, startsAt: before.startsAt.toISOString(), reason } });
  });
}

export async function listInvitees(ctx: TenantCtx, id: string): Promise<InviteeDto[]> {
  await visibleMeeting(ctx, id);
  const rows = await q.listInvitees(ctx.db, ctx.coalition.id, id);
  return rows.map(({ email: _email, ...r }) => ({ ...r, rsvp: r.rsvp as InviteeDto['rsvp'], checkedInAt: r.checkedInAt?.toISOString() ?? null }));
}

export async function rsvp(ctx: TenantCtx, id: string, answer: InviteeDto['rsvp']): Promise<MeetingDto> {
  await visibleMeeting(ctx, id, 'meeting.rsvp');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(meetingInvitees)
      .set({ rsvp: answer })
      .where(and(eq(meetingInvitees.coalitionId, ctx.coalition.id), eq(meetingInvitees.meetingId, id), eq(meetingInvitees.personId, ctx.principal.personId)));
    await recordAudit(tx, ctx, { action: 'rsvp', entityType: 'meeting', entityId: id, changes: { personId: ctx.principal.personId, rsvp: answer } });
  });
  return getMeeting(ctx, id);
}

/**
 * Attendance: the meeting's managers check anyone in (someone who came uninvited becomes an
 * invitee); an invitee may check themselves in.
 */
export async function checkIn(ctx: TenantCtx, id: string, personId: string, attended: boolean): Promise<InviteeDto[]> {
  const self = personId === ctx.principal.personId;
  const meeting = await q.findMeeting(ctx.db, ctx.coalition.id, id, ctx.principal.personId);
  if (!meeting) throw notFound('Meeting');
  const record = { invited: meeting.myRsvp !== null };
  if (!can(subject(ctx), 'meeting.read', record)) throw notFound('Meeting');
  if (!(self && can(subject(ctx), 'meeting.checkInSelf', record))) authorize(ctx, 'meeting.checkIn', record);
  if (!(await q.findPerson(ctx.db, ctx.coalition.id, personId))) throw invalidField('personId', 'No such person in this coalition');
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(meetingInvitees)
      .values({ coalitionId: ctx.coalition.id, meetingId: id, personId, attended, checkedInAt: attended ? new Date() : null })
      .onConflictDoUpdate({ target: [meetingInvitees.coalitionId, meetingInvitees.meetingId, meetingInvitees.personId], set: { attended, checkedInAt: attended ? new Date() : null } });
    await recordAudit(tx, ctx, { action: attended ? 'check_in' : 'check_out', entityType: 'meeting', entityId: id, changes: { personId } });
  });
  return listInvitees(ctx, id);
}
