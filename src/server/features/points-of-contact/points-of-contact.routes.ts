import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, slugParams } from '../../../shared/common.contract.js';
import { contactAssignmentDto, contactAssignmentInput, contactListQuery, contactRequestDto, contactRequestInput } from '../../../shared/points-of-contact.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as contacts from './points-of-contact.service.js';

export const pointsOfContactRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['points-of-contact'];
  const base = '/coalitions/:slug/points-of-contact';

  app.get(base, { schema: { tags, summary: 'Who answers for each member organization, by topic (work-based learning, curriculum, career placement)', params: slugParams, querystring: contactListQuery, response: responses({ 200: z.object({ items: z.array(contactAssignmentDto), nextCursor: z.null() }) }) } }, async (request) =>
    contacts.listContacts(await tenantContext(request), request.query),
  );

  app.post(base, { schema: { tags, summary: 'Name a person of the organization as its point of contact for a topic', params: slugParams, body: contactAssignmentInput, response: responses({ 201: contactAssignmentDto }) } }, async (request, reply) =>
    reply.status(201).send(await contacts.assignContact(await tenantContext(request), request.body)),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a point of contact from a topic', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await contacts.unassignContact(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post(`${base}/requests`, { schema: { tags, summary: 'Send a request to an organization on a topic: it reaches the right person (notification and e-mail)', params: slugParams, body: contactRequestInput, response: responses({ 201: contactRequestDto }) } }, async (request, reply) =>
    reply.status(201).send(await contacts.sendRequest(await tenantContext(request), request.body)),
  );

  app.get(`${base}/requests`, { schema: { tags, summary: 'Requests you sent or that reached you (the Coordinator sees all)', params: slugParams, response: responses({ 200: z.object({ items: z.array(contactRequestDto), nextCursor: z.null() }) }) } }, async (request) =>
    contacts.listRequests(await tenantContext(request)),
  );
};
