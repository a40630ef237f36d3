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

export interface PlanRow {
  id: string;
  initiativeId: string;
  name: string;
  startsOn: string;
  durationDays: number;
  milestone: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  progress: number;
  baselineStart: string | null;
  baselineFinish: string | null;
  dependsOn: string[];
}

const FIELD = '\u001f';
const RECORD = '\u001e';
/** What the plan needs of a task: its columns without notes and timestamps. */
const { notes: _notes, createdAt: _createdAt, updatedAt: _updatedAt, ...planColumns } = taskColumns;

/**
 * Every task of the coalition with its dependencies and its assignee's name: the input of the
 * critical-path method. Read as one text value per table rather than one row per task: embedded
 * PGlite answers over a socket from its own process, and 5,000 tasks plus 7,000 dependencies as rows
 * cost this process ~25 ms of CPU to parse (node-postgres builds an object per row) against ~5 ms as
 * two values (bench/master-plan.ts, decision 015). A task is its fields joined by U+001F, tasks are
 * joined by U+001E, and the name comes last; a dependency is its two uuids (36 characters each).
 * Should any task name hold one of those two control characters, the tasks are read again as rows,
 * so every name round-trips exactly.
 */
export async function loadPlan(db: Executor, coalitionId: string): Promise<PlanRow[]> {
  const [taskText, edgeText, assignees] = await Promise.all([
    db.execute<{ tasks: string | null; separators: boolean | null }>(sql`
      select string_agg(concat_ws(chr(31), id, initiative_id, starts_on, duration_days, milestone::int, progress, coalesce(assignee_id::text, ''),
               coalesce(baseline_start::text, ''), coalesce(baseline_finish::text, ''), name), chr(30)) as tasks,
             bool_or(strpos(name, chr(30)) > 0 or strpos(name, chr(31)) > 0) as separators
      from ${initiativeTasks} where coalition_id = ${coalitionId}`),
    db.execute<{ pairs: string | null }>(sql`select string_agg(task_id::text || depends_on_id::text, '') as pairs from ${taskDependencies} where coalition_id = ${coalitionId}`),
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.coalitionId, coalitionId), sql`exists (select 1 from ${initiativeTasks} t where t.coalition_id = ${people.coalitionId} and t.assignee_id = ${people.id})`)),
  ]);
  const deps = new Map<string, string[]>();
  const pairs = edgeText.rows[0]?.pairs ?? '';
  for (let k = 0; k < pairs.length; k += 72) {
    const taskId = pairs.slice(k, k + 36);
    const dependsOnId = pairs.slice(k + 36, k + 72);
    const list = deps.get(taskId);
    if (list) list.push(dependsOnId);
    else deps.set(taskId, [dependsOnId]);
  }
  const names = new Map(assignees.map((p) => [p.id, p.name]));
  const assigneeName = (id: string | null) => (id && names.get(id)) || null;
  const { tasks, separators } = taskText.rows[0] ?? {};
  if (!tasks) return [];
  if (separators) {
    const rows = await db.select(planColumns).from(initiativeTasks).where(eq(initiativeTasks.coalitionId, coalitionId));
    return rows.map((t) => Object.assign(t, { assigneeName: assigneeName(t.assigneeId), dependsOn: deps.get(t.id) ?? [] }));
  }
  // Object literals with every field at once: spreading 5,000 rows into new objects cost ~20 ms.
  return tasks.split(RECORD).map((record) => {
    const f = record.split(FIELD);
    const assigneeId = f[6] || null;
    return {
      id: f[0]!,
      initiativeId: f[1]!,
      name: f[9]!,
      startsOn: f[2]!,
      durationDays: Number(f[3]),
      milestone: f[4] === '1',
      assigneeId,
      assigneeName: assigneeName(assigneeId),
      progress: Number(f[5]),
      baselineStart: f[7] || null,
      baselineFinish: f[8] || null,
      dependsOn: deps.get(f[0]!) ?? [],
    };
  });
}

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
