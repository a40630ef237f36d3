import { and, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { NotificationDto, NotificationListQuery } from '../../../shared/notifications.contract.js';
import type { Executor } from '../../db/client.js';
import { newId } from '../auth/secrets.js';
import type { TenantCtx } from '../context.js';
import { AppError } from '../errors.js';
import { decodeCursor, toPage } from '../pagination.js';
import { anyMember, authorize, definePolicy } from '../permissions.js';
import { notifications } from './notifications.table.js';

/**
 * Notifications are a platform mechanism: any room calls notify() inside its write transaction, and
 * each member reads and marks their own at GET …/notifications. Only the addressee ever sees one.
 */
definePolicy({
  'notification.list': anyMember,
  'notification.markRead': anyMember,
});

export interface NotificationInput {
  kind: string;
  payload: Record<string, unknown>;
}

/** One notification per distinct person (never to whoever caused it). Returns who was notified. */
export async function notify(tx: Executor, coalitionId: string, personIds: Iterable<string>, input: NotificationInput, options: { except?: string | null } = {}): Promise<string[]> {
  const recipients = [...new Set(personIds)].filter((id) => id !== options.except);
  if (recipients.length === 0) return [];
  await tx.insert(notifications).values(recipients.map((personId) => ({ coalitionId, id: newId(), personId, kind: input.kind, payload: input.payload })));
  return recipients;
}

// Timestamps keep microseconds; cursors carry milliseconds. Compare at the cursor's precision.
const createdMs = sql`date_trunc('milliseconds', ${notifications.createdAt})`;

export async function listNotifications(ctx: TenantCtx, query: NotificationListQuery): Promise<{ items: NotificationDto[]; nextCursor: string | null; unreadCount: number }> {
  authorize(ctx, 'notification.list');
  const mine = and(eq(notifications.coalitionId, ctx.coalition.id), eq(notifications.personId, ctx.principal.personId));
  const filters: (SQL | undefined)[] = [mine];
  if (query.unread === true) filters.push(isNull(notifications.readAt));
  if (query.unread === false) filters.push(sql`${notifications.readAt} is not null`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    const [at, id] = cursor as [string, string];
    filters.push(or(sql`${createdMs} < ${at}::timestamptz`, and(sql`${createdMs} = ${at}::timestamptz`, lt(notifications.id, id))));
  }
  const [rows, [unread]] = await Promise.all([
    ctx.db
      .select({ id: notifications.id, kind: notifications.kind, payload: notifications.payload, createdAt: notifications.createdAt, readAt: notifications.readAt })
      .from(notifications)
      .where(and(...filters))
      .orderBy(desc(createdMs), desc(notifications.id))
      .limit(query.limit + 1),
    ctx.db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
  ]);
  const page = toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map(toDto), nextCursor: page.nextCursor, unreadCount: unread?.n ?? 0 };
}

export async function markRead(ctx: TenantCtx, id: string): Promise<NotificationDto> {
  authorize(ctx, 'notification.markRead');
  // Someone else's notification is not found, exactly like one that does not exist.
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.coalitionId, ctx.coalition.id), eq(notifications.personId, ctx.principal.personId), eq(notifications.id, id)))
    .returning({ id: notifications.id, kind: notifications.kind, payload: notifications.payload, createdAt: notifications.createdAt, readAt: notifications.readAt });
  if (!row) throw new AppError('not_found', 'Notification not found');
  return toDto(row);
}

export async function markAllRead(ctx: TenantCtx, ids?: string[]): Promise<{ updated: number }> {
  authorize(ctx, 'notification.markRead');
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.coalitionId, ctx.coalition.id),
        eq(notifications.personId, ctx.principal.personId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { updated: rows.length };
}

function toDto(row: { id: string; kind: string; payload: Record<string, unknown>; createdAt: Date; readAt: Date | null }): NotificationDto {
  return { ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}
