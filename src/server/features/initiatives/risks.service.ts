import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../../../shared/common.contract.js';
import { activeRiskStatuses, riskLevelOf } from '../../../shared/initiative-risks.contract.js';
import type { HeatMapDto, RiskDto, RiskListQuery, RiskUpdateInput, riskCreateInput } from '../../../shared/initiatives.contract.js';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import './initiatives.policy.js';
import * as iq from './initiatives.queries.js';
import { definedOnly } from './initiatives.service.js';
import * as q from './risks.queries.js';
import { initiativeRisks, riskTasks } from './risks.table.js';

export async function riskDtos(db: Executor, coalitionId: string, rows: q.RiskRow[]): Promise<RiskDto[]> {
  const tasks = await q.tasksOfRisks(db, coalitionId, rows.map((r) => r.id));
  return rows.map(({ ownerId, ownerName, initiativeOwnerId: _owner, ...r }) => {
    const score = r.likelihood * r.impact;
    return {
      ...isoDates(r),
      score,
      level: riskLevelOf(score),
      impactOn: r.impactOn as RiskDto['impactOn'],
      status: r.status as RiskDto['status'],
      owner: ownerId && ownerName ? { personId: ownerId, name: ownerName } : null,
      tasks: tasks.filter((t) => t.riskId === r.id).map(({ id, name, initiativeId }) => ({ id, name, initiativeId })),
    };
  });
}

export async function listRisks(ctx: TenantCtx, query: RiskListQuery): Promise<Page<RiskDto>> {
  authorize(ctx, 'risk.read');
  const page = toPage(await q.listRisks(ctx.db, ctx.coalition.id, query), query.limit, (r) => [r.title, r.id]);
  return { items: await riskDtos(ctx.db, ctx.coalition.id, page.items), nextCursor: page.nextCursor };
}

export async function getRisk(ctx: TenantCtx, id: string): Promise<RiskDto> {
  authorize(ctx, 'risk.read');
  const row = await q.findRisk(ctx.db, ctx.coalition.id, id);
  if (!row) throw notFound('Risk');
  return (await riskDtos(ctx.db, ctx.coalition.id, [row]))[0]!;
}

async function checkRefs(ctx: TenantCtx, ownerId: string | null | undefined, taskIds: string[] | undefined) {
  if (ownerId && !(await iq.personExists(ctx.db, ctx.coalition.id, ownerId))) throw invalidField('ownerId', 'No such person in this coalition');
  if (!taskIds) return;
  const known = await q.existingTasks(ctx.db, ctx.coalition.id, taskIds);
  const missing = taskIds.findIndex((id) => !known.has(id));
  if (missing >= 0) throw invalidField(`taskIds.${missing}`, 'No such task in this coalition');
}

async function linkTasks(tx: Executor, coalitionId: string, riskId: string, taskIds: string[]) {
  await tx.delete(riskTasks).where(and(eq(riskTasks.coalitionId, coalitionId), eq(riskTasks.riskId, riskId)));
  const unique = [...new Set(taskIds)];
  if (unique.length) await tx.insert(riskTasks).values(unique.map((taskId) => ({ coalitionId, riskId, taskId })));
}

export async function createRisk(ctx: TenantCtx, input: z.infer<typeof riskCreateInput>): Promise<RiskDto> {
  const initiative = await iq.findInitiative(ctx.db, ctx.coalition.id, input.initiativeId);
  if (!initiative) {
    authorize(ctx, 'risk.read');
    throw invalidField('initiativeId', 'No such initiative in this coalition');
  }
  authorize(ctx, 'risk.create', initiative);
  await checkRefs(ctx, input.ownerId, input.taskIds);
  const id = newId();
  const { taskIds, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    await tx.insert(initiativeRisks).values({ coalitionId: ctx.coalition.id, id, ...fields, description: fields.description ?? null, ownerId: fields.ownerId ?? null, mitigation: fields.mitigation ?? null });
    await linkTasks(tx, ctx.coalition.id, id, taskIds);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'initiative_risk', entityId: id, changes: { initiativeId: input.initiativeId, title: input.title, likelihood: input.likelihood, impact: input.impact } });
  });
  return getRisk(ctx, id);
}

export async function updateRisk(ctx: TenantCtx, id: string, patch: RiskUpdateInput): Promise<RiskDto> {
  const before = await authorizeRecord(ctx, 'risk.update', () => q.findRisk(ctx.db, ctx.coalition.id, id), 'Risk');
  await checkRefs(ctx, patch.ownerId, patch.taskIds);
  const { taskIds, ...fields } = definedOnly(patch);
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, fields);
    if (taskIds) {
      const current = (await q.tasksOfRisks(tx, ctx.coalition.id, [id])).map((t) => t.id).sort();
      const wanted = [...new Set(taskIds)].sort();
      if (JSON.stringify(current) !== JSON.stringify(wanted)) changes.taskIds = { from: current, to: wanted };
    }
    if (Object.keys(changes).length === 0) return;
    if (Object.keys(fields).length) await tx.update(initiativeRisks).set({ ...fields, updatedAt: new Date() }).where(and(eq(initiativeRisks.coalitionId, ctx.coalition.id), eq(initiativeRisks.id, id)));
    if (taskIds) await linkTasks(tx, ctx.coalition.id, id, taskIds);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'initiative_risk', entityId: id, changes });
  });
  return getRisk(ctx, id);
}

export async function deleteRisk(ctx: TenantCtx, id: string): Promise<void> {
  const before = await authorizeRecord(ctx, 'risk.delete', () => q.findRisk(ctx.db, ctx.coalition.id, id), 'Risk');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(initiativeRisks).where(and(eq(initiativeRisks.coalitionId, ctx.coalition.id), eq(initiativeRisks.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'initiative_risk', entityId: id, changes: { title: before.title } });
  });
}

/** Likelihood × impact, 5 × 5; closed and occurred risks only when asked for. */
export async function heatMap(ctx: TenantCtx, query: { initiativeId?: string | undefined; includeClosed?: boolean | undefined }): Promise<HeatMapDto> {
  authorize(ctx, 'risk.read');
  const rows = (await q.allRisks(ctx.db, ctx.coalition.id, query.initiativeId)).filter((r) => query.includeClosed || (activeRiskStatuses as readonly string[]).includes(r.status));
  const cells: HeatMapDto['cells'] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    for (let impact = 1; impact <= 5; impact++) {
      const here = rows.filter((r) => r.likelihood === likelihood && r.impact === impact);
      cells.push({ likelihood, impact, score: likelihood * impact, level: riskLevelOf(likelihood * impact), count: here.length, riskIds: here.map((r) => r.id) });
    }
  }
  const count = (pred: (r: q.RiskRow) => boolean) => rows.filter(pred).length;
  return {
    cells,
    total: rows.length,
    byLevel: { low: count((r) => riskLevelOf(r.likelihood * r.impact) === 'low'), medium: count((r) => riskLevelOf(r.likelihood * r.impact) === 'medium'), high: count((r) => riskLevelOf(r.likelihood * r.impact) === 'high') },
    byImpactArea: { cost: count((r) => r.impactOn.includes('cost')), timeline: count((r) => r.impactOn.includes('timeline')), scope: count((r) => r.impactOn.includes('scope')) },
  };
}
