import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../shared/common.contract.js';
import { coverageDto, initiativeDecisionMakersDto, seatHolderInput, seatHolderParams, seatParams } from '../../../shared/coverage.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as coverage from './coverage.service.js';

export const coverageRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['coalition building'];
  const base = '/coalitions/:slug/coverage';

  app.get(base, { schema: { tags, summary: 'One item per seat the paper recommends: filled or empty, and who fills it', params: slugParams, response: responses({ 200: coverageDto }) } }, async (request) =>
    coverage.getCoverage(await tenantContext(request)),
  );

  app.get(`${base}/initiatives`, { schema: { tags, summary: 'Whether every initiative has a decision maker (an accountable person in its RACI table)', params: slugParams, response: responses({ 200: initiativeDecisionMakersDto }) } }, async (request) =>
    coverage.initiativeDecisionMakers(await tenantContext(request)),
  );

  app.post(`${base}/seats/:seat/holders`, { schema: { tags, summary: 'Record that a person fills a seat', params: seatParams, body: seatHolderInput, response: responses({ 201: coverageDto }) } }, async (request, reply) =>
    reply.status(201).send(await coverage.addSeatHolder(await tenantContext(request), request.params.seat, request.body)),
  );

  app.delete(`${base}/seats/:seat/holders/:personId`, { schema: { tags, summary: 'A person no longer fills a seat', params: seatHolderParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await coverage.removeSeatHolder(await tenantContext(request), request.params.seat, request.params.personId);
    return reply.status(204).send(null);
  });
};
