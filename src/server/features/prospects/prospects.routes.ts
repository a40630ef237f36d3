import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import {
  pipelineSummaryDto,
  prospectActivityDto,
  prospectActivityInput,
  prospectContactDto,
  prospectContactInput,
  prospectContactParams,
  prospectCreateInput,
  prospectDto,
  prospectListQuery,
  prospectUpdateInput,
} from '../../../shared/prospects.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as prospects from './prospects.service.js';

export const prospectsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['coalition building'];
  const base = '/coalitions/:slug/prospects';

  app.get(base, { schema: { tags, summary: 'The recruitment pipeline: organizations being recruited, searchable by name or contact', params: slugParams, querystring: prospectListQuery, response: responses({ 200: pageOf(prospectDto) }) } }, async (request) =>
    prospects.listProspects(await tenantContext(request), request.query),
  );

  app.get(`${base}-summary`, { schema: { tags, summary: 'How many prospects are at each stage', params: slugParams, response: responses({ 200: pipelineSummaryDto }) } }, async (request) =>
    prospects.pipelineSummary(await tenantContext(request)),
  );

  app.post(base, { schema: { tags, summary: 'Add a prospect', params: slugParams, body: prospectCreateInput, response: responses({ 201: prospectDto }) } }, async (request, reply) =>
    reply.status(201).send(await prospects.createProspect(await tenantContext(request), request.body)),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'A prospect with its decision makers and contacts', params: idParams, response: responses({ 200: prospectDto }) } }, async (request) =>
    prospects.getProspect(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a prospect or move it through the stages; `member` makes it a member organization and invites its people', params: idParams, body: prospectUpdateInput, response: responses({ 200: prospectDto }) } }, async (request) =>
    prospects.updateProspect(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a prospect', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await prospects.deleteProspect(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post(`${base}/:id/contacts`, { schema: { tags, summary: 'Add a decision maker or influencer at the prospect, with the seat and roles they would take', params: idParams, body: prospectContactInput, response: responses({ 201: prospectContactDto }) } }, async (request, reply) =>
    reply.status(201).send(await prospects.addContact(await tenantContext(request), request.params.id, request.body)),
  );

  app.delete(`${base}/:id/contacts/:contactId`, { schema: { tags, summary: 'Remove a contact', params: prospectContactParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await prospects.removeContact(await tenantContext(request), request.params.id, request.params.contactId);
    return reply.status(204).send(null);
  });

  app.get(`${base}/:id/activities`, { schema: { tags, summary: 'The history of contacts with the prospect, newest first', params: idParams, response: responses({ 200: z.object({ items: z.array(prospectActivityDto) }) }) } }, async (request) =>
    prospects.listActivities(await tenantContext(request), request.params.id),
  );

  app.post(`${base}/:id/activities`, { schema: { tags, summary: 'Log a contact with the prospect', params: idParams, body: prospectActivityInput, response: responses({ 201: prospectActivityDto }) } }, async (request, reply) =>
    reply.status(201).send(await prospects.addActivity(await tenantContext(request), request.params.id, request.body)),
  );
};
