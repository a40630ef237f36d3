import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgendaDto, agendaItemCreateInput, agendaItemUpdateInput } from '../../../shared/meetings.contract.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { agendaSections } from './agenda.sections.js';
import { visibleMeeting } from './meetings.service.js';
import { previousMeeting } from './meetings.queries.js';
import { meetingAgendaItems } from './meetings.table.js';
import { wallClock } from './time-zone.js';

const pad = (n: number) => String(n).padStart(2, '0');
export function todayIn(timeZone: string): string {
  const w = wallClock(new Date(), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Sections in the Coordinator's order: the ones they placed first, then the rest in standard order. */
function ordered<T extends { key: string }>(sections: T[], order: string[]): T[] {
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i === -1 ? order.length + sections.findIndex((s) => s.key === key) : i;
  };
  return [...sections].sort((a, b) => rank(a.key) - rank(b.key));
}

/**
 * The live agenda: every standing section filled with what changed since the previous meeting,
 * computed at request time (nothing is copied, so a closed action item leaves every later agenda).
 */
export async function getAgenda(ctx: TenantCtx, meetingId: string): Promise<AgendaDto> {
  const meeting = await visibleMeeting(ctx, meetingId);
  const previous = await previousMeeting(ctx.db, ctx.coalition.id, meeting.startsAt);
  const since = previous?.startsAt ?? new Date(meeting.startsAt.getTime() - 30 * 86_400_000);
  const window = { db: ctx.db, coalitionId: ctx.coalition.id, meetingId, since, until: meeting.startsAt, today: todayIn(ctx.coalition.timeZone) };
  const built = await Promise.all(agendaSections.map(async (s) => ({ key: s.key, title: s.title, hidden: meeting.agendaHidden.includes(s.key), items: await s.build(window) })));
  return {
    meetingId,
    since: since.toISOString(),
    previousMeetingId: previous?.id ?? null,
    generatedAt: new Date().toISOString(),
    sections: ordered(built, meeting.agendaOrder),
  };
}

export async function proposeAgendaItem(ctx: TenantCtx, meetingId: string, input: z.infer<typeof agendaItemCreateInput>) {
  await visibleMeeting(ctx, meetingId, 'meeting.propose');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(meetingAgendaItems).values({ coalitionId: ctx.coalition.id, id, meetingId, title: input.title, notes: input.notes ?? null, proposedBy: ctx.principal.personId, position: 1000 });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'agenda_item', entityId: id, changes: { meetingId, title: input.title } });
  });
  return getAgendaItem(ctx, meetingId, id);
}

async function findItem(ctx: TenantCtx, meetingId: string, id: string) {
  const [row] = await ctx.db
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.coalitionId, ctx.coalition.id), eq(meetingAgendaItems.meetingId, meetingId), eq(meetingAgendaItems.id, id)));
  if (!row) throw notFound('Agenda item');
  return row;
}

async function getAgendaItem(ctx: TenantCtx, meetingId: string, id: string) {
  const row = await findItem(ctx, meetingId, id);
  return { id: row.id, title: row.title, notes: row.notes, status: row.status, position: row.position, proposedBy: null };
}

/** The Coordinator (or another manager) accepts, declines, edits and orders proposed items. */
export async function updateAgendaItem(ctx: TenantCtx, meetingId: string, id: string, patch: z.infer<typeof agendaItemUpdateInput>) {
  await visibleMeeting(ctx, meetingId, 'meeting.editAgenda');
  const before = await findItem(ctx, meetingId, id);
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before as unknown as Record<string, unknown>, patch);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(meetingAgendaItems)
      .set(patch)
      .where(and(eq(meetingAgendaItems.coalitionId, ctx.coalition.id), eq(meetingAgendaItems.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'agenda_item', entityId: id, changes });
  });
  return getAgendaItem(ctx, meetingId, id);
}
