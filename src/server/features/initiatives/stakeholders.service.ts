import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { InitiativeDto, StakeholderDto, StakeholderUpdateInput, stakeholderCreateInput } from '../../../shared/initiatives.contract.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { authorizeRecord } from '../../platform/permissions.js';
import './initiatives.policy.js';
import * as q from './initiatives.queries.js';
import { definedOnly, toInitiativeDtos } from './initiatives.service.js';
import { initiativeStakeholders } from './initiatives.table.js';

/** The RACI table of an initiative: managed by whoever manages the initiative. */
const managed = (ctx: TenantCtx, initiativeId: string) => authorizeRecord(ctx, 'initiative.plan', () => q.findInitiative(ctx.db, ctx.coalition.id, initiativeId), 'Initiative');

async function stakeholderDto(ctx: TenantCtx, initiative: q.InitiativeRow, id: string): Promise<StakeholderDto> {
  const [dto] = await toInitiativeDtos(ctx.db, ctx.coalition.id, [initiative]);
  const found = (dto as InitiativeDto).stakeholders.find((s) => s.id === id);
  if (!found) throw notFound('Stakeholder');
  return found;
}

export async function addStakeholder(ctx: TenantCtx, initiativeId: string, input: z.infer<typeof stakeholderCreateInput>): Promise<StakeholderDto> {
  const initiative = await managed(ctx, initiativeId);
  if (!(await q.personExists(ctx.db, ctx.coalition.id, input.personId))) throw invalidField('personId', 'No such person in this coalition');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: initiativeStakeholders.id })
      .from(initiativeStakeholders)
      .where(and(eq(initiativeStakeholders.coalitionId, ctx.coalition.id), eq(initiativeStakeholders.initiativeId, initiativeId), eq(initiativeStakeholders.personId, input.personId)));
    if (taken) throw new AppError('conflict', 'This person is already on the initiative’s team: edit their row instead');
    await tx.insert(initiativeStakeholders).values({ coalitionId: ctx.coalition.id, id, initiativeId, personId: input.personId, raci: input.raci, role: input.role ?? null, responsibilities: input.responsibilities ?? null, pointOfContact: input.pointOfContact });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'initiative_stakeholder', entityId: id, changes: { initiativeId, personId: input.personId, raci: input.raci } });
  });
  return stakeholderDto(ctx, initiative, id);
}

export async function updateStakeholder(ctx: TenantCtx, initiativeId: string, id: string, patch: StakeholderUpdateInput): Promise<StakeholderDto> {
  const initiative = await managed(ctx, initiativeId);
  const before = await q.findStakeholder(ctx.db, ctx.coalition.id, initiativeId, id);
  if (!before) throw notFound('Stakeholder');
  const set = definedOnly(patch);
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, set);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(initiativeStakeholders)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(initiativeStakeholders.coalitionId, ctx.coalition.id), eq(initiativeStakeholders.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'initiative_stakeholder', entityId: id, changes });
  });
  return stakeholderDto(ctx, initiative, id);
}

export async function removeStakeholder(ctx: TenantCtx, initiativeId: string, id: string): Promise<void> {
  await managed(ctx, initiativeId);
  await ctx.db.transaction(async (tx) => {
    const before = await q.findStakeholder(tx, ctx.coalition.id, initiativeId, id);
    if (!before) throw notFound('Stakeholder');
    await tx.delete(initiativeStakeholders).where(and(eq(initiativeStakeholders.coalitionId, ctx.coalition.id), eq(initiativeStakeholders.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'initiative_stakeholder', entityId: id, changes: { initiativeId, personId: before.personId } });
  });
}
