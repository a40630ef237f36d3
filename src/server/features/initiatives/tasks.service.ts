import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../../../shared/common.contract.js';
import type { TaskDto, TaskListQuery, TaskUpdateInput, taskCreateInput } from '../../../shared/initiatives.contract.js';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { criticalPath } from './critical-path.js';
import './initiatives.policy.js';
import * as iq from './initiatives.queries.js';
import { definedOnly } from './initiatives.service.js';
import { initiativeTasks, initiatives, taskDependencies } from './initiatives.table.js';
import * as q from './tasks.queries.js';

type CreateInput = z.infer<typeof taskCreateInput>;

const managed = (ctx: TenantCtx, initiativeId: string) => authorizeRecord(ctx, 'initiative.plan', () => iq.findInitiative(ctx.db, ctx.coalition.id, initiativeId), 'Initiative');

async function toDtos(db: Executor, coalitionId: string, rows: (q.TaskRow | Omit<q.TaskRow, 'dependsOn'>)[]): Promise<TaskDto[]> {
  const [deps, people] = await Promise.all([q.dependenciesOf(db, coalitionId, rows.map((r) => r.id)), iq.personRefs(db, coalitionId, rows.map((r) => r.assigneeId))]);
  return rows.map(({ assigneeId, ...row }) => ({ ...isoDates(row), dependsOn: deps.get(row.id) ?? [], assignee: (assigneeId && people.get(assigneeId)) || null }));
}

export async function listTasks(ctx: TenantCtx, initiativeId: string, query: TaskListQuery): Promise<Page<TaskDto>> {
  authorize(ctx, 'initiative.read');
  if (!(await iq.findInitiative(ctx.db, ctx.coalition.id, initiativeId))) throw notFound('Initiative');
  const rows = await q.listTasks(ctx.db, ctx.coalition.id, initiativeId, query);
  const page = toPage(rows, query.limit, (r) => [r.startsOn, r.id]);
  return { items: await toDtos(ctx.db, ctx.coalition.id, page.items), nextCursor: page.nextCursor };
}

export async function getTask(ctx: TenantCtx, initiativeId: string, taskId: string): Promise<TaskDto> {
  authorize(ctx, 'initiative.read');
  const row = await q.findTask(ctx.db, ctx.coalition.id, initiativeId, taskId);
  if (!row) throw notFound('Task');
  return (await toDtos(ctx.db, ctx.coalition.id, [row]))[0]!;
}

export async function createTask(ctx: TenantCtx, initiativeId: string, input: CreateInput): Promise<TaskDto> {
  await managed(ctx, initiativeId);
  await checkPeopleAndTasks(ctx, input.assigneeId ?? null, input.dependsOn);
  const id = newId();
  const { dependsOn, ...task } = input;
  await ctx.db.transaction(async (tx) => {
    await tx.insert(initiativeTasks).values({ coalitionId: ctx.coalition.id, id, initiativeId, ...task, assigneeId: task.assigneeId ?? null, notes: task.notes ?? null });
    await writeDependencies(tx, ctx, id, [...new Set(dependsOn)]);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'initiative_task', entityId: id, changes: { initiativeId, name: input.name, startsOn: input.startsOn, durationDays: input.durationDays, dependsOn } });
  });
  return getTask(ctx, initiativeId, id);
}

export async function updateTask(ctx: TenantCtx, initiativeId: string, taskId: string, patch: TaskUpdateInput): Promise<TaskDto> {
  await managed(ctx, initiativeId);
  const before = await q.findTask(ctx.db, ctx.coalition.id, initiativeId, taskId);
  if (!before) throw notFound('Task');
  const after = { ...before, ...definedOnly(patch) };
  if (after.milestone !== (after.durationDays === 0)) {
    throw invalidField('durationDays', after.milestone ? 'A milestone takes 0 days' : 'A task takes at least 1 day; use milestone: true for 0');
  }
  if (patch.assigneeId !== undefined && patch.assigneeId !== before.assigneeId) await checkPeopleAndTasks(ctx, patch.assigneeId ?? null, []);
  const dependsOn = patch.dependsOn === undefined ? undefined : [...new Set(patch.dependsOn)];
  if (dependsOn) await checkPeopleAndTasks(ctx, null, dependsOn);
  const { dependsOn: _ignored, ...fields } = definedOnly(patch);
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, { ...fields, ...(dependsOn ? { dependsOn: [...dependsOn].sort() } : {}) });
    if (Object.keys(changes).length === 0) return;
    if (Object.keys(fields).length > 0) {
      await tx
        .update(initiativeTasks)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(initiativeTasks.coalitionId, ctx.coalition.id), eq(initiativeTasks.id, taskId)));
    }
    if (dependsOn) {
      await tx.delete(taskDependencies).where(and(eq(taskDependencies.coalitionId, ctx.coalition.id), eq(taskDependencies.taskId, taskId)));
      await writeDependencies(tx, ctx, taskId, dependsOn);
    }
    await recordAudit(tx, ctx, { action: 'update', entityType: 'initiative_task', entityId: taskId, changes });
  });
  return getTask(ctx, initiativeId, taskId);
}

