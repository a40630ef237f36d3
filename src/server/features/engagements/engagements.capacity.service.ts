import { sql } from 'drizzle-orm';
import { capacityKinds, type CapacityDto, type CapacityInput } from '../../../shared/engagements.contract.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import './engagements.policy.js';
import * as q from './engagements.queries.js';
import { employerCapacities } from './engagements.table.js';

/** Each employer's declared capacity for a year, what is committed against it, and what remains. */
export async function listCapacities(ctx: TenantCtx, query: { year: number; organizationId?: string | undefined }): Promise<{ items: CapacityDto[] }> {
  authorize(ctx, 'engagement.capacity.read');
  const declared = await q.declaredCapacity(ctx.db, ctx.coalition.id, query.year, query.organizationId);
  const committed = await q.committedCapacity(ctx.db, ctx.coalition.id, query.year, query.organizationId);
  const names = new Map(declared.map((d) => [d.organizationId, d.organizationName]));
  // Commitments without a declaration still show (as over capacity).
  for (const c of committed) if (c.organizationId && !names.has(c.organizationId)) names.set(c.organizationId, (await q.organizationById(ctx.db, ctx.coalition.id, c.organizationId))?.name ?? '');
  const items = [...names].map(([organizationId, organizationName]) => {
    const mine = declared.filter((d) => d.organizationId === organizationId);
    const lines = capacityKinds.map((kind) => {
      const d = mine.find((m) => m.kind === kind)?.declared ?? 0;
      const c = committed.find((m) => m.organizationId === organizationId && m.kind === kind)?.committed ?? 0;
      return { kind, declared: d, committed: c, remaining: d - c };
    });
    const updated = mine.map((m) => m.updatedAt.getTime());
    return { organizationId, organizationName, year: query.year, lines, updatedAt: updated.length ? new Date(Math.max(...updated)).toISOString() : null };
  });
  return { items: items.sort((a, b) => a.organizationName.localeCompare(b.organizationName)) };
}

/** An employer declares what it can give in a year; never less than it has already committed. */
export async function declareCapacity(ctx: TenantCtx, organizationId: string, year: number, input: CapacityInput): Promise<CapacityDto> {
  authorize(ctx, 'engagement.capacity.declare', { organizationId });
  const organization = await q.organizationById(ctx.db, ctx.coalition.id, organizationId);
  if (!organization) throw new AppError('not_found', 'Organization not found');
  await ctx.db.transaction(async (tx) => {
    const committed = await q.committedCapacity(tx, ctx.coalition.id, year, organizationId);
    for (const kind of capacityKinds) {
      const already = committed.find((c) => c.kind === kind)?.committed ?? 0;
      if (input[kind] < already) throw invalidField(kind, `${already} already committed for ${year}: declare at least that`);
    }
    const before = await q.declaredCapacity(tx, ctx.coalition.id, year, organizationId);
    const changes: Record<string, { from: number; to: number }> = {};
    for (const kind of capacityKinds) {
      const from = before.find((b) => b.kind === kind)?.declared ?? 0;
      if (from !== input[kind]) changes[kind] = { from, to: input[kind] };
      await tx
        .insert(employerCapacities)
        .values({ coalitionId: ctx.coalition.id, organizationId, year, kind, declared: input[kind] })
        .onConflictDoUpdate({ target: [employerCapacities.coalitionId, employerCapacities.organizationId, employerCapacities.year, employerCapacities.kind], set: { declared: input[kind], updatedAt: new Date() }, setWhere: sql`${employerCapacities.declared} <> ${input[kind]}` });
    }
    if (Object.keys(changes).length > 0) await recordAudit(tx, ctx, { action: 'declare_capacity', entityType: 'organization', entityId: organizationId, changes: { year, ...changes } });
  });
  const { items } = await listCapacities(ctx, { year, organizationId });
  return items[0]!;
}
