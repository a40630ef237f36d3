import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPath, dayNumber, finishDay, isoDay, type PlanTask, type ScheduledTask } from './critical-path.js';

const task = (id: string, startsOn: string, durationDays: number, dependsOn: string[] = []): PlanTask => ({ id, startsOn, durationDays, dependsOn });

function scheduled(tasks: PlanTask[]) {
  const result = criticalPath(tasks);
  if (!result.ok) throw new Error(`unexpected cycle ${result.cycle.join(' → ')}`);
  return { ...result, byId: new Map(result.tasks.map((t) => [t.id, t])) };
}

describe('criticalPath: the CONTRACT example (A→B, A→C, B,C→D)', () => {
  const plan = [
    task('A', '2026-03-02', 3),
    task('B', '2026-03-02', 5, ['A']),
    task('C', '2026-03-02', 2, ['A']),
    task('D', '2026-03-02', 1, ['B', 'C']),
  ];

  it('gives the early and late dates, slack and critical flags', () => {
    const { byId, projectStart, projectFinish } = scheduled(plan);
    expect(byId.get('A')).toEqual({ id: 'A', earlyStart: '2026-03-02', earlyFinish: '2026-03-04', lateStart: '2026-03-02', lateFinish: '2026-03-04', slackDays: 0, critical: true });
    expect(byId.get('B')).toEqual({ id: 'B', earlyStart: '2026-03-05', earlyFinish: '2026-03-09', lateStart: '2026-03-05', lateFinish: '2026-03-09', slackDays: 0, critical: true });
    expect(byId.get('C')).toEqual({ id: 'C', earlyStart: '2026-03-05', earlyFinish: '2026-03-06', lateStart: '2026-03-08', lateFinish: '2026-03-09', slackDays: 3, critical: false });
    expect(byId.get('D')).toEqual({ id: 'D', earlyStart: '2026-03-10', earlyFinish: '2026-03-10', lateStart: '2026-03-10', lateFinish: '2026-03-10', slackDays: 0, critical: true });
    expect([projectStart, projectFinish]).toEqual(['2026-03-02', '2026-03-10']);
  });

  it('names the critical path from start to finish', () => {
    expect(scheduled(plan).criticalPath).toEqual(['A', 'B', 'D']);
  });

  it('keeps the input order and does not depend on it', () => {
    const reversed = scheduled([...plan].reverse());
    expect(reversed.tasks.map((t) => t.id)).toEqual(['D', 'C', 'B', 'A']);
    expect(reversed.byId.get('C')!.slackDays).toBe(3);
  });
});

