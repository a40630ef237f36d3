import { eq } from 'drizzle-orm';
import { roadmapEntries, type RoadmapItemDto, type RoadmapStatus, type RoadmapUpdateInput } from '../../../shared/metrics.contract.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import './metrics.policy.js';
import { roadmapProgress } from './metrics.table.js';

/** The paper's roadmap (2 phases, 6 steps) and 7 recommendations, with this coalition's status and evidence. */
export async function getRoadmap(ctx: TenantCtx): Promise<{ items: RoadmapItemDto[] }> {
  authorize(ctx, 'roadmap.read');
  const rows = await ctx.db.select().from(roadmapProgress).where(eq(roadmapProgress.coalitionId, ctx.coalition.id));
  return {
    items: roadmapEntries.map((entry) => {
      const row = rows.find((r) => r.ref === entry.ref);
      return { ...entry, status: (row?.status ?? 'not_started') as RoadmapStatus, evidence: row?.evidence ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
    }),
  };
}

export async function updateRoadmapItem(ctx: TenantCtx, ref: string, input: RoadmapUpdateInput): Promise<{ items: RoadmapItemDto[] }> {
  authorize(ctx, 'roadmap.update');
  if (!roadmapEntries.some((e) => e.ref === ref)) throw notFound('Roadmap item');
  await ctx.db.transaction(async (tx) => {
    const values = { status: input.status, evidence: input.evidence ?? null, updatedAt: new Date() };
    await tx
      .insert(roadmapProgress)
      .values({ coalitionId: ctx.coalition.id, ref, ...values })
      .onConflictDoUpdate({ target: [roadmapProgress.coalitionId, roadmapProgress.ref], set: values });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'roadmap_item', entityId: ref, changes: { status: input.status, evidence: input.evidence ?? null } });
  });
  return getRoadmap(ctx);
}
