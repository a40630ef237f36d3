import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { applicationStatuses, offeredOrBeyond, type ApplicationStatus, type FairnessDto, type FunnelDto } from '../../../shared/applications.contract.js';
import { equityAttributes, type EquityAttribute } from '../../../shared/students.contract.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { opportunities, studentEquity } from '../../db/schema.js';
import type { TenantCtx } from '../../platform/context.js';
import { authorize } from '../../platform/permissions.js';
import './applications.policy.js';
import { applicationStatusChanges, applications } from './applications.table.js';

/** Counts under this are never shown (equity aggregates). */
export const MINIMUM_COUNT = 10;

function scope(ctx: TenantCtx, query: { year?: number | undefined; kind?: string | undefined; employerId?: string | undefined }): SQL {
  return and(
    eq(applications.coalitionId, ctx.coalition.id),
    query.year ? sql`extract(year from ${applications.createdAt} at time zone ${ctx.coalition.timeZone}) = ${query.year}` : undefined,
    query.kind ? eq(opportunities.kind, query.kind) : undefined,
    query.employerId ? eq(opportunities.employerId, query.employerId) : undefined,
  )!;
}

const reached = (statuses: readonly ApplicationStatus[]) =>
  sql`exists (select 1 from ${applicationStatusChanges} where ${applicationStatusChanges.coalitionId} = ${applications.coalitionId} and ${applicationStatusChanges.applicationId} = ${applications.id} and ${inArray(applicationStatusChanges.toStatus, [...statuses])})`;

/** How many applications are at each stage now, and how many ever reached it (from the status history). */
export async function funnel(ctx: TenantCtx, query: { year?: number | undefined; kind?: string | undefined; employerId?: string | undefined }): Promise<FunnelDto> {
  authorize(ctx, 'application.funnel');
  const counts = Object.fromEntries(
    applicationStatuses.flatMap((status) => [
      [`current_${status}`, sql<number>`count(*) filter (where ${applications.status} = ${status})::int`],
      [`reached_${status}`, sql<number>`count(*) filter (where ${reached([status])})::int`],
    ]),
  );
  const [row] = await ctx.db
    .select({ ...counts, placedThenHired: sql<number>`count(*) filter (where ${reached(['placed'])} and ${reached(['hired'])})::int` })
    .from(applications)
    .innerJoin(opportunities, and(eq(opportunities.coalitionId, applications.coalitionId), eq(opportunities.id, applications.opportunityId)))
    .where(scope(ctx, query));
  const value = (key: string) => Number((row as Record<string, unknown> | undefined)?.[key] ?? 0);
  const placed = value('reached_placed');
  return {
    year: query.year ?? null,
    stages: applicationStatuses.map((status) => ({ status, current: value(`current_${status}`), reached: value(`reached_${status}`) })),
    placed,
    hired: value('reached_hired'),
    conversionPercent: placed > 0 ? Math.round((value('placedThenHired') / placed) * 1000) / 10 : null,
  };
}

const columnOf: Record<EquityAttribute, AnyPgColumn> = {
  firstGeneration: studentEquity.firstGeneration,
  lowIncome: studentEquity.lowIncome,
  noFourYearDegreePath: studentEquity.noFourYearDegreePath,
  careerChanger: studentEquity.careerChanger,
};
type Group = 'yes' | 'no' | 'not_reported';
const groupOf = (value: boolean | null): Group => (value === null ? 'not_reported' : value ? 'yes' : 'no');

/**
 * Selection rate (application → offer) per group of each equity attribute, with the four-fifths
 * rule flagged. Counts of 1–9 are suppressed, and so is a second group of the same attribute when
 * only one would be (so the totals elsewhere cannot reveal it).
 */
export async function fairness(ctx: TenantCtx, query: { year?: number | undefined }): Promise<FairnessDto> {
  authorize(ctx, 'application.fairness');
  const rows = await ctx.db
    .select({
      ...Object.fromEntries(equityAttributes.map((a) => [a, columnOf[a]])),
      applications: sql<number>`count(*)::int`,
      offered: sql<number>`count(*) filter (where ${reached(offeredOrBeyond)})::int`,
    })
    .from(applications)
    .innerJoin(opportunities, and(eq(opportunities.coalitionId, applications.coalitionId), eq(opportunities.id, applications.opportunityId)))
    .leftJoin(studentEquity, and(eq(studentEquity.coalitionId, applications.coalitionId), eq(studentEquity.studentId, applications.studentId)))
    .where(scope(ctx, query))
    .groupBy(...equityAttributes.map((a) => columnOf[a]));
  const groups: FairnessDto['groups'] = [];
  for (const attribute of equityAttributes) {
    const tally = new Map<Group, { applicants: number; offered: number }>((['yes', 'no', 'not_reported'] as const).map((g) => [g, { applicants: 0, offered: 0 }]));
    for (const row of rows as (Record<string, unknown> & { applications: number; offered: number })[]) {
      const t = tally.get(groupOf(row[attribute] as boolean | null))!;
      t.applicants += row.applications;
      t.offered += row.offered;
    }
    const hideApplicants = suppressed([...tally].map(([g, t]) => [g, t.applicants]));
    const hideOffered = suppressed([...tally].filter(([g]) => !hideApplicants.has(g)).map(([g, t]) => [g, t.offered]));
    const hidden = (g: Group) => hideApplicants.has(g) || hideOffered.has(g);
    const rates = new Map([...tally].filter(([g, t]) => !hidden(g) && t.applicants > 0).map(([g, t]) => [g, t.offered / t.applicants]));
    const compared = [...rates].filter(([g]) => g !== 'not_reported');
    const best = compared.length >= 2 ? Math.max(...compared.map(([, r]) => r)) : null;
    for (const [group, t] of tally) {
      const rate = rates.get(group);
      const impact = rate !== undefined && best !== null && best > 0 && group !== 'not_reported' ? rate / best : null;
      groups.push({
        attribute,
        group,
        applicants: hideApplicants.has(group) ? null : t.applicants,
        offered: hidden(group) ? null : t.offered,
        selectionRate: rate === undefined ? null : round(rate, 3),
        impactRatio: impact === null ? null : round(impact, 3),
        suppressed: hidden(group),
        fourFifthsFlag: impact !== null && impact < 0.8,
      });
    }
  }
  return { year: query.year ?? null, minimumCount: MINIMUM_COUNT, groups };
}

/**
 * Groups with 1–9 (a zero describes nobody), plus the next smallest when only one would be hidden:
 * otherwise the other groups and a total shown elsewhere would give it away (complementary suppression).
 */
function suppressed(counts: [Group, number][]): Set<Group> {
  const hidden = new Set(counts.filter(([, n]) => n > 0 && n < MINIMUM_COUNT).map(([g]) => g));
  if (hidden.size === 1) {
    const next = counts.filter(([g, n]) => !hidden.has(g) && n > 0).sort((a, b) => a[1] - b[1])[0];
    if (next) hidden.add(next[0]);
  }
  return hidden;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
