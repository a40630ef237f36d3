import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { OrganizationType, Page } from '../../../shared/common.contract.js';
import type {
  CostDto,
  CostUpdateInput,
  FundingDto,
  InitiativeFinancesDto,
  PledgeDto,
  PledgeListQuery,
  PledgeUpdateInput,
  RequirementDto,
  RequirementUpdateInput,
  costCreateInput,
  pledgeCreateInput,
  requirementCreateInput,
} from '../../../shared/initiatives.contract.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { financeSummary } from './finance.js';
import './initiatives.policy.js';
import * as iq from './initiatives.queries.js';
import { definedOnly } from './initiatives.service.js';
import * as q from './resources.queries.js';
import { initiativeCosts, initiativeRequirements, pledges } from './resources.table.js';
import { organizationExists } from './strategy.queries.js';
import { initiatives } from './initiatives.table.js';

const managed = (ctx: TenantCtx, initiativeId: string) => authorizeRecord(ctx, 'initiative.plan', () => iq.findInitiative(ctx.db, ctx.coalition.id, initiativeId), 'Initiative');

const requirementDto = (r: q.RequirementRow): RequirementDto => ({ ...isoDates(r), kind: r.kind as RequirementDto['kind'] });
const costDto = (c: q.CostRow): CostDto => ({ ...isoDates(c), category: c.category as CostDto['category'] });
const pledgeDto = ({ organizationId, organizationName, organizationType, initiativeId, initiativeTitle, ...p }: q.PledgeRow): PledgeDto => ({
  ...isoDates(p),
  kind: p.kind as PledgeDto['kind'],
  status: p.status as PledgeDto['status'],
  organization: { id: organizationId, name: organizationName, type: organizationType as OrganizationType },
  initiative: initiativeId ? { id: initiativeId, title: initiativeTitle ?? '' } : null,
});

export async function getFinances(ctx: TenantCtx, initiativeId: string): Promise<InitiativeFinancesDto> {
  authorize(ctx, 'finance.read');
  if (!(await iq.findInitiative(ctx.db, ctx.coalition.id, initiativeId))) throw notFound('Initiative');
  const [requirements, costs, backing] = await Promise.all([q.requirementsOf(ctx.db, ctx.coalition.id, initiativeId), q.costsOf(ctx.db, ctx.coalition.id, initiativeId), q.allPledges(ctx.db, ctx.coalition.id, initiativeId)]);
  return { initiativeId, requirements: requirements.map(requirementDto), costs: costs.map(costDto), pledges: backing.map(pledgeDto), summary: financeSummary(requirements, costs, backing) };
}

// ---- Requirements ----

function checkRequirement(r: { kind: string; amountCents?: number | null | undefined; quantity?: number | null | undefined }) {
  if (r.kind === 'funding' && !r.amountCents) throw invalidField('amountCents', 'Required for funding');
  if (r.kind === 'staffing' && !r.quantity) throw invalidField('quantity', 'Required for staffing: how many people');
}

export async function createRequirement(ctx: TenantCtx, initiativeId: string, input: z.infer<typeof requirementCreateInput>): Promise<RequirementDto> {
  await managed(ctx, initiativeId);
  checkRequirement(input);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(initiativeRequirements).values({ coalitionId: ctx.coalition.id, id, initiativeId, kind: input.kind, description: input.description, amountCents: input.amountCents ?? null, quantity: input.quantity ?? null, hours: input.hours ?? null });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'initiative_requirement', entityId: id, changes: { initiativeId, kind: input.kind, amountCents: input.amountCents ?? null } });
  });
  return requirementDto((await q.findRequirement(ctx.db, ctx.coalition.id, initiativeId, id))!);
}

export async function updateRequirement(ctx: TenantCtx, initiativeId: string, id: string, patch: RequirementUpdateInput): Promise<RequirementDto> {
  await managed(ctx, initiativeId);
  const before = await q.findRequirement(ctx.db, ctx.coalition.id, initiativeId, id);
  if (!before) throw notFound('Requirement');
  const set = definedOnly(patch);
  checkRequirement({ ...before, ...set });
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, set);
    if (Object.keys(changes).length === 0) return;
    await tx.update(initiativeRequirements).set({ ...set, updatedAt: new Date() }).where(and(eq(initiativeRequirements.coalitionId, ctx.coalition.id), eq(initiativeRequirements.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'initiative_requirement', entityId: id, changes });
  });
  return requirementDto((await q.findRequirement(ctx.db, ctx.coalition.id, initiativeId, id))!);
}

