/**
 * The critical-path method over tasks with finish-to-start dependencies, in whole calendar days.
 * A pure function of its input: no clock, no database. Semantics (decision 011):
 *
 * - A task with durationDays D ≥ 1 occupies the days earlyStart … earlyStart + D − 1 and finishes at
 *   the end of its earlyFinish day. A milestone (D = 0) marks one day: earlyFinish = earlyStart.
 * - A task starts on the day after the latest early finish of its predecessors, and never before its
 *   own startsOn ("start no earlier than").
 * - The project finish is the latest early finish; a task without successors must finish by it, any
 *   other task by the day before its earliest successor's late start. Slack = lateStart − earlyStart;
 *   a task is critical when its slack is 0.
 */
export interface PlanTask {
  id: string;
  /** ISO date, YYYY-MM-DD. */
  startsOn: string;
  durationDays: number;
  /** Ids of the tasks that must finish first. */
  dependsOn: readonly string[];
}

export interface ScheduledTask {
  id: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  slackDays: number;
  critical: boolean;
}

export type Schedule =
  | {
      ok: true;
      /** In the order of the input. */
      tasks: ScheduledTask[];
      projectStart: string | null;
      projectFinish: string | null;
      /** One chain of critical tasks, from a task that starts on its own startsOn to the project finish. */
      criticalPath: string[];
    }
  | {
      ok: false;
      /** Task ids t1 … tk where each depends on the one before it and t1 depends on tk. */
      cycle: string[];
    };

const DAY_MS = 86_400_000;

/** YYYY-MM-DD → days since 1970-01-01 (UTC calendar days; no time zones involved). */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The last day a task occupies when it starts on `start` (a milestone marks its one day). */
export const finishDay = (start: number, durationDays: number) => start + Math.max(durationDays, 1) - 1;

export function criticalPath(input: readonly PlanTask[]): Schedule {
  const n = input.length;
  const index = new Map<string, number>();
  input.forEach((t, i) => index.set(t.id, i));
  if (index.size !== n) throw new Error('criticalPath: task ids must be unique');

  // Predecessors and successors as flat arrays (compressed rows): fast at thousands of tasks.
  const predStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) predStart[i + 1] = predStart[i]! + input[i]!.dependsOn.length;
  const preds = new Int32Array(predStart[n]!);
  const succCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let k = predStart[i]!;
    for (const dep of input[i]!.dependsOn) {
      const p = index.get(dep);
      if (p === undefined) throw new Error(`criticalPath: task ${input[i]!.id} depends on unknown task ${dep}`);
      preds[k++] = p;
      succCount[p]!++;
    }
  }
  const succStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) succStart[i + 1] = succStart[i]! + succCount[i]!;
  const succs = new Int32Array(succStart[n]!);
  const fill = succStart.slice(0, n);
  for (let i = 0; i < n; i++) for (let k = predStart[i]!; k < predStart[i + 1]!; k++) succs[fill[preds[k]!]!++] = i;

  // Topological order (Kahn); what is left over sits on or behind a cycle.
  const indegree = new Int32Array(n);
  for (let i = 0; i < n; i++) indegree[i] = predStart[i + 1]! - predStart[i]!;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  while (head < tail) {
    const i = order[head++]!;
    for (let k = succStart[i]!; k < succStart[i + 1]!; k++) if (--indegree[succs[k]!]! === 0) order[tail++] = succs[k]!;
  }
  if (tail < n) return { ok: false, cycle: cycleAmong(input, preds, predStart, indegree) };

  const duration = Int32Array.from(input, (t) => t.durationDays);
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  let projectStart = Infinity;
  let projectFinish = -Infinity;
  for (let o = 0; o < n; o++) {
    const i = order[o]!;
    let start = dayNumber(input[i]!.startsOn);
    for (let k = predStart[i]!; k < predStart[i + 1]!; k++) start = Math.max(start, ef[preds[k]!]! + 1);
    es[i] = start;
    ef[i] = finishDay(start, duration[i]!);
    projectStart = Math.min(projectStart, start);
    projectFinish = Math.max(projectFinish, ef[i]!);
  }

  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  for (let o = n - 1; o >= 0; o--) {
    const i = order[o]!;
    let finish = projectFinish;
    for (let k = succStart[i]!; k < succStart[i + 1]!; k++) finish = Math.min(finish, ls[succs[k]!]! - 1);
    lf[i] = finish;
    ls[i] = finish - Math.max(duration[i]!, 1) + 1;
  }

  const names = new Map<number, string>();
  const iso = (day: number) => {
    let s = names.get(day);
    if (s === undefined) names.set(day, (s = isoDay(day)));
    return s;
  };
  const tasks: ScheduledTask[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const slackDays = ls[i]! - es[i]!;
    tasks[i] = { id: input[i]!.id, earlyStart: iso(es[i]!), earlyFinish: iso(ef[i]!), lateStart: iso(ls[i]!), lateFinish: iso(lf[i]!), slackDays, critical: slackDays === 0 };
  }

  // Walk back from a task that ends the project through the predecessors that drive each start.
  const path: string[] = [];
  let at = -1;
  for (let i = 0; i < n && at < 0; i++) if (ef[i] === projectFinish && ls[i] === es[i]) at = i;
  while (at >= 0) {
    path.push(input[at]!.id);
    let next = -1;
    for (let k = predStart[at]!; k < predStart[at + 1]! && next < 0; k++) if (ef[preds[k]!]! + 1 === es[at]) next = preds[k]!;
    at = next;
  }
  path.reverse();

  return {
    ok: true,
    tasks,
    projectStart: n ? iso(projectStart) : null,
    projectFinish: n ? iso(projectFinish) : null,
    criticalPath: path,
  };
}

/**
 * A cycle among the tasks Kahn's algorithm could not order. Every such task has a predecessor that
 * is also left over, so following predecessors must revisit a task: that loop is a cycle.
 */
function cycleAmong(input: readonly PlanTask[], preds: Int32Array, predStart: Int32Array, indegree: Int32Array): string[] {
  const left = (i: number) => indegree[i]! > 0;
  let at = indegree.findIndex((d) => d > 0);
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  while (!seenAt.has(at)) {
    seenAt.set(at, walk.length);
    walk.push(at);
    let next = -1;
    for (let k = predStart[at]!; k < predStart[at + 1]! && next < 0; k++) if (left(preds[k]!)) next = preds[k]!;
    at = next;
  }
  // walk[j+1] is a predecessor of walk[j]; reverse so each task depends on the one before it.
  return walk
    .slice(seenAt.get(at)!)
    .reverse()
    .map((i) => input[i]!.id);
}
