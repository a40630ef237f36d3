import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import { brokerInput, capacityDto, capacityInput, capacityListQuery, capacityParams, engagementListQuery, engagementRequestDto, engagementRequestInput, engagementRequestUpdateInput } from '../../../shared/engagements.contract.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as capacities from './engagements.capacity.service.js';
import * as requests from './engagements.requests.service.js';

export const engagementsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['engagements'];
  const base = '/coalitions/:slug/engagements';

  app.get(`${base}/capacities`, { schema: { tags, summary: 'The engagement ledger: each employer’s declared capacity for a year, committed and remaining', params: slugParams, querystring: capacityListQuery, response: responses({ 200: z.object({ items: z.array(capacityDto) }) }) } }, async (request) =>
    capacities.listCapacities(await tenantContext(request), request.query),
  );

  app.put(`${base}/capacities/:organizationId/:year`, { schema: { tags, summary: 'Declare an employer’s yearly capacity: interns, speakers, externship hosts, mentors', params: capacityParams, body: capacityInput, response: responses({ 200: capacityDto }) } }, async (request) =>
    capacities.declareCapacity(await tenantContext(request), request.params.organizationId, request.params.year, request.body),
  );

  app.get(`${base}/requests`, { schema: { tags, summary: 'Classroom engagement requests (the Coordinator: all; a school: its own; an employer: those naming it)', params: slugParams, querystring: engagementListQuery, response: responses({ 200: pageOf(engagementRequestDto) }) } }, async (request) =>
    requests.listRequests(await tenantContext(request), request.query),
  );

  app.post(`${base}/requests`, { schema: { tags, summary: 'A school requests a classroom engagement (a second request for the same employer and day is a 409)', params: slugParams, body: engagementRequestInput, response: responses({ 201: engagementRequestDto }) } }, async (request, reply) =>
    reply.status(201).send(await requests.createRequest(await tenantContext(request), request.body)),
  );

  app.get(`${base}/requests/:id`, { schema: { tags, summary: 'An engagement request', params: idParams, response: responses({ 200: engagementRequestDto }) } }, async (request) =>
    requests.getRequest(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/requests/:id`, { schema: { tags, summary: 'Edit, cancel, decline or confirm delivery of a request', params: idParams, body: engagementRequestUpdateInput, response: responses({ 200: engagementRequestDto }) } }, async (request) =>
    requests.updateRequest(await tenantContext(request), request.params.id, request.body),
  );

  app.post(`${base}/requests/:id/broker`, { schema: { tags, summary: 'Broker a request with an employer within its declared capacity (Coordinator)', params: idParams, body: brokerInput, response: responses({ 200: engagementRequestDto }) } }, async (request) =>
    requests.brokerRequest(await tenantContext(request), request.params.id, request.body),
  );
};