export async function deleteRequirement(ctx: TenantCtx, initiativeId: string, id: string): Promise<void> {
  await managed(ctx, initiativeId);
  const before = await q.findRequirement(ctx.db, ctx.coalition.id, initiativeId, id);
  if (!before) throw notFound('Requirement');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(initiativeRequirements).where(and(eq(initiativeRequirements.coalitionId, ctx.coalition.id), eq(initiativeRequirements.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'initiative_requirement', entityId: id, changes: { description: before.description } });
  });
}

// ---- Budget lines and actual costs ----

export async function createCost(ctx: TenantCtx, initiativeId: string, input: z.infer<typeof costCreateInput>): Promise<CostDto> {
  await managed(ctx, initiativeId);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(initiativeCosts).values({ coalitionId: ctx.coalition.id, id, initiativeId, category: input.category, description: input.description, budgetCents: input.budgetCents, actualCents: input.actualCents ?? null, incurredOn: input.incurredOn ?? null });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'initiative_cost', entityId: id, changes: { initiativeId, category: input.category, budgetCents: input.budgetCents } });
  });
  return costDto((await q.findCost(ctx.db, ctx.coalition.id, initiativeId, id))!);
}

export async function updateCost(ctx: TenantCtx, initiativeId: string, id: string, patch: CostUpdateInput): Promise<CostDto> {
  await managed(ctx, initiativeId);
  const before = await q.findCost(ctx.db, ctx.coalition.id, initiativeId, id);
  if (!before) throw notFound('Cost');
  const set = definedOnly(patch);
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, set);
    if (Object.keys(changes).length === 0) return;
    await tx.update(initiativeCosts).set({ ...set, updatedAt: new Date() }).where(and(eq(initiativeCosts.coalitionId, ctx.coalition.id), eq(initiativeCosts.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'initiative_cost', entityId: id, changes });
  });
  return costDto((await q.findCost(ctx.db, ctx.coalition.id, initiativeId, id))!);
}

export async function deleteCost(ctx: TenantCtx, initiativeId: string, id: string): Promise<void> {
  await managed(ctx, initiativeId);
  const before = await q.findCost(ctx.db, ctx.coalition.id, initiativeId, id);
  if (!before) throw notFound('Cost');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(initiativeCosts).where(and(eq(initiativeCosts.coalitionId, ctx.coalition.id), eq(initiativeCosts.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'initiative_cost', entityId: id, changes: { description: before.description } });
  });
}

// ---- Pledges ----

export async function listPledges(ctx: TenantCtx, query: PledgeListQuery): Promise<Page<PledgeDto>> {
  authorize(ctx, 'finance.read');
  const page = toPage(await q.listPledges(ctx.db, ctx.coalition.id, query), query.limit, (r) => [r.pledgedOn, r.id]);
  return { items: page.items.map(pledgeDto), nextCursor: page.nextCursor };
}

export async function getPledge(ctx: TenantCtx, id: string): Promise<PledgeDto> {
  authorize(ctx, 'finance.read');
  const row = await q.findPledge(ctx.db, ctx.coalition.id, id);
  if (!row) throw notFound('Pledge');
  return pledgeDto(row);
}

async function checkPledge(ctx: TenantCtx, p: { organizationId?: string | undefined; initiativeId?: string | null | undefined }) {
  if (p.organizationId && !(await organizationExists(ctx.db, ctx.coalition.id, p.organizationId))) throw invalidField('organizationId', 'No such organization in this coalition');
  if (p.initiativeId && !(await iq.findInitiative(ctx.db, ctx.coalition.id, p.initiativeId))) throw invalidField('initiativeId', 'No such initiative in this coalition');
}

