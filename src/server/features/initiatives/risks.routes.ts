import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import { heatMapDto, heatMapQuery, riskCreateInput, riskDto, riskListQuery, riskUpdateInput } from '../../../shared/initiatives.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as risks from './risks.service.js';

export const risksRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['initiative risks'];
  const base = '/coalitions/:slug/risks';

  app.get(base, { schema: { tags, summary: 'The risk register', params: slugParams, querystring: riskListQuery, response: responses({ 200: pageOf(riskDto) }) } }, async (request) =>
    risks.listRisks(await tenantContext(request), request.query),
  );
  app.post(base, { schema: { tags, summary: 'Register a risk to an initiative', params: slugParams, body: riskCreateInput, response: responses({ 201: riskDto }) } }, async (request, reply) =>
    reply.status(201).send(await risks.createRisk(await tenantContext(request), request.body)),
  );
  app.get(`${base}/heat-map`, { schema: { tags, summary: 'Likelihood × impact heat map', params: slugParams, querystring: heatMapQuery, response: responses({ 200: heatMapDto }) } }, async (request) =>
    risks.heatMap(await tenantContext(request), request.query),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'A risk with the tasks it threatens', params: idParams, response: responses({ 200: riskDto }) } }, async (request) =>
    risks.getRisk(await tenantContext(request), request.params.id),
  );
  app.patch(`${base}/:id`, { schema: { tags, summary: 'Update a risk (its owner may too)', params: idParams, body: riskUpdateInput, response: responses({ 200: riskDto }) } }, async (request) =>
    risks.updateRisk(await tenantContext(request), request.params.id, request.body),
  );
  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a risk', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await risks.deleteRisk(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