describe('criticalPath: semantics', () => {
  it('a milestone marks one day; its successors start the day after', () => {
    const { byId } = scheduled([task('build', '2026-01-05', 5), task('launch', '2026-01-01', 0, ['build']), task('after', '2026-01-01', 2, ['launch'])]);
    expect(byId.get('build')).toMatchObject({ earlyStart: '2026-01-05', earlyFinish: '2026-01-09' });
    expect(byId.get('launch')).toMatchObject({ earlyStart: '2026-01-10', earlyFinish: '2026-01-10', lateStart: '2026-01-10', lateFinish: '2026-01-10', critical: true });
    expect(byId.get('after')).toMatchObject({ earlyStart: '2026-01-11', earlyFinish: '2026-01-12' });
  });

  it('a task never starts before its own startsOn, even when its predecessors are done', () => {
    const { byId, criticalPath: path } = scheduled([task('a', '2026-02-01', 2), task('b', '2026-02-20', 3, ['a'])]);
    expect(byId.get('b')).toMatchObject({ earlyStart: '2026-02-20', earlyFinish: '2026-02-22', slackDays: 0 });
    // a could finish as late as the day before b's late start.
    expect(byId.get('a')).toMatchObject({ lateFinish: '2026-02-19', slackDays: 17, critical: false });
    expect(path).toEqual(['b']);
  });

  it('late dates come from the finish of the whole plan, across unrelated chains', () => {
    const { byId } = scheduled([task('short', '2026-05-01', 1), task('long', '2026-05-01', 10)]);
    expect(byId.get('short')).toMatchObject({ lateFinish: '2026-05-10', slackDays: 9 });
    expect(byId.get('long')!.critical).toBe(true);
  });

  it('counts calendar days across month and leap-year ends', () => {
    const { byId } = scheduled([task('x', '2028-02-27', 4)]);
    expect(byId.get('x')!.earlyFinish).toBe('2028-03-01');
  });

  it('an empty plan has no dates', () => {
    expect(criticalPath([])).toEqual({ ok: true, tasks: [], projectStart: null, projectFinish: null, criticalPath: [] });
  });

  it('names the tasks of a cycle, each depending on the one before it', () => {
    const result = criticalPath([task('a', '2026-01-01', 1, ['c']), task('b', '2026-01-01', 1, ['a']), task('c', '2026-01-01', 1, ['b']), task('d', '2026-01-01', 1, ['c'])]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(new Set(result.cycle)).toEqual(new Set(['a', 'b', 'c']));
    expectRealCycle(result.cycle, new Map([['a', ['c']], ['b', ['a']], ['c', ['b']], ['d', ['c']]]));
  });

  it('a task that depends on itself is a cycle of one', () => {
    const result = criticalPath([task('a', '2026-01-01', 1, ['a'])]);
    expect(result).toEqual({ ok: false, cycle: ['a'] });
  });
});

// ---- Property tests on random task graphs -------------------------------------------------------

const BASE = dayNumber('2026-01-01');

/** A random acyclic plan: task i may depend only on tasks before it; ids are shuffled in the output. */
const acyclicPlan = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.tuple(
      fc.array(
        fc.record({
          offset: fc.integer({ min: 0, max: 120 }),
          durationDays: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 })),
          deps: fc.uniqueArray(fc.nat({ max: Math.max(n - 1, 0) }), { maxLength: 4 }),
        }),
        { minLength: n, maxLength: n },
      ),
      fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    ),
  )
  .map(([rows, permutation]) => {
    const tasks = rows.map((r, i) => task(`t${i}`, isoDay(BASE + r.offset), r.durationDays, r.deps.filter((d) => d < i).map((d) => `t${d}`)));
    return permutation.map((i) => tasks[i]!);
  });

/** Any directed graph: dependencies may point anywhere, cycles included. */
const anyPlan = fc.integer({ min: 1, max: 25 }).chain((n) =>
  fc.array(
    fc.record({ durationDays: fc.integer({ min: 0, max: 10 }), deps: fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: 3 }) }),
    { minLength: n, maxLength: n },
  ).map((rows) => rows.map((r, i) => task(`t${i}`, '2026-01-01', r.durationDays, r.deps.map((d) => `t${d}`)))),
);

function expectRealCycle(cycle: string[], dependsOn: Map<string, readonly string[]>) {
  expect(cycle.length).toBeGreaterThan(0);
  expect(new Set(cycle).size).toBe(cycle.length);
  cycle.forEach((id, k) => {
    const before = cycle[(k - 1 + cycle.length) % cycle.length]!;
    expect(dependsOn.get(id), `${id} should depend on ${before}`).toContain(before);
  });
}

/** Reference: is there a cycle? (depth-first search, written independently of the implementation) */
function hasCycle(tasks: PlanTask[]): boolean {
  const deps = new Map(tasks.map((t) => [t.id, t.dependsOn]));
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'open') return true;
    state.set(id, 'open');
    for (const d of deps.get(id) ?? []) if (visit(d)) return true;
    state.set(id, 'done');
    return false;
  };
  return tasks.some((t) => visit(t.id));
}

/** Reference early starts: relax every dependency until nothing changes (no ordering needed). */
function referenceEarlyStarts(tasks: PlanTask[]): Map<string, number> {
  const es = new Map(tasks.map((t) => [t.id, dayNumber(t.startsOn)]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of tasks)
      for (const d of t.dependsOn) {
        const pred = tasks.find((p) => p.id === d)!;
        const earliest = finishDay(es.get(d)!, pred.durationDays) + 1;
        if (earliest > es.get(t.id)!) {
          es.set(t.id, earliest);
          changed = true;
        }
      }
  }
  return es;
}

