import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../../../shared/common.contract.js';
import { taskCreateInput } from '../../../shared/initiatives.contract.js';
import type { ActionItemDto, ActionItemListQuery, actionItemCreateInput, actionItemToTaskInput, actionItemUpdateInput } from '../../../shared/meetings.contract.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { notify } from '../../platform/notifications/notifications.js';
import { createTask } from '../initiatives/index.js';
import * as q from './action-items.queries.js';
import { visibleMeeting } from './meetings.service.js';
import { findPerson } from './meetings.queries.js';
import { actionItems } from './meetings.table.js';
import { wallClock } from './time-zone.js';

export function toActionItemDto(row: q.ActionItemRow): ActionItemDto {
  return {
    id: row.id,
    meetingId: row.meetingId,
    meetingTitle: row.meetingTitle,
    meetingStartsAt: row.meetingStartsAt.toISOString(),
    title: row.title,
    notes: row.notes,
    owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
    dueOn: row.dueOn,
    status: row.status as ActionItemDto['status'],
    doneAt: row.doneAt?.toISOString() ?? null,
    initiativeId: row.initiativeId,
    taskId: row.taskId,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listActionItems(ctx: TenantCtx, meetingId: string): Promise<ActionItemDto[]> {
  await visibleMeeting(ctx, meetingId);
  return (await q.itemsOfMeeting(ctx.db, ctx.coalition.id, meetingId)).map(toActionItemDto);
}

async function getItem(ctx: TenantCtx, meetingId: string, id: string) {
  const row = await q.findActionItem(ctx.db, ctx.coalition.id, meetingId, id);
  if (!row) throw notFound('Action item');
  return row;
}

export async function createActionItem(ctx: TenantCtx, meetingId: string, input: z.infer<typeof actionItemCreateInput>): Promise<ActionItemDto> {
  const meeting = await visibleMeeting(ctx, meetingId, 'actionItem.create');
  if (!(await findPerson(ctx.db, ctx.coalition.id, input.ownerId))) throw invalidField('ownerId', 'No such person in this coalition');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(actionItems).values({ coalitionId: ctx.coalition.id, id, meetingId, title: input.title, ownerId: input.ownerId, dueOn: input.dueOn, notes: input.notes ?? null });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'action_item', entityId: id, changes: { meetingId, title: input.title, ownerId: input.ownerId, dueOn: input.dueOn } });
    await notify(tx, ctx.coalition.id, [input.ownerId], { kind: 'meeting.action_item', payload: { meetingId, actionItemId: id, title: input.title, dueOn: input.dueOn, meetingTitle: meeting.title } }, { except: ctx.principal.personId });
  });
  return toActionItemDto(await getItem(ctx, meetingId, id));
}

export async function updateActionItem(ctx: TenantCtx, meetingId: string, id: string, patch: z.infer<typeof actionItemUpdateInput>): Promise<ActionItemDto> {
  await visibleMeeting(ctx, meetingId);
  const before = await authorizeRecord(ctx, 'actionItem.update', () => q.findActionItem(ctx.db, ctx.coalition.id, meetingId, id), 'Action item');
  if (patch.ownerId && !(await findPerson(ctx.db, ctx.coalition.id, patch.ownerId))) throw invalidField('ownerId', 'No such person in this coalition');
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before as unknown as Record<string, unknown>, patch);
    if (Object.keys(changes).length === 0) return;
    const doneAt = patch.status === undefined || patch.status === before.status ? {} : { doneAt: patch.status === 'done' ? new Date() : null };
    await tx
      .update(actionItems)
      .set({ ...patch, ...doneAt })
      .where(and(eq(actionItems.coalitionId, ctx.coalition.id), eq(actionItems.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'action_item', entityId: id, changes });
  });
  return toActionItemDto(await getItem(ctx, meetingId, id));
}

export async function deleteActionItem(ctx: TenantCtx, meetingId: string, id: string): Promise<void> {
  await visibleMeeting(ctx, meetingId, 'actionItem.delete');
  const before = await getItem(ctx, meetingId, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(actionItems).where(and(eq(actionItems.coalitionId, ctx.coalition.id), eq(actionItems.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'action_item', entityId: id, changes: { title: before.title } });
  });
}

/**
 * Turns an action item into a task of an initiative's action plan (assigned to its owner, ending
 * on its due date when that is far enough ahead). The initiatives room authorizes and audits the
 * task; this records the link.
 */
export async function actionItemToTask(ctx: TenantCtx, meetingId: string, id: string, input: z.infer<typeof actionItemToTaskInput>): Promise<ActionItemDto> {
  await visibleMeeting(ctx, meetingId, 'actionItem.toTask');
  const item = await getItem(ctx, meetingId, id);
  if (item.taskId) throw new AppError('conflict', 'This action item is already a task');
  const today = wallClock(new Date(), ctx.coalition.timeZone);
  const todayIso = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  const dueStart = new Date(Date.parse(`${item.dueOn}T00:00:00Z`) - (input.durationDays - 1) * 86_400_000).toISOString().slice(0, 10);
  const startsOn = dueStart > todayIso ? dueStart : todayIso;
  const task = await createTask(ctx, input.initiativeId, taskCreateInput.parse({ name: item.title, startsOn, durationDays: input.durationDays, assigneeId: item.ownerId ?? undefined, notes: item.notes ?? undefined }));
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(actionItems)
      .set({ initiativeId: input.initiativeId, taskId: task.id })
      .where(and(eq(actionItems.coalitionId, ctx.coalition.id), eq(actionItems.id, id)));
    await recordAudit(tx, ctx, { action: 'to_task', entityType: 'action_item', entityId: id, changes: { initiativeId: input.initiativeId, taskId: task.id } });
  });
  return toActionItemDto(await getItem(ctx, meetingId, id));
}

export async function myActionItems(ctx: TenantCtx, query: ActionItemListQuery): Promise<Page<ActionItemDto>> {
  authorize(ctx, 'actionItem.mine');
  const rows = await q.itemsOfOwner(ctx.db, ctx.coalition.id, ctx.principal.personId, query);
  const page = toPage(rows, query.limit, (r) => [r.dueOn, r.id]);
  return { items: page.items.map(toActionItemDto), nextCursor: page.nextCursor };
}
