import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf, slugParams } from '../../../shared/common.contract.js';
import { auditEntryDto, auditListQuery } from '../../../shared/platform.contract.js';
import { users } from '../auth/accounts.table.js';
import type { TenantCtx } from '../context.js';
import { isoDates } from '../dto.js';
import { responses } from '../http/schemas.js';
import { beforeTimeCursor, decodeCursor, toPage } from '../pagination.js';
import { definePolicy, authorize, hasRole } from '../permissions.js';
import { tenantContext } from '../tenancy.js';
import { auditLog } from './audit.table.js';
import type { z } from 'zod';

definePolicy({ 'audit.read': hasRole('coordinator') });

/** Newest first: who did what to which record, and when. */
export async function listAudit(ctx: TenantCtx, query: z.infer<typeof auditListQuery>) {
  authorize(ctx, 'audit.read');
  const filters: (SQL | undefined)[] = [eq(auditLog.coalitionId, ctx.coalition.id)];
  if (query.entityType) filters.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
  filters.push(beforeTimeCursor(auditLog.at, auditLog.id, decodeCursor(query.cursor, 2)));
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...filters))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.at.toISOString(), r.id]);
  return { items: page.items.map(isoDates), nextCursor: page.nextCursor };
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/coalitions/:slug/audit-log',
    { schema: { tags: ['coalitions'], summary: 'Who did what to which record, and when (Coordinator)', params: slugParams, querystring: auditListQuery, response: responses({ 200: pageOf(auditEntryDto) }) } },
    async (request) => listAudit(await tenantContext(request), request.query),
  );
};
