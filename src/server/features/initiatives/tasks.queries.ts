import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TaskListQuery } from '../../../shared/initiatives.contract.js';
import type { Executor } from '../../db/client.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { people } from '../../db/schema.js';
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

/**
 * Every task of the coalition with its dependencies (and its assignee's name): the input of the
 * critical-path method. Read as one text value per table rather than one row per task: embedded
 * PGlite answers over a socket from its own process and pays for every row of the wire protocol, so
 * 5,000 tasks and 7,000 dependencies as rows took ~30 ms there against ~10 ms as two values
 * (bench/master-plan.ts, decision 015). A task is fields joined by U+001F, tasks are joined by
 * U+001E; the two names are JSON-encoded, which escapes every control character, so no name can
 * contain a separator and each round-trips exactly. A dependency is its two uuids (36 characters each).
 */
export async function loadPlan(db: Executor, coalitionId: string) {
  const [taskText, edgeText] = await Promise.all([
    db.execute<{ tasks: string | null }>(sql`
      select string_agg(concat_ws(chr(31), t.id, t.initiative_id, t.starts_on, t.duration_days, t.milestone::int, t.progress,
               coalesce(t.assignee_id::text, ''), coalesce(t.baseline_start::text, ''), coalesce(t.baseline_finish::text, ''),
               to_json(t.name), coalesce(to_json(p.name)::text, 'null')), chr(30)) as tasks
      from ${initiativeTasks} t
      left join ${people} p on p.coalition_id = t.coalition_id and p.id = t.assignee_id
      where t.coalition_id = ${coalitionId}`),
    db.execute<{ pairs: string | null }>(sql`select string_agg(task_id::text || depends_on_id::text, '') as pairs from ${taskDependencies} where coalition_id = ${coalitionId}`),
  ]);
  const deps = new Map<string, string[]>();
  const pairs = edgeText.rows[0]?.pairs ?? '';
  for (let k = 0; k < pairs.length; k += 72) {
    const taskId = pairs.slice(k, k + 36);
    const list = deps.get(taskId);
    if (list) list.push(pairs.slice(k + 36, k + 72));
    else deps.set(taskId, [pairs.slice(k + 36, k + 72)]);
  }
  const text = taskText.rows[0]?.tasks;
  if (!text) return [];
  return text.split('\u001e').map((record) => {
    const f = record.split('\u001f');
    const id = f[0]!;
    return {
      id,
      initiativeId: f[1]!,
      name: JSON.parse(f[9]!) as string,
      startsOn: f[2]!,
      durationDays: Number(f[3]),
      milestone: f[4] === '1',
      assigneeId: f[6] || null,
      assigneeName: JSON.parse(f[10]!) as string | null,
      progress: Number(f[5]),
      baselineStart: f[7] || null,
      baselineFinish: f[8] || null,
      dependsOn: deps.get(id) ?? [],
    };
  });
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
