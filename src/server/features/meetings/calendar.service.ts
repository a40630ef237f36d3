import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId, newSecret, sha256 } from '../../platform/auth/secrets.js';
import { authorize } from '../../platform/permissions.js';
import { AppError } from '../../platform/errors.js';
import { coalitions } from '../../db/schema.js';
import { calendar, type IcsEvent } from './ics.js';
import { visibleMeeting } from './meetings.service.js';
import { calendarFeeds, meetingInvitees, meetings } from './meetings.table.js';

type MeetingForIcs = { id: string; title: string; startsAt: Date; durationMinutes: number; location: string | null; videoUrl: string | null; description: string | null; updatedAt: Date };

function toEvent(m: MeetingForIcs, host: string, link: string): IcsEvent {
  const description = [m.description, m.videoUrl ? `Video: ${m.videoUrl}` : null, `Agenda: ${link}`].filter(Boolean).join('\n\n');
  return {
    // Stable for the life of the meeting: clients update the same event when it changes.
    uid: `meeting-${m.id}@${host}`,
    start: m.startsAt,
    end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
    stamp: m.updatedAt,
    sequence: Math.max(0, Math.floor(m.updatedAt.getTime() / 1000) - 1_700_000_000),
    summary: m.title,
    description,
    location: m.location ?? m.videoUrl,
    url: link,
  };
}

const hostOf = (baseUrl: string) => new URL(baseUrl).host || 'talentbridge';

export async function meetingIcs(ctx: TenantCtx, id: string): Promise<string> {
  const m = await visibleMeeting(ctx, id);
  const link = `${ctx.baseUrl}/c/${ctx.coalition.slug}/meetings/${m.id}`;
  return calendar([toEvent(m, hostOf(ctx.baseUrl), link)], { timeZone: ctx.coalition.timeZone });
}

/** A new private feed URL for the caller (their earlier ones keep working until revoked). */
export async function createFeed(ctx: TenantCtx): Promise<{ url: string; createdAt: string }> {
  authorize(ctx, 'calendarFeed.manage');
  const { secret, hash } = newSecret('cal_');
  const id = newId();
  const createdAt = new Date();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(calendarFeeds).values({ coalitionId: ctx.coalition.id, id, personId: ctx.principal.personId, tokenHash: hash, createdAt });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'calendar_feed', entityId: id });
  });
  return { url: `${ctx.baseUrl}/api/v1/calendar-feeds/${secret}.ics`, createdAt: createdAt.toISOString() };
}

/** Revokes every feed of the caller: old URLs answer 404 from now on. */
export async function revokeFeeds(ctx: TenantCtx): Promise<{ revoked: number }> {
  authorize(ctx, 'calendarFeed.manage');
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.coalitionId, ctx.coalition.id), eq(calendarFeeds.personId, ctx.principal.personId), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    for (const r of rows) await recordAudit(tx, ctx, { action: 'revoke', entityType: 'calendar_feed', entityId: r.id });
    return { revoked: rows.length };
  });
}

/** The subscription itself: no sign-in, the secret token is the key. Every meeting the person is invited to. */
export async function feedIcs(ctx: Ctx, token: string): Promise<string> {
  const [feed] = await ctx.db
    .select({ coalitionId: calendarFeeds.coalitionId, personId: calendarFeeds.personId, slug: coalitions.slug, name: coalitions.name, timeZone: coalitions.timeZone })
    .from(calendarFeeds)
    .innerJoin(coalitions, eq(coalitions.id, calendarFeeds.coalitionId))
    .where(and(eq(calendarFeeds.tokenHash, sha256(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) throw new AppError('not_found', 'Calendar feed not found');
  const invited = ctx.db
    .select({ id: meetingInvitees.meetingId })
    .from(meetingInvitees)
    .where(and(eq(meetingInvitees.coalitionId, feed.coalitionId), eq(meetingInvitees.personId, feed.personId)));
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.coalitionId, feed.coalitionId), inArray(meetings.id, invited), sql`${meetings.startsAt} > now() - interval '180 days'`))
    .orderBy(asc(meetings.startsAt))
    .limit(500);
  const host = hostOf(ctx.baseUrl);
  return calendar(
    rows.map((m) => toEvent(m, host, `${ctx.baseUrl}/c/${feed.slug}/meetings/${m.id}`)),
    { name: `${feed.name}: my meetings`, timeZone: feed.timeZone },
  );
}
