import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listQuery, pageOf, slugParams } from '../../../shared/common.contract.js';
import { mailMessageDto } from '../../../shared/platform.contract.js';
import type { TenantCtx } from '../context.js';
import { isoDates } from '../dto.js';
import { responses } from '../http/schemas.js';
import { beforeTimeCursor, decodeCursor, toPage } from '../pagination.js';
import { authorize, definePolicy, hasRole } from '../permissions.js';
import { tenantContext } from '../tenancy.js';
import { mailMessages } from './mail.table.js';

definePolicy({ 'outbox.read': hasRole('coordinator') });

/** Every message the coalition sent or holds, newest first. */
export async function listOutbox(ctx: TenantCtx, query: { limit: number; cursor?: string | undefined }) {
  authorize(ctx, 'outbox.read');
  const rows = await ctx.db
    .select({
      id: mailMessages.id,
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      textBody: mailMessages.textBody,
      kind: mailMessages.kind,
      status: mailMessages.status,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
    })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.coalitionId, ctx.coalition.id),
        beforeTimeCursor(mailMessages.createdAt, mailMessages.id, decodeCursor(query.cursor, 2)),
      ),
    )
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map(isoDates), nextCursor: page.nextCursor };
}

export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/coalitions/:slug/outbox',
    { schema: { tags: ['coalitions'], summary: 'Mail the coalition sent or holds in its outbox (Coordinator)', params: slugParams, querystring: listQuery.omit({ q: true }), response: responses({ 200: pageOf(mailMessageDto) }) } },
    async (request) => listOutbox(await tenantContext(request), request.query),
  );
};