export async function deleteTask(ctx: TenantCtx, initiativeId: string, taskId: string): Promise<void> {
  await managed(ctx, initiativeId);
  await ctx.db.transaction(async (tx) => {
    await q.lockTaskGraph(tx, ctx.coalition.id);
    const before = await q.findTask(tx, ctx.coalition.id, initiativeId, taskId);
    if (!before) throw notFound('Task');
    const dependents = await q.dependentsOf(tx, ctx.coalition.id, taskId);
    if (dependents.length > 0) throw new AppError('conflict', `Other tasks wait for this one: ${dependents.map((d) => d.name).join(', ')}. Remove those dependencies first.`);
    await tx.delete(initiativeTasks).where(and(eq(initiativeTasks.coalitionId, ctx.coalition.id), eq(initiativeTasks.id, taskId)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'initiative_task', entityId: taskId, changes: { initiativeId, name: before.name } });
  });
}

/** Saves the initiative's current early dates as its baseline, so later slippage shows. */
export async function saveBaseline(ctx: TenantCtx, initiativeId: string): Promise<{ initiativeId: string; savedAt: string; tasks: number }> {
  await managed(ctx, initiativeId);
  const savedAt = new Date();
  let count = 0;
  await ctx.db.transaction(async (tx) => {
    await q.lockTaskGraph(tx, ctx.coalition.id);
    const plan = await q.loadPlan(tx, ctx.coalition.id);
    const schedule = criticalPath(plan);
    if (!schedule.ok) throw new AppError('conflict', 'The plan has a dependency cycle');
    const mine = new Set(plan.filter((t) => t.initiativeId === initiativeId).map((t) => t.id));
    for (const t of schedule.tasks) {
      if (!mine.has(t.id)) continue;
      await tx
        .update(initiativeTasks)
        .set({ baselineStart: t.earlyStart, baselineFinish: t.earlyFinish })
        .where(and(eq(initiativeTasks.coalitionId, ctx.coalition.id), eq(initiativeTasks.id, t.id)));
      count++;
    }
    await tx.update(initiatives).set({ baselineSavedAt: savedAt }).where(and(eq(initiatives.coalitionId, ctx.coalition.id), eq(initiatives.id, initiativeId)));
    await recordAudit(tx, ctx, { action: 'save_baseline', entityType: 'initiative', entityId: initiativeId, changes: { tasks: count } });
  });
  return { initiativeId, savedAt: savedAt.toISOString(), tasks: count };
}

async function checkPeopleAndTasks(ctx: TenantCtx, assigneeId: string | null, dependsOn: string[]) {
  if (assigneeId && !(await iq.personExists(ctx.db, ctx.coalition.id, assigneeId))) throw invalidField('assigneeId', 'No such person in this coalition');
  if (dependsOn.length === 0) return;
  const found = await ctx.db
    .select({ id: initiativeTasks.id })
    .from(initiativeTasks)
    .where(and(eq(initiativeTasks.coalitionId, ctx.coalition.id), inArray(initiativeTasks.id, dependsOn)));
  const known = new Set(found.map((r) => r.id));
  const missing = dependsOn.findIndex((id) => !known.has(id));
  if (missing >= 0) throw invalidField(`dependsOn.${missing}`, 'No such task in this coalition');
}

/**
 * Replaces a task's dependencies, refusing any that would close a cycle (422 naming its tasks).
 * Runs under the coalition's task-graph lock, inside the caller's transaction.
 */
async function writeDependencies(tx: Executor, ctx: TenantCtx, taskId: string, dependsOn: string[]) {
  await q.lockTaskGraph(tx, ctx.coalition.id);
  if (dependsOn.length === 0) return;
  await tx.insert(taskDependencies).values(dependsOn.map((dependsOnId) => ({ coalitionId: ctx.coalition.id, taskId, dependsOnId })));
  const plan = await q.loadPlan(tx, ctx.coalition.id);
  const result = criticalPath(plan);
  if (result.ok) return;
  const names = new Map(plan.map((t) => [t.id, t.name]));
  const loop = [...result.cycle, result.cycle[0]!].map((id) => names.get(id)).join(' → ');
  throw new AppError('invalid', `dependsOn: these tasks would wait for each other in a cycle: ${loop}`, {
    errors: [
      { path: 'dependsOn', message: `Dependency cycle: ${loop}` },
      { path: 'dependsOn', message: `Task ids in the cycle: ${result.cycle.join(', ')}` },
    ],
  });
}
