import { and, asc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { publicEventKinds, type PublicCoalitionDto } from '../../../shared/public.contract.js';
import { coalitions, initiatives, opportunities, organizations, roadmapProgress } from '../../db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import { currentYear, metricsFor } from '../metrics/index.js';
import { awardsOf } from '../recognition/index.js';
import './public.policy.js';

/** The public page of a coalition: mission, priorities, progress against targets, recognized partners, open opportunities and public events. */
export async function publicCoalition(ctx: Ctx, slug: string, year?: number): Promise<PublicCoalitionDto> {
  authorize(ctx, 'public.coalition');
  const [coalition] = await ctx.db.select().from(coalitions).where(eq(coalitions.slug, slug.toLowerCase()));
  if (!coalition) throw notFound('Coalition');
  const y = year ?? currentYear(coalition.timeZone);
  const today = sql`(now() at time zone ${coalition.timeZone}::text)::date`;
  const [metrics, awards, priorities, open, events, roadmap] = await Promise.all([
    metricsFor(ctx.db, coalition, y),
    awardsOf(ctx.db, coalition.id, ctx.baseUrl),
    ctx.db
      .select({ title: initiatives.title, category: initiatives.category, status: initiatives.status })
      .from(initiatives)
      .where(and(eq(initiatives.coalitionId, coalition.id), isNotNull(initiatives.priorityRank), notInArray(initiatives.status, ['cancelled'])))
      .orderBy(asc(initiatives.priorityRank))
      .limit(10),
    ctx.db
      .select({ id: opportunities.id, title: opportunities.title, kind: opportunities.kind, employerName: organizations.name, startsOn: opportunities.startsOn, location: opportunities.location })
      .from(opportunities)
      .innerJoin(organizations, and(eq(organizations.coalitionId, opportunities.coalitionId), eq(organizations.id, opportunities.employerId)))
      .where(and(eq(opportunities.coalitionId, coalition.id), eq(opportunities.status, 'open')))
      .orderBy(asc(opportunities.startsOn), asc(opportunities.title))
      .limit(50),
    // Published (open, or closed to new sign-ups but still to happen) and not over yet.
    ctx.db
      .select({ id: opportunities.id, title: opportunities.title, kind: opportunities.kind, hostName: organizations.name, startsOn: opportunities.startsOn, endsOn: opportunities.endsOn, location: opportunities.location, modality: opportunities.modality })
      .from(opportunities)
      .innerJoin(organizations, and(eq(organizations.coalitionId, opportunities.coalitionId), eq(organizations.id, opportunities.employerId)))
      .where(
        and(
          eq(opportunities.coalitionId, coalition.id),
          inArray(opportunities.kind, [...publicEventKinds]),
          inArray(opportunities.status, ['open', 'closed']),
          isNotNull(opportunities.startsOn),
          sql`coalesce(${opportunities.endsOn}, ${opportunities.startsOn}) >= ${today}`,
        ),
      )
      .orderBy(asc(opportunities.startsOn), asc(opportunities.title))
      .limit(50),
    ctx.db.select({ status: roadmapProgress.status }).from(roadmapProgress).where(eq(roadmapProgress.coalitionId, coalition.id)),
  ]);
  // Only the latest year's partners: a partner is recognized for the year of its award.
  const latest = awards.reduce((max, a) => Math.max(max, a.year), 0);
  return {
    slug: coalition.slug,
    name: coalition.name,
    region: coalition.region,
    mission: coalition.mission,
    year: y,
    priorities,
    metrics: metrics.items,
    recognizedPartners: awards.filter((a) => a.year === latest).map((a) => ({ organizationName: a.organizationName, tier: a.tier, year: a.year, credentialUrl: a.credentialUrl })),
    openOpportunities: open,
    publicEvents: events.map((e) => ({ ...e, startsOn: e.startsOn! })),
    roadmap: { done: roadmap.filter((r) => r.status === 'done').length, inProgress: roadmap.filter((r) => r.status === 'in_progress').length, total: 15 },
  };
}
