import { eq } from 'drizzle-orm';
import type { CoalitionCreateInput, CoalitionDto, CoalitionUpdateInput } from '../../../shared/coalitions.contract.js';
import { people } from '../../db/schema.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { Ctx, TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import './coalitions.policy.js';
import { coalitionsOfUser, findCoalitionById, findCoalitionBySlug } from './coalitions.queries.js';
import { coalitions } from './coalitions.table.js';

export async function listMyCoalitions(ctx: Ctx): Promise<{ items: CoalitionDto[] }> {
  authorize(ctx, 'coalition.listMine');
  const rows = await coalitionsOfUser(ctx.db, ctx.actor!.userId);
  return { items: rows.map(isoDates) };
}

/** Whoever starts a coalition becomes its Coordinator. */
export async function createCoalition(ctx: Ctx, input: CoalitionCreateInput & { timeZone: string }): Promise<CoalitionDto> {
  authorize(ctx, 'coalition.create');
  const actor = ctx.actor!;
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    if (await findCoalitionBySlug(tx, input.slug)) {
      throw new AppError('conflict', 'That slug is taken', { errors: [{ path: 'slug', message: 'That slug is taken' }] });
    }
    await tx.insert(coalitions).values({ id, slug: input.slug, name: input.name, region: input.region, timeZone: input.timeZone, mission: input.mission ?? null });
    const personId = newId();
    await tx.insert(people).values({ coalitionId: id, id: personId, userId: actor.userId, name: actor.name, email: actor.email, roles: ['coordinator'] });
    const tenant: TenantCtx = {
      ...ctx,
      actor,
      coalition: { id, slug: input.slug, name: input.name, timeZone: input.timeZone },
      principal: { personId, roles: new Set(['coordinator']), organizationId: null, organizationType: null },
    };
    await recordAudit(tx, tenant, { action: 'create', entityType: 'coalition', entityId: id, changes: { slug: input.slug, name: input.name } });
  });
  return isoDates((await findCoalitionById(ctx.db, id))!);
}

export async function getCoalition(ctx: TenantCtx): Promise<CoalitionDto> {
  authorize(ctx, 'coalition.read');
  return isoDates((await findCoalitionById(ctx.db, ctx.coalition.id))!);
}

export async function updateCoalition(ctx: TenantCtx, patch: CoalitionUpdateInput): Promise<CoalitionDto> {
  authorize(ctx, 'coalition.update');
  await ctx.db.transaction(async (tx) => {
    const before = (await findCoalitionById(tx, ctx.coalition.id))!;
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return;
    await tx.update(coalitions).set({ ...patch, updatedAt: new Date() }).where(eq(coalitions.id, ctx.coalition.id));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'coalition', entityId: ctx.coalition.id, changes });
  });
  return isoDates((await findCoalitionById(ctx.db, ctx.coalition.id))!);
}
