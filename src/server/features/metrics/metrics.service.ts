import { and, eq } from 'drizzle-orm';
import { SUPPRESS_BELOW, definitionOf, metricDictionary, type BreakdownDto, type BreakdownQuery, type HistoryDto, type MetricItemDto, type MetricKey, type MetricsDto, type TargetInput } from '../../../shared/metrics.contract.js';
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import { invalidField } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import { attendanceByOrganization } from '../meetings/index.js';
import './metrics.policy.js';
import * as q from './metrics.queries.js';
import { metricTargets } from './metrics.table.js';
import { applicationActuals } from './rollup.js';

/** The calendar year it is now where the coalition is. */
export function currentYear(timeZone: string, now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now));
}

interface CoalitionSpan {
  id: string;
  timeZone: string;
}

export type AllActuals = Record<MetricKey, number>;

/**
 * Every actual of a year: the application-based ones through the daily rollup (exact: rollup plus
 * the live tail, or the raw computation while the rollup is out of date), the rest live, and
 * meeting attendance from the meetings room's check-ins.
 */
export async function actualsFor(db: Executor, coalition: CoalitionSpan, year: number): Promise<AllActuals> {
  const span = { coalitionId: coalition.id, year, timeZone: coalition.timeZone };
  const [applications, records, attendance] = await Promise.all([applicationActuals(db, span), q.recordActuals(db, span), attendanceByOrganization(db, coalition.id, year)]);
  return { ...applications.values, ...records, meeting_attendance: attendance.reduce((sum, a) => sum + a.attendances, 0) };
}

/**
 * Targets against actuals for one year; no authorization (callers authorize: members, or the public
 * page). Two round trips side by side: the application actuals (rollup state, then rollup plus tail)
 * and everything else with the targets in one statement.
 */
export async function metricsFor(db: Executor, coalition: CoalitionSpan, year: number): Promise<MetricsDto> {
  const span = { coalitionId: coalition.id, year, timeZone: coalition.timeZone };
  const [applications, rest] = await Promise.all([applicationActuals(db, span), q.recordsAttendanceAndTargets(db, span)]);
  const actuals: AllActuals = { ...applications.values, ...rest.records, meeting_attendance: rest.attendance };
  const items: MetricItemDto[] = metricDictionary.map((d) => {
    const target = rest.targets.find((t) => t.key === d.key)?.target ?? null;
    return { key: d.key, label: d.label, unit: d.unit, target, actual: actuals[d.key], noData: false };
  });
  return { year, items };
}

export async function getMetrics(ctx: TenantCtx, year?: number): Promise<MetricsDto> {
  authorize(ctx, 'metrics.read');
  return metricsFor(ctx.db, ctx.coalition, year ?? currentYear(ctx.coalition.timeZone));
}

export function getDictionary(ctx: TenantCtx) {
  authorize(ctx, 'metrics.read');
  return { items: metricDictionary.map((d) => ({ ...d, period: 'calendar_year' as const })) };
}

export async function setTarget(ctx: TenantCtx, input: TargetInput): Promise<MetricsDto> {
  authorize(ctx, 'metrics.setTarget');
  await ctx.db.transaction(async (tx) => {
    const where = and(eq(metricTargets.coalitionId, ctx.coalition.id), eq(metricTargets.year, input.year), eq(metricTargets.key, input.key));
    const [before] = await tx.select({ target: metricTargets.target }).from(metricTargets).where(where);
    if (input.target === null) await tx.delete(metricTargets).where(where);
    else
      await tx
        .insert(metricTargets)
        .values({ coalitionId: ctx.coalition.id, year: input.year, key: input.key, target: input.target })
        .onConflictDoUpdate({ target: [metricTargets.coalitionId, metricTargets.year, metricTargets.key], set: { target: input.target, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: 'set_target', entityType: 'metric_target', entityId: `${input.year}:${input.key}`, changes: { target: { from: before?.target ?? null, to: input.target } } });
  });
  return metricsFor(ctx.db, ctx.coalition, input.year);
}

export async function getHistory(ctx: TenantCtx, range: { from?: number | undefined; to?: number | undefined }): Promise<HistoryDto> {
  authorize(ctx, 'metrics.read');
  const to = range.to ?? currentYear(ctx.coalition.timeZone);
  const from = range.from ?? to - 4;
  if (from > to) throw invalidField('from', 'Comes after to');
  if (to - from > 9) throw invalidField('from', 'At most 10 years at once');
  const targets = await q.targetsBetween(ctx.db, ctx.coalition.id, from, to);
  const items: HistoryDto['items'] = [];
  for (let year = from; year <= to; year++) {
    const actuals = await actualsFor(ctx.db, ctx.coalition, year);
    for (const d of metricDictionary) {
      const target = targets.find((t) => t.year === year && t.key === d.key)?.target ?? null;
      items.push({ year, key: d.key, target, actual: actuals[d.key] });
    }
  }
  return { items };
}

export async function getBreakdown(ctx: TenantCtx, query: BreakdownQuery): Promise<BreakdownDto> {
  authorize(ctx, 'metrics.breakdown');
  if (!definitionOf(query.key).breakdown) throw invalidField('key', 'This metric has no breakdown by institution, employer or equity group');
  const year = query.year ?? currentYear(ctx.coalition.timeZone);
  const rows = await q.breakdown(ctx.db, { coalitionId: ctx.coalition.id, year, timeZone: ctx.coalition.timeZone }, query.key, query.by);
  const items = rows.map((r) => {
    const suppressed = r.n > 0 && r.n < SUPPRESS_BELOW;
    return { group: r.group, groupId: r.groupId, value: suppressed ? null : r.n, suppressed };
  });
  return { key: query.key, by: query.by, year, items };
}
