import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TaskListQuery } from '../../../shared/initiatives.contract.js';
import type { Executor } from '../../db/client.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { initiativeTasks, taskDependencies } from './initiatives.table.js';

export const taskColumns = {
  id: initiativeTasks.id,
  initiativeId: initiativeTasks.initiativeId,
  name: initiativeTasks.name,
  startsOn: initiativeTasks.startsOn,
  durationDays: initiativeTasks.durationDays,
  milestone: initiativeTasks.milestone,
  assigneeId: initiativeTasks.assigneeId,
  progress: initiativeTasks.progress,
  notes: initiativeTasks.notes,
  baselineStart: initiativeTasks.baselineStart,
  baselineFinish: initiativeTasks.baselineFinish,
  createdAt: initiativeTasks.createdAt,
  updatedAt: initiativeTasks.updatedAt,
};
export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export async function findTask(db: Executor, coalitionId: string, initiativeId: string, taskId: string) {
  const [row] = await db
    .select(taskColumns)
    .from(initiativeTasks)
    .where(and(eq(initiativeTasks.coalitionId, coalitionId), eq(initiativeTasks.initiativeId, initiativeId), eq(initiativeTasks.id, taskId)));
  return row ? { ...row, dependsOn: (await dependenciesOf(db, coalitionId, [row.id])).get(row.id) ?? [] } : undefined;
}

export async function listTasks(db: Executor, coalitionId: string, initiativeId: string, query: TaskListQuery) {
  return db
    .select(taskColumns)
    .from(initiativeTasks)
    .where(
      and(
        eq(initiativeTasks.coalitionId, coalitionId),
        eq(initiativeTasks.initiativeId, initiativeId),
        query.q ? sql`${initiativeTasks.name} ilike ${likePattern(query.q)}` : undefined,
        afterCursor(initiativeTasks.startsOn, initiativeTasks.id, decodeCursor(query.cursor, 2)),
      ),
    )
    .orderBy(initiativeTasks.startsOn, initiativeTasks.id)
    .limit(query.limit + 1);
}

export async function dependenciesOf(db: Executor, coalitionId: string, taskIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (taskIds.length === 0) return map;
  const rows = await db
    .select({ taskId: taskDependencies.taskId, dependsOnId: taskDependencies.dependsOnId })
    .from(taskDependencies)
    .where(and(eq(taskDependencies.coalitionId, coalitionId), inArray(taskDependencies.taskId, taskIds)))
    .orderBy(taskDependencies.dependsOnId);
  for (const r of rows) map.set(r.taskId, [...(map.get(r.taskId) ?? []), r.dependsOnId]);
  return map;
}

/** Every task of the coalition with its dependencies: the input of the critical-path method. */
export async function loadPlan(db: Executor, coalitionId: string) {
  const [tasks, edges] = await Promise.all([
    db
      .select({
        id: initiativeTasks.id,
        initiativeId: initiativeTasks.initiativeId,
        name: initiativeTasks.name,
        startsOn: initiativeTasks.startsOn,
        durationDays: initiativeTasks.durationDays,
        milestone: initiativeTasks.milestone,
        assigneeId: initiativeTasks.assigneeId,
        progress: initiativeTasks.progress,
        baselineStart: initiativeTasks.baselineStart,
        baselineFinish: initiativeTasks.baselineFinish,
      })
      .from(initiativeTasks)
      .where(eq(initiativeTasks.coalitionId, coalitionId)),
    db.select({ taskId: taskDependencies.taskId, dependsOnId: taskDependencies.dependsOnId }).from(taskDependencies).where(eq(taskDependencies.coalitionId, coalitionId)),
  ]);
  const deps = new Map<string, string[]>();
  for (const e of edges) {
    const list = deps.get(e.taskId);
    if (list) list.push(e.dependsOnId);
    else deps.set(e.taskId, [e.dependsOnId]);
  }
  return tasks.map((t) => ({ ...t, dependsOn: deps.get(t.id) ?? [] }));
}
export type PlanRow = Awaited<ReturnType<typeof loadPlan>>[number];

/** Tasks that wait for this one. */
export async function dependentsOf(db: Executor, coalitionId: string, taskId: string) {
  return db
    .select({ id: initiativeTasks.id, name: initiativeTasks.name })
    .from(taskDependencies)
    .innerJoin(initiativeTasks, and(eq(initiativeTasks.coalitionId, taskDependencies.coalitionId), eq(initiativeTasks.id, taskDependencies.taskId)))
    .where(and(eq(taskDependencies.coalitionId, coalitionId), eq(taskDependencies.dependsOnId, taskId)));
}

/** Serializes changes to one coalition's task graph, so two writers cannot close a cycle together. */
export async function lockTaskGraph(db: Executor, coalitionId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'task-graph:' + coalitionId}))`);
}
