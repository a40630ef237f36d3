import { eq } from 'drizzle-orm';
import type { CoalitionStatusReportDto, InitiativeCategory, InitiativeStatus, InitiativeStatusReportDto, InitiativeStatusRowDto, MasterPlanItemDto } from '../../../shared/initiatives.contract.js';
import { activeRiskStatuses, riskLevelOf } from '../../../shared/initiative-risks.contract.js';
import type { TenantCtx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import { dayNumber } from './critical-path.js';
import { financeSummary } from './finance.js';
import './initiatives.policy.js';
import { findInitiative, initiativeColumns } from './initiatives.queries.js';
import { initiatives } from './initiatives.table.js';
import { computePlan, type ComputedPlan } from './master-plan.service.js';
import * as rq from './resources.queries.js';
import * as riskQ from './risks.queries.js';

/** Milestones due within this many days are "upcoming". */
const UPCOMING_DAYS = 45;
const isActive = (status: string) => (activeRiskStatuses as readonly string[]).includes(status);

async function gather(ctx: TenantCtx, asOf: string | undefined, initiativeId?: string) {
  const [plan, rows, requirements, costs, pledges, risks] = await Promise.all([
    computePlan(ctx.db, ctx.coalition, asOf),
    ctx.db.select(initiativeColumns).from(initiatives).where(eq(initiatives.coalitionId, ctx.coalition.id)).orderBy(initiatives.title, initiatives.id),
    rq.requirementsOf(ctx.db, ctx.coalition.id, initiativeId),
    rq.costsOf(ctx.db, ctx.coalition.id, initiativeId),
    rq.allPledges(ctx.db, ctx.coalition.id, initiativeId),
    riskQ.allRisks(ctx.db, ctx.coalition.id, initiativeId),
  ]);
  return { plan, rows, requirements, costs, pledges, risks };
}
type Gathered = Awaited<ReturnType<typeof gather>>;

function rowOf(g: Gathered, initiative: Gathered['rows'][number]): InitiativeStatusRowDto {
  const summary = g.plan.initiatives.find((i) => i.id === initiative.id)!;
  const tasks = g.plan.items.filter((t) => t.initiativeId === initiative.id);
  const money = financeSummary(
    g.requirements.filter((r) => r.initiativeId === initiative.id),
    g.costs.filter((c) => c.initiativeId === initiative.id),
    g.pledges.filter((p) => p.initiativeId === initiative.id),
  );
  const risks = g.risks.filter((r) => r.initiativeId === initiative.id && isActive(r.status));
  return {
    id: initiative.id,
    title: initiative.title,
    category: initiative.category as InitiativeCategory,
    status: initiative.status as InitiativeStatus,
    priorityRank: initiative.priorityRank,
    ownerName: summary.ownerName,
    progressPercent: summary.progressPercent,
    earlyStart: summary.earlyStart,
    earlyFinish: summary.earlyFinish,
    targetFinishOn: initiative.targetFinishOn,
    daysPastTarget: summary.earlyFinish && initiative.targetFinishOn ? dayNumber(summary.earlyFinish) - dayNumber(initiative.targetFinishOn) : null,
    slipDays: summary.slipDays,
    critical: summary.critical,
    tasks: tasks.length,
    overdue: tasks.filter((t) => t.state === 'overdue').length,
    atRisk: tasks.filter((t) => t.state === 'at_risk').length,
    budgetCents: money.budgetCents,
    actualCents: money.actualCents,
    fundingGapCents: money.fundingGapCents,
    openRisks: risks.length,
    highRisks: risks.filter((r) => riskLevelOf(r.likelihood * r.impact) === 'high').length,
  };
}

const reportTask = (t: MasterPlanItemDto) => ({ taskId: t.id, name: t.name, initiativeTitle: t.initiativeTitle, assigneeName: t.assigneeName, earlyFinish: t.earlyFinish, state: t.state, reasons: t.atRiskReasons, daysOverdue: t.daysOverdue });
const reportRisk = (r: riskQ.RiskRow) => ({ riskId: r.id, title: r.title, initiativeTitle: r.initiativeTitle, score: r.likelihood * r.impact, status: r.status, ownerName: r.ownerName, mitigation: r.mitigation });

function milestonesOf(plan: ComputedPlan, items: MasterPlanItemDto[]) {
  const from = dayNumber(plan.asOf);
  return items
    .filter((t) => t.milestone && t.state !== 'done' && dayNumber(t.earlyFinish) >= from && dayNumber(t.earlyFinish) <= from + UPCOMING_DAYS)
    .map((t) => ({ taskId: t.id, initiativeId: t.initiativeId, initiativeTitle: t.initiativeTitle, name: t.name, earlyFinish: t.earlyFinish, baselineFinish: t.baselineFinish, state: t.state }));
}

export async function coalitionReport(ctx: TenantCtx, asOf?: string): Promise<CoalitionStatusReportDto> {
  authorize(ctx, 'statusReport.read');
  const g = await gather(ctx, asOf);
  const rows = g.rows.map((i) => rowOf(g, i)).sort((a, b) => (a.priorityRank ?? Infinity) - (b.priorityRank ?? Infinity) || a.title.localeCompare(b.title));
  const money = financeSummary(g.requirements, g.costs, g.pledges);
  const overdue = g.plan.items.filter((t) => t.state === 'overdue').sort((a, b) => b.daysOverdue - a.daysOverdue);
  const atRisk = g.plan.items.filter((t) => t.state === 'at_risk');
  const active = g.risks.filter((r) => isActive(r.status));
  return {
    coalition: ctx.coalition.name,
    asOf: g.plan.asOf,
    generatedAt: new Date().toISOString(),
    projectStart: g.plan.projectStart,
    projectFinish: g.plan.projectFinish,
    initiatives: rows,
    totals: {
      budgetCents: money.budgetCents,
      actualCents: money.actualCents,
      cashPledgedCents: money.cashPledgedCents,
      inKindPledgedCents: money.inKindPledgedCents,
      fundingGapCents: rows.reduce((s, r) => s + r.fundingGapCents, 0),
      overdue: overdue.length,
      atRisk: atRisk.length,
      openRisks: active.length,
    },
    upcomingMilestones: milestonesOf(g.plan, g.plan.items),
    overdue: overdue.map(reportTask),
    atRisk: atRisk.map(reportTask),
    topRisks: active.slice(0, 10).map(reportRisk),
  };
}

export async function initiativeReport(ctx: TenantCtx, initiativeId: string, asOf?: string): Promise<InitiativeStatusReportDto> {
  authorize(ctx, 'statusReport.read');
  if (!(await findInitiative(ctx.db, ctx.coalition.id, initiativeId))) throw notFound('Initiative');
  const g = await gather(ctx, asOf, initiativeId);
  const initiative = g.rows.find((r) => r.id === initiativeId)!;
  const tasks = g.plan.items.filter((t) => t.initiativeId === initiativeId);
  const money = financeSummary(g.requirements, g.costs, g.pledges);
  return {
    coalition: ctx.coalition.name,
    asOf: g.plan.asOf,
    generatedAt: new Date().toISOString(),
    initiative: { ...rowOf(g, initiative), description: initiative.description, goals: initiative.goals, recruitingWindow: initiative.recruitingWindow },
    finances: { requiredFundingCents: money.requiredFundingCents, budgetCents: money.budgetCents, actualCents: money.actualCents, cashPledgedCents: money.cashPledgedCents, inKindPledgedCents: money.inKindPledgedCents, fundingGapCents: money.fundingGapCents },
    tasks,
    milestones: tasks.filter((t) => t.milestone).map((t) => ({ taskId: t.id, initiativeId: t.initiativeId, initiativeTitle: t.initiativeTitle, name: t.name, earlyFinish: t.earlyFinish, baselineFinish: t.baselineFinish, state: t.state })),
    risks: g.risks.map(reportRisk),
  };
}