export async function createPledge(ctx: TenantCtx, input: z.infer<typeof pledgeCreateInput>): Promise<PledgeDto> {
  authorize(ctx, 'pledge.manage');
  await checkPledge(ctx, input);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(pledges).values({ coalitionId: ctx.coalition.id, id, ...input, initiativeId: input.initiativeId ?? null, description: input.description ?? null });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'pledge', entityId: id, changes: { organizationId: input.organizationId, initiativeId: input.initiativeId ?? null, kind: input.kind, amountCents: input.amountCents } });
  });
  return getPledge(ctx, id);
}

export async function updatePledge(ctx: TenantCtx, id: string, patch: PledgeUpdateInput): Promise<PledgeDto> {
  authorize(ctx, 'pledge.manage');
  const before = await q.findPledge(ctx.db, ctx.coalition.id, id);
  if (!before) throw notFound('Pledge');
  const set = definedOnly(patch);
  await checkPledge(ctx, set);
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, set);
    if (Object.keys(changes).length === 0) return;
    await tx.update(pledges).set({ ...set, updatedAt: new Date() }).where(and(eq(pledges.coalitionId, ctx.coalition.id), eq(pledges.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'pledge', entityId: id, changes });
  });
  return getPledge(ctx, id);
}

export async function deletePledge(ctx: TenantCtx, id: string): Promise<void> {
  authorize(ctx, 'pledge.manage');
  const before = await q.findPledge(ctx.db, ctx.coalition.id, id);
  if (!before) throw notFound('Pledge');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(pledges).where(and(eq(pledges.coalitionId, ctx.coalition.id), eq(pledges.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'pledge', entityId: id, changes: { organizationId: before.organizationId, amountCents: before.amountCents } });
  });
}

/** The coalition's money at a glance: each initiative's budget, actuals and gap; who backs what. */
export async function getFunding(ctx: TenantCtx): Promise<FundingDto> {
  authorize(ctx, 'finance.read');
  const [rows, requirements, costs, allPledges] = await Promise.all([
    ctx.db.select({ id: initiatives.id, title: initiatives.title }).from(initiatives).where(eq(initiatives.coalitionId, ctx.coalition.id)).orderBy(initiatives.title, initiatives.id),
    q.requirementsOf(ctx.db, ctx.coalition.id),
    q.costsOf(ctx.db, ctx.coalition.id),
    q.allPledges(ctx.db, ctx.coalition.id),
  ]);
  const perInitiative = rows.map((i) => {
    const backing = allPledges.filter((p) => p.initiativeId === i.id);
    const funders = new Map(backing.filter((p) => p.status !== 'cancelled').map((p) => [p.organizationId, { organizationId: p.organizationId, name: p.organizationName }]));
    return { initiativeId: i.id, title: i.title, ...financeSummary(requirements.filter((r) => r.initiativeId === i.id), costs.filter((c) => c.initiativeId === i.id), backing), funders: [...funders.values()] };
  });
  const byFunder = new Map<string, q.PledgeRow[]>();
  for (const p of allPledges) byFunder.set(p.organizationId, [...(byFunder.get(p.organizationId) ?? []), p]);
  const funders = [...byFunder.values()]
    .map((list) => {
      const s = financeSummary([], [], list);
      const first = list[0]!;
      return {
        organizationId: first.organizationId,
        name: first.organizationName,
        type: first.organizationType as OrganizationType,
        cashPledgedCents: s.cashPledgedCents,
        cashReceivedCents: s.cashReceivedCents,
        inKindPledgedCents: s.inKindPledgedCents,
        backs: list.map((p) => ({ pledgeId: p.id, initiativeId: p.initiativeId, title: p.initiativeTitle, kind: p.kind as 'cash' | 'in_kind', amountCents: p.amountCents, status: p.status as 'pledged' | 'received' | 'cancelled' })),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const general = financeSummary([], [], allPledges.filter((p) => p.initiativeId === null));
  const total = financeSummary(requirements, costs, allPledges);
  return {
    initiatives: perInitiative,
    funders,
    // Gaps are summed per initiative: general support is not assigned to any gap until allocated.
    totals: { ...total, fundingGapCents: perInitiative.reduce((s, i) => s + i.fundingGapCents, 0), inKindGapCents: perInitiative.reduce((s, i) => s + i.inKindGapCents, 0), unallocatedCashCents: general.cashPledgedCents, unallocatedInKindCents: general.inKindPledgedCents },
  };
}
