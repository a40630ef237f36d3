import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import * as c from '../../../shared/meetings.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as items from './action-items.service.js';

export const actionItemsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['meetings'];
  const base = '/coalitions/:slug/meetings/:id/action-items';

  app.get(base, { schema: { tags, summary: 'Action items agreed at a meeting', params: idParams, response: responses({ 200: z.array(c.actionItemDto) }) } }, async (request) =>
    items.listActionItems(await tenantContext(request), request.params.id),
  );
  app.post(base, { schema: { tags, summary: 'Record an action item', params: idParams, body: c.actionItemCreateInput, response: responses({ 201: c.actionItemDto }) } }, async (request, reply) =>
    reply.status(201).send(await items.createActionItem(await tenantContext(request), request.params.id, request.body)),
  );
  app.patch(`${base}/:itemId`, { schema: { tags, summary: 'Edit an action item or mark it done (its owner may)', params: c.actionItemParams, body: c.actionItemUpdateInput, response: responses({ 200: c.actionItemDto }) } }, async (request) =>
    items.updateActionItem(await tenantContext(request), request.params.id, request.params.itemId, request.body),
  );
  app.delete(`${base}/:itemId`, { schema: { tags, summary: 'Remove an action item', params: c.actionItemParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await items.deleteActionItem(await tenantContext(request), request.params.id, request.params.itemId);
    return reply.status(204).send(null);
  });
  app.post(`${base}/:itemId/task`, { schema: { tags, summary: 'Turn an action item into a task of an initiative', params: c.actionItemParams, body: c.actionItemToTaskInput, response: responses({ 200: c.actionItemDto }) } }, async (request) =>
    items.actionItemToTask(await tenantContext(request), request.params.id, request.params.itemId, request.body),
  );
  app.get('/coalitions/:slug/my/action-items', { schema: { tags, summary: 'My action items, by due date', params: slugParams, querystring: c.actionItemListQuery, response: responses({ 200: pageOf(c.actionItemDto) }) } }, async (request) =>
    items.myActionItems(await tenantContext(request), request.query),
  );
};
