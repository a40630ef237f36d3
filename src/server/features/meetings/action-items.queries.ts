import { and, asc, eq, gt, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { people } from '../../db/schema.js';
import { decodeCursor } from '../../platform/pagination.js';
import { actionItems, meetings } from './meetings.table.js';

const columns = {
  id: actionItems.id,
  meetingId: actionItems.meetingId,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
  title: actionItems.title,
  notes: actionItems.notes,
  ownerId: actionItems.ownerId,
  ownerName: people.name,
  dueOn: actionItems.dueOn,
  status: actionItems.status,
  doneAt: actionItems.doneAt,
  initiativeId: actionItems.initiativeId,
  taskId: actionItems.taskId,
  createdAt: actionItems.createdAt,
};
export type ActionItemRow = Awaited<ReturnType<typeof selectItems>>[number];

function selectItems(db: Executor, coalitionId: string, where: (SQL | undefined)[], limit?: number) {
  const query = db
    .select(columns)
    .from(actionItems)
    .innerJoin(meetings, and(eq(meetings.coalitionId, actionItems.coalitionId), eq(meetings.id, actionItems.meetingId)))
    .leftJoin(people, and(eq(people.coalitionId, actionItems.coalitionId), eq(people.id, actionItems.ownerId)))
    .where(and(eq(actionItems.coalitionId, coalitionId), ...where))
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id));
  return limit ? query.limit(limit) : query;
}

export async function findActionItem(db: Executor, coalitionId: string, meetingId: string, id: string) {
  const [row] = await selectItems(db, coalitionId, [eq(actionItems.meetingId, meetingId), eq(actionItems.id, id)]);
  return row;
}

export const itemsOfMeeting = (db: Executor, coalitionId: string, meetingId: string) => selectItems(db, coalitionId, [eq(actionItems.meetingId, meetingId)]);

/** Open items agreed at meetings before `before`: carried into the next agenda until done. */
export const openItemsBefore = (db: Executor, coalitionId: string, before: Date) =>
  selectItems(db, coalitionId, [eq(actionItems.status, 'open'), lt(meetings.startsAt, before)]);

/** Items finished in the window (progress on action items). */
export const itemsDoneBetween = (db: Executor, coalitionId: string, from: Date, to: Date) =>
  selectItems(db, coalitionId, [eq(actionItems.status, 'done'), sql`${actionItems.doneAt} >= ${from.toISOString()}::timestamptz`, sql`${actionItems.doneAt} < ${to.toISOString()}::timestamptz`]);

/** One person's items, page by page (due date order). */
export function itemsOfOwner(db: Executor, coalitionId: string, ownerId: string, query: { status?: string | undefined; cursor?: string | undefined; limit: number }) {
  const cursor = decodeCursor(query.cursor, 2);
  return selectItems(
    db,
    coalitionId,
    [
      eq(actionItems.ownerId, ownerId),
      query.status ? eq(actionItems.status, query.status) : undefined,
      cursor ? or(gt(actionItems.dueOn, String(cursor[0])), and(eq(actionItems.dueOn, String(cursor[0])), gt(actionItems.id, String(cursor[1])))) : undefined,
    ],
    query.limit + 1,
  );
}

/** Open items of many people due by a date, for digests (one query per batch). */
export const openItemsOfOwners = (db: Executor, coalitionId: string, ownerIds: string[], dueBy: string) =>
  ownerIds.length === 0 ? Promise.resolve([]) : selectItems(db, coalitionId, [inArray(actionItems.ownerId, ownerIds), eq(actionItems.status, 'open'), lte(actionItems.dueOn, dueBy)]);
