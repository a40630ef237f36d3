import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/common.contract.js';
import { coalitions, organizations, people } from '../db/schema.js';
import { requestContext, type TenantCtx } from './context.js';
import { dataVersionsOf } from './data-versions.js';
import { AppError } from './errors.js';

/**
 * Resolves /coalitions/{slug}/… to the coalition and the actor's standing in it. A coalition the
 * actor does not belong to answers 404, exactly like one that does not exist.
 */
export async function tenantContext(request: FastifyRequest): Promise<TenantCtx> {
  const ctx = requestContext(request);
  const slug = (request.params as { slug?: string }).slug;
  if (!ctx.actor) throw new AppError('unauthenticated', 'Sign in to continue');
  if (!slug) throw new AppError('not_found', 'Coalition not found');
  // Resolved with the session in one statement (security.ts); a miss there (no coalition, not a
  // member) is asked again here, so the answer and its 404 come from one place.
  const known = request.membership;
  if (known && known.slug === slug.toLowerCase() && known.userId === ctx.actor.userId) {
    return { ...ctx, actor: ctx.actor, coalition: known.coalition, principal: known.principal, dataVersions: known.dataVersions };
  }
  const [row] = await ctx.db
    .select({
      id: coalitions.id,
      slug: coalitions.slug,
      name: coalitions.name,
      timeZone: coalitions.timeZone,
      personId: people.id,
      roles: people.roles,
      organizationId: people.organizationId,
      organizationType: organizations.type,
      dataVersions: dataVersionsOf(coalitions.id),
    })
    .from(coalitions)
    .innerJoin(people, and(eq(people.coalitionId, coalitions.id), eq(people.userId, ctx.actor.userId)))
    .leftJoin(organizations, and(eq(organizations.coalitionId, people.coalitionId), eq(organizations.id, people.organizationId)))
    .where(eq(coalitions.slug, slug.toLowerCase()));
  if (!row) throw new AppError('not_found', 'Coalition not found');
  return {
    ...ctx,
    actor: ctx.actor,
    coalition: { id: row.id, slug: row.slug, name: row.name, timeZone: row.timeZone },
    principal: {
      personId: row.personId,
      roles: new Set(row.roles as Role[]),
      organizationId: row.organizationId,
      organizationType: row.organizationType,
    },
    dataVersions: row.dataVersions,
  };
}
