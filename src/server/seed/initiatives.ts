import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  initiativeBallots,
  initiativeCosts,
  initiativeRequirements,
  initiativeRisks,
  initiativeStakeholders,
  initiativeTasks,
  initiatives,
  organizations,
  people,
  pledges,
  riskTasks,
  skills,
  stakeholderPriorities,
  strategySessions,
  taskDependencies,
} from '../db/schema.js';
import { criticalPath, dayNumber, isoDay } from '../features/initiatives/critical-path.js';
import { todayIn } from '../features/initiatives/calendar.js';
import { bordaRanking } from '../features/initiatives/ranking.js';
import { newId } from '../platform/auth/secrets.js';
import * as data from './la-tech.initiatives.data.js';

/** The Monday on or after the first day of the month two months before `now`: the demo's program year. */
export function programYearStart(now: Date): number {
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1) / 86_400_000;
  const weekday = new Date(first * 86_400_000).getUTCDay(); // 0 = Sunday
  return first + ((8 - weekday) % 7);
}

/**
 * The paper's initiatives for the demo coalition: a strategy session whose ballots ranked them, an
 * action plan each (with dependencies across initiatives and milestones aligned to the internship
 * application window), a saved baseline, costs, requirements, pledges and risks. Progress is what the
 * calendar says on the day the seed runs, less for the tasks the data marks as lagging.
 */
