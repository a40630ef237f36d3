import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import {
  costCreateInput,
  costDto,
  costParams,
  costUpdateInput,
  fundingDto,
  initiativeFinancesDto,
  pledgeCreateInput,
  pledgeDto,
  pledgeListQuery,
  pledgeUpdateInput,
  requirementCreateInput,
  requirementDto,
  requirementParams,
  requirementUpdateInput,
} from '../../../shared/initiatives.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as resources from './resources.service.js';

export const resourcesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['initiative resources'];
  const initiative = '/coalitions/:slug/initiatives/:id';

  app.get(`${initiative}/finances`, { schema: { tags, summary: 'Requirements, budget against actual cost, pledges and the funding gap', params: idParams, response: responses({ 200: initiativeFinancesDto }) } }, async (request) =>
    resources.getFinances(await tenantContext(request), request.params.id),
  );
  app.post(`${initiative}/requirements`, { schema: { tags, summary: 'Add a funding, staffing or in-kind requirement', params: idParams, body: requirementCreateInput, response: responses({ 201: requirementDto }) } }, async (request, reply) =>
    reply.status(201).send(await resources.createRequirement(await tenantContext(request), request.params.id, request.body)),
  );
  app.patch(`${initiative}/requirements/:requirementId`, { schema: { tags, summary: 'Edit a requirement', params: requirementParams, body: requirementUpdateInput, response: responses({ 200: requirementDto }) } }, async (request) =>
    resources.updateRequirement(await tenantContext(request), request.params.id, request.params.requirementId, request.body),
  );
  app.delete(`${initiative}/requirements/:requirementId`, { schema: { tags, summary: 'Remove a requirement', params: requirementParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await resources.deleteRequirement(await tenantContext(request), request.params.id, request.params.requirementId);
    return reply.status(204).send(null);
  });
  app.post(`${initiative}/costs`, { schema: { tags, summary: 'Add a budget line (workshop, boot camp, …)', params: idParams, body: costCreateInput, response: responses({ 201: costDto }) } }, async (request, reply) =>
    reply.status(201).send(await resources.createCost(await tenantContext(request), request.params.id, request.body)),
  );
  app.patch(`${initiative}/costs/:costId`, { schema: { tags, summary: 'Edit a budget line or record its actual cost', params: costParams, body: costUpdateInput, response: responses({ 200: costDto }) } }, async (request) =>
    resources.updateCost(await tenantContext(request), request.params.id, request.params.costId, request.body),
  );
  app.delete(`${initiative}/costs/:costId`, { schema: { tags, summary: 'Remove a budget line', params: costParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await resources.deleteCost(await tenantContext(request), request.params.id, request.params.costId);
    return reply.status(204).send(null);
  });

  const pledges = '/coalitions/:slug/pledges';
  app.get(pledges, { schema: { tags, summary: 'Pledges from funders and members (cash and in-kind)', params: slugParams, querystring: pledgeListQuery, response: responses({ 200: pageOf(pledgeDto) }) } }, async (request) =>
    resources.listPledges(await tenantContext(request), request.query),
  );
  app.post(pledges, { schema: { tags, summary: 'Record a pledge', params: slugParams, body: pledgeCreateInput, response: responses({ 201: pledgeDto }) } }, async (request, reply) =>
    reply.status(201).send(await resources.createPledge(await tenantContext(request), request.body)),
  );
  app.get(`${pledges}/:id`, { schema: { tags, summary: 'A pledge', params: idParams, response: responses({ 200: pledgeDto }) } }, async (request) =>
    resources.getPledge(await tenantContext(request), request.params.id),
  );
  app.patch(`${pledges}/:id`, { schema: { tags, summary: 'Edit a pledge (e.g. mark it received)', params: idParams, body: pledgeUpdateInput, response: responses({ 200: pledgeDto }) } }, async (request) =>
    resources.updatePledge(await tenantContext(request), request.params.id, request.body),
  );
  app.delete(`${pledges}/:id`, { schema: { tags, summary: 'Remove a pledge', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await resources.deletePledge(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });
  app.get('/coalitions/:slug/funding', { schema: { tags, summary: 'Budgets, actual costs and funding gaps per initiative; which funder backs what', params: slugParams, response: responses({ 200: fundingDto }) } }, async (request) =>
    resources.getFunding(await tenantContext(request)),
  );
};