const days = (s: ScheduledTask) => ({ es: dayNumber(s.earlyStart), ef: dayNumber(s.earlyFinish), ls: dayNumber(s.lateStart), lf: dayNumber(s.lateFinish) });

describe('criticalPath: properties on random task graphs', () => {
  it('slack is never negative, and a task is critical exactly when its slack is 0', () => {
    fc.assert(
      fc.property(acyclicPlan, (plan) => {
        const { tasks } = scheduled(plan);
        for (const t of tasks) {
          const d = days(t);
          expect(t.slackDays).toBeGreaterThanOrEqual(0);
          expect(t.slackDays).toBe(d.ls - d.es);
          expect(d.lf - d.ef).toBe(t.slackDays);
          expect(t.critical).toBe(t.slackDays === 0);
        }
      }),
    );
  });

  it('early dates respect every dependency and start, and are the earliest possible', () => {
    fc.assert(
      fc.property(acyclicPlan, (plan) => {
        const { byId } = scheduled(plan);
        const reference = referenceEarlyStarts(plan);
        for (const t of plan) {
          const d = days(byId.get(t.id)!);
          expect(d.es).toBeGreaterThanOrEqual(dayNumber(t.startsOn));
          expect(d.ef).toBe(finishDay(d.es, t.durationDays));
          for (const p of t.dependsOn) expect(d.es).toBeGreaterThan(days(byId.get(p)!).ef);
          expect(d.es).toBe(reference.get(t.id));
        }
      }),
    );
  });

  it('late dates let every successor start on time and nothing finish after the project', () => {
    fc.assert(
      fc.property(acyclicPlan, (plan) => {
        const { byId, projectFinish } = scheduled(plan);
        const finish = dayNumber(projectFinish!);
        for (const t of plan) {
          const d = days(byId.get(t.id)!);
          expect(d.lf).toBeLessThanOrEqual(finish);
          for (const p of t.dependsOn) expect(days(byId.get(p)!).lf).toBeLessThan(d.ls);
        }
      }),
    );
  });

  it('has a critical path from a task starting on its own date to the project finish', () => {
    fc.assert(
      fc.property(acyclicPlan, (plan) => {
        const { byId, criticalPath: path, projectFinish } = scheduled(plan);
        const input = new Map(plan.map((t) => [t.id, t]));
        expect(path.length).toBeGreaterThan(0);
        const first = byId.get(path[0]!)!;
        expect(first.earlyStart).toBe(input.get(path[0]!)!.startsOn);
        expect(byId.get(path.at(-1)!)!.earlyFinish).toBe(projectFinish);
        for (const id of path) expect(byId.get(id)!.critical).toBe(true);
        for (let k = 1; k < path.length; k++) {
          expect(input.get(path[k]!)!.dependsOn).toContain(path[k - 1]);
          expect(days(byId.get(path[k]!)!).es).toBe(days(byId.get(path[k - 1]!)!).ef + 1);
        }
      }),
    );
  });

  it('detects every cycle and names one that is really there', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const result = criticalPath(plan);
        expect(result.ok).toBe(!hasCycle(plan));
        if (!result.ok) expectRealCycle(result.cycle, new Map(plan.map((t) => [t.id, t.dependsOn])));
      }),
      { numRuns: 300 },
    );
  });

  it('turning any dependency around in an acyclic plan makes a cycle that is found', () => {
    fc.assert(
      fc.property(
        acyclicPlan.filter((plan) => plan.some((t) => t.dependsOn.length > 0)),
        fc.nat(),
        (plan, pick) => {
          const edges = plan.flatMap((t) => t.dependsOn.map((d) => [d, t.id] as const));
          const [pred, succ] = edges[pick % edges.length]!;
          const broken = plan.map((t) => (t.id === pred ? { ...t, dependsOn: [...t.dependsOn, succ] } : t));
          const result = criticalPath(broken);
          expect(result.ok).toBe(false);
          if (!result.ok) expectRealCycle(result.cycle, new Map(broken.map((t) => [t.id, t.dependsOn])));
        },
      ),
    );
  });
});
