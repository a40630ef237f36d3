import { and, eq, inArray, sql } from 'drizzle-orm';
import type { InitiativeStatus, MasterPlanDto, MasterPlanItemDto, MasterPlanQuery } from '../../../shared/initiatives.contract.js';
import { activeRiskStatuses } from '../../../shared/initiative-risks.contract.js';
import type { Executor } from '../../db/client.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import { todayIn } from './calendar.js';
import { criticalPath, dayNumber } from './critical-path.js';
import './initiatives.policy.js';
import { people } from '../../db/schema.js';
import { initiatives } from './initiatives.table.js';
import { initiativeRisks, riskTasks } from './risks.table.js';
import { cachedBody, cachedPlan, planVersion } from './plan-cache.js';
import { loadPlan } from './tasks.queries.js';

/** A task is behind when its progress trails the share of its days already gone by this much. */
const BEHIND_BY_PERCENT = 20;
/** Risks from this score (likelihood × impact) up are high; an active one threatens its tasks. */
const HIGH_RISK_SCORE = 10;


export interface ComputedPlan {
  asOf: string;
  projectStart: string | null;
  projectFinish: string | null;
  criticalPath: string[];
  items: MasterPlanItemDto[];
  initiatives: MasterPlanDto['initiatives'];
}

/**
 * The whole coalition's plan, scheduled and judged on `asOf`; callers filter what they list and must
 * not change it (it is shared: kept by plan version, see plan-cache.ts).
 */
export async function computePlan(db: Executor, coalition: { id: string; timeZone: string }, asOfDay?: string): Promise<ComputedPlan> {
  const asOf = asOfDay ?? todayIn(coalition.timeZone);
  const version = await planVersion(db, coalition.id);
  return cachedPlan(coalition.id, version, asOf, () => computeFresh(db, coalition.id, asOf));
}