export async function seedInitiatives(tx: Executor, coalitionId: string, timeZone: string, now = new Date()): Promise<void> {
  const start = programYearStart(now);
  // The same "today" the master plan judges by: the coalition's own calendar day.
  const today = dayNumber(todayIn(timeZone, now));
  const windowOpens = start + data.applicationWindow.opensAt;
  const day = (at: number | 'window') => (at === 'window' ? windowOpens : start + at);

  const personRows = await tx.select({ id: people.id, name: people.name }).from(people).where(eq(people.coalitionId, coalitionId));
  const orgRows = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.coalitionId, coalitionId));
  const person = (name: string) => personRows.find((p) => p.name === name)?.id ?? missing('person', name);
  const org = (name: string) => orgRows.find((o) => o.name === name)?.id ?? missing('organization', name);

  // The strategy session, its priorities and ballots; its adopted ranking orders the initiatives.
  const sessionId = newId();
  await tx.insert(strategySessions).values({ coalitionId, id: sessionId, title: `Coalition strategy session ${new Date(start * 86_400_000).getUTCFullYear()}`, heldOn: isoDay(start + data.strategySessionOffset), status: 'adopted', adoptedAt: now, notes: 'Stakeholder priorities heard; initiatives proposed and ranked (white paper, Phase 1 Step 3).' });
  const skillRows = await tx.select({ id: skills.id, name: skills.name }).from(skills).where(inArray(sql`lower(${skills.name})`, data.seedPriorities.flatMap((p) => p.skills.map((s) => s.toLowerCase()))));
  await tx.insert(stakeholderPriorities).values(
    data.seedPriorities.map((p) => ({
      coalitionId,
      id: newId(),
      sessionId,
      organizationId: org(p.org),
      authorId: person(p.author),
      kind: p.kind,
      title: p.title,
      details: p.details,
      skillIds: p.skills.map((name) => skillRows.find((s) => s.name.toLowerCase() === name.toLowerCase())?.id ?? missing('skill', name)),
    })),
  );

  const ids = new Map(data.seedInitiatives.map((i) => [i.key, newId()]));
  const taskIds = new Map(data.seedInitiatives.flatMap((i) => i.tasks.map((t) => [t.key, newId()] as const)));
  const ballots = Object.entries(data.seedBallots).flatMap(([voter, keys]) => keys.map((key, k) => ({ personId: person(voter), initiativeId: ids.get(key)!, rank: k + 1 })));
  const ranks = new Map(bordaRanking(data.seedInitiatives.map((i) => ({ id: ids.get(i.key)!, title: i.title })), ballots).map((r) => [r.initiativeId, r.rank]));

  // Schedule the plan as it is now and as it was when the baseline was saved.
  const allTasks = data.seedInitiatives.flatMap((i) => i.tasks);
  const planOf = (baseline: boolean) => allTasks.map((t) => ({ id: taskIds.get(t.key)!, startsOn: isoDay(day(t.at)), durationDays: baseline ? (t.baselineDays ?? t.days) : t.days, dependsOn: (t.after ?? []).map((k) => taskIds.get(k)!) }));
  const current = criticalPath(planOf(false));
  const baseline = criticalPath(planOf(true));
  if (!current.ok || !baseline.ok) throw new Error('seed: the demo plan has a dependency cycle');
  // A task cannot have started while a predecessor is unfinished.
  const progress = new Map<string, number>();
  const progressOf = (t: data.SeedTask, k: number): number => {
    const known = progress.get(t.key);
    if (known !== undefined) return known;
    const blocked = (t.after ?? []).some((key) => progressOf(allTasks.find((p) => p.key === key)!, allTasks.findIndex((p) => p.key === key)) < 100);
    const es = dayNumber(current.tasks[k]!.earlyStart);
    const share = Math.min(Math.max((today - es) / Math.max(t.days, 1), 0), 1);
    const value = blocked ? 0 : Math.round(100 * share * (t.lagging ?? 1));
    progress.set(t.key, value);
    return value;
  };

  for (const i of data.seedInitiatives) {
    const id = ids.get(i.key)!;
    const started = i.tasks.some((t) => progressOf(t, allTasks.indexOf(t)) > 0);
    await tx.insert(initiatives).values({
      coalitionId,
      id,
      title: i.title,
      category: i.category,
      description: i.description,
      status: started ? 'in_progress' : 'planned',
      ownerId: person(i.owner),
      strategySessionId: sessionId,
      priorityRank: ranks.get(id)!,
      strategicPriorities: i.strategicPriorities,
      recommendations: i.recommendations,
      goals: i.goals,
      startsOn: isoDay(Math.min(...i.tasks.map((t) => day(t.at)))),
      targetFinishOn: isoDay(i.targetAt === 'window' ? windowOpens - 1 : start + i.targetAt),
      recruitingWindow: i.alignedToWindow ? { label: data.applicationWindow.label, opensOn: isoDay(windowOpens), closesOn: isoDay(windowOpens + 7 * data.applicationWindow.weeks - 1) } : null,
      baselineSavedAt: new Date((start + 7) * 86_400_000),
    });
    await tx.insert(initiativeStakeholders).values(i.team.map((m) => ({ coalitionId, id: newId(), initiativeId: id, personId: person(m.person), raci: m.raci, role: m.role, responsibilities: m.responsibilities, pointOfContact: m.pointOfContact ?? false })));
    await tx.insert(initiativeCosts).values(i.costs.map((c) => ({ coalitionId, id: newId(), initiativeId: id, category: c.category, description: c.description, budgetCents: c.budget * 100, actualCents: c.actual === undefined ? null : c.actual * 100, incurredOn: c.actual === undefined ? null : isoDay(Math.min(today, start + 30)) })));
    await tx.insert(initiativeRequirements).values(i.requirements.map((r) => ({ coalitionId, id: newId(), initiativeId: id, kind: r.kind, description: r.description, amountCents: r.amount === undefined ? null : r.amount * 100, quantity: r.quantity ?? null, hours: r.hours ?? null })));
  }

  await tx.insert(initiativeTasks).values(
    allTasks.map((t, k) => ({
      coalitionId,
      id: taskIds.get(t.key)!,
      initiativeId: ids.get(t.key.split('.')[0]!)!,
      name: t.name,
      startsOn: isoDay(day(t.at)),
      durationDays: t.days,
      milestone: t.days === 0,
      assigneeId: t.assignee ? person(t.assignee) : null,
      progress: progressOf(t, k),
      baselineStart: baseline.tasks[k]!.earlyStart,
      baselineFinish: baseline.tasks[k]!.earlyFinish,
    })),
  );
  await tx.insert(taskDependencies).values(allTasks.flatMap((t) => (t.after ?? []).map((k) => ({ coalitionId, taskId: taskIds.get(t.key)!, dependsOnId: taskIds.get(k)! }))));
  await tx.insert(initiativeBallots).values(ballots.map((b) => ({ coalitionId, sessionId, ...b })));

  await tx.insert(pledges).values(data.seedPledges.map((p) => ({ coalitionId, id: newId(), organizationId: org(p.org), initiativeId: p.initiative ? ids.get(p.initiative)! : null, kind: p.kind, amountCents: p.amount * 100, status: p.status, description: p.description, pledgedOn: isoDay(start + p.atDay) })));
  for (const r of data.seedRisks) {
    const riskId = newId();
    await tx.insert(initiativeRisks).values({ coalitionId, id: riskId, initiativeId: ids.get(r.initiative)!, title: r.title, likelihood: r.likelihood, impact: r.impact, impactOn: r.impactOn, ownerId: person(r.owner), status: r.status, mitigation: r.mitigation });
    if (r.tasks.length) await tx.insert(riskTasks).values(r.tasks.map((k) => ({ coalitionId, riskId, taskId: taskIds.get(k)! })));
  }
}

function missing(what: string, name: string): never {
  throw new Error(`seed: no ${what} named ${name}`);
}