async function computeFresh(db: Executor, coalitionId: string, asOf: string): Promise<ComputedPlan> {
  const coalition = { id: coalitionId };
  const [plan, initiativeRows, threatened] = await Promise.all([
    loadPlan(db, coalition.id),
    db
      .select({ id: initiatives.id, title: initiatives.title, ownerId: initiatives.ownerId, ownerName: people.name, status: initiatives.status, targetFinishOn: initiatives.targetFinishOn })
      .from(initiatives)
      .leftJoin(people, and(eq(people.coalitionId, initiatives.coalitionId), eq(people.id, initiatives.ownerId)))
      .where(eq(initiatives.coalitionId, coalition.id)),
    highRiskTasks(db, coalition.id),
  ]);
  const schedule = criticalPath(plan);
  if (!schedule.ok) throw new AppError('conflict', `The plan has a dependency cycle: ${schedule.cycle.join(' → ')}`);
  const byInitiative = new Map(initiativeRows.map((i) => [i.id, i]));
  const today = dayNumber(asOf);
  // A plan spans a few hundred distinct days: parse each date once, not four times per task.
  const days = new Map<string, number>();
  const day = (iso: string) => {
    let n = days.get(iso);
    if (n === undefined) days.set(iso, (n = dayNumber(iso)));
    return n;
  };

  const items: MasterPlanItemDto[] = plan.map((task, k) => {
    const s = schedule.tasks[k]!;
    const initiative = byInitiative.get(task.initiativeId)!;
    const es = day(s.earlyStart);
    const ef = day(s.earlyFinish);
    const slipDays = task.baselineFinish ? ef - day(task.baselineFinish) : null;
    const reasons: MasterPlanItemDto['atRiskReasons'] = [];
    let state: MasterPlanItemDto['state'];
    if (task.progress >= 100) state = 'done';
    else if (today > ef) state = 'overdue';
    else {
      const expected = today < es ? 0 : (100 * (today - es)) / Math.max(task.durationDays, 1);
      if (today >= es && task.progress + BEHIND_BY_PERCENT < expected) reasons.push('behind_schedule');
      if (task.progress === 0 && today > day(s.lateStart)) reasons.push('past_late_start');
      if (slipDays !== null && slipDays > 0) reasons.push('slipped');
      if (threatened.has(task.id)) reasons.push('threatened');
      state = reasons.length ? 'at_risk' : task.progress > 0 || today >= es ? 'in_progress' : 'not_started';
    }
    return {
      id: s.id,
      earlyStart: s.earlyStart,
      earlyFinish: s.earlyFinish,
      lateStart: s.lateStart,
      lateFinish: s.lateFinish,
      slackDays: s.slackDays,
      critical: s.critical,
      name: task.name,
      initiativeId: task.initiativeId,
      initiativeTitle: initiative.title,
      ownerId: initiative.ownerId,
      assigneeId: task.assigneeId,
      assigneeName: task.assigneeName,
      milestone: task.milestone,
      startsOn: task.startsOn,
      durationDays: task.durationDays,
      dependsOn: task.dependsOn,
      progress: task.progress,
      baselineStart: task.baselineStart,
      baselineFinish: task.baselineFinish,
      slipDays,
      state,
      atRiskReasons: reasons,
      daysOverdue: state === 'overdue' ? today - ef : 0,
    };
  });
  items.sort((a, b) => compare(a.earlyStart, b.earlyStart) || compare(a.initiativeTitle, b.initiativeTitle) || compare(a.name, b.name) || compare(a.id, b.id));

  return { asOf, projectStart: schedule.projectStart, projectFinish: schedule.projectFinish, criticalPath: schedule.criticalPath, items, initiatives: summarize(initiativeRows, items) };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function summarize(rows: { id: string; title: string; ownerId: string | null; ownerName: string | null; status: string; targetFinishOn: string | null }[], items: MasterPlanItemDto[]) {
  const groups = new Map<string, MasterPlanItemDto[]>();
  for (const item of items) {
    const group = groups.get(item.initiativeId);
    if (group) group.push(item);
    else groups.set(item.initiativeId, [item]);
  }
  return rows
    .map((row) => {
      const tasks = groups.get(row.id) ?? [];
      const earlyStart = tasks.reduce<string | null>((m, t) => (m === null || t.earlyStart < m ? t.earlyStart : m), null);
      const earlyFinish = tasks.reduce<string | null>((m, t) => (m === null || t.earlyFinish > m ? t.earlyFinish : m), null);
      const baselineFinish = tasks.reduce<string | null>((m, t) => (t.baselineFinish && (m === null || t.baselineFinish > m) ? t.baselineFinish : m), null);
      const weight = tasks.reduce((sum, t) => sum + Math.max(t.durationDays, 1), 0);
      const done = tasks.reduce((sum, t) => sum + t.progress * Math.max(t.durationDays, 1), 0);
      return {
        id: row.id,
        title: row.title,
        ownerId: row.ownerId,
        ownerName: row.ownerName,
        status: row.status as InitiativeStatus,
        earlyStart,
        earlyFinish,
        targetFinishOn: row.targetFinishOn,
        baselineFinish,
        slipDays: earlyFinish && baselineFinish ? dayNumber(earlyFinish) - dayNumber(baselineFinish) : null,
        critical: tasks.some((t) => t.critical),
        progressPercent: weight ? Math.round(done / weight) : 0,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}

async function highRiskTasks(db: Executor, coalitionId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ taskId: riskTasks.taskId })
    .from(riskTasks)
    .innerJoin(initiativeRisks, and(eq(initiativeRisks.coalitionId, riskTasks.coalitionId), eq(initiativeRisks.id, riskTasks.riskId)))
    .where(and(eq(riskTasks.coalitionId, coalitionId), inArray(initiativeRisks.status, [...activeRiskStatuses]), sql`${initiativeRisks.likelihood} * ${initiativeRisks.impact} >= ${HIGH_RISK_SCORE}`));
  return new Set(rows.map((r) => r.taskId));
}

/**
 * The master plan as its JSON response body, UTF-8 encoded. Serializing 5,000 tasks (3 MB) costs more
 * than scheduling them, so the body is kept too, under the plan's version, day and filters: a repeated
 * read of an unchanged plan is one version lookup and the bytes as they were sent last time (no
 * re-encoding). The body is the MasterPlanDto built by filterPlan (typed by the contract; tests parse
 * it with masterPlanDto).
 */
export async function getMasterPlanBody(ctx: TenantCtx, query: MasterPlanQuery): Promise<Buffer> {
  authorize(ctx, 'masterPlan.read');
  const asOf = query.asOf ?? todayIn(ctx.coalition.timeZone);
  const version = await planVersion(ctx.db, ctx.coalition.id);
  const filters = [asOf, query.initiativeId, query.ownerId, query.assigneeId, query.milestonesOnly].map((v) => v ?? '').join('|');
  return cachedBody(ctx.coalition.id, version, filters, async () => {
    const plan = await cachedPlan(ctx.coalition.id, version, asOf, () => computeFresh(ctx.db, ctx.coalition.id, asOf));
    return Buffer.from(JSON.stringify(filterPlan(plan, query)));
  });
}

function filterPlan(plan: ComputedPlan, query: MasterPlanQuery): MasterPlanDto {
  const items = plan.items.filter(
    (t) =>
      (!query.initiativeId || t.initiativeId === query.initiativeId) &&
      (!query.ownerId || t.ownerId === query.ownerId) &&
      (!query.assigneeId || t.assigneeId === query.assigneeId) &&
      (!query.milestonesOnly || t.milestone),
  );
  const listed = new Set(items.map((t) => t.initiativeId));
  return {
    asOf: plan.asOf,
    projectStart: plan.projectStart,
    projectFinish: plan.projectFinish,
    criticalPath: plan.criticalPath,
    items,
    initiatives: plan.initiatives.filter((i) => listed.has(i.id) || ((!query.initiativeId || i.id === query.initiativeId) && (!query.ownerId || i.ownerId === query.ownerId) && !query.assigneeId && !query.milestonesOnly)),
    overdue: items.filter((t) => t.state === 'overdue').map((t) => t.id),
    atRisk: items.filter((t) => t.state === 'at_risk').map((t) => t.id),
  };
}
