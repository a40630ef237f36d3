import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../../shared/common.contract.js';
import { candidateDto, candidateQuery, matchDto, matchQuery } from '../../../shared/matching.contract.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as matching from './matching.service.js';

export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['matching'];

  app.get('/coalitions/:slug/students/:id/matches', { schema: { tags, summary: 'Open opportunities ranked for a student, each with its score and reasons (the student, their school, the Coordinator)', params: idParams, querystring: matchQuery, response: responses({ 200: pageOf(matchDto) }) } }, async (request) =>
    matching.studentMatches(await tenantContext(request), request.params.id, request.query),
  );

  app.get(
    '/coalitions/:slug/opportunities/:id/candidates',
    { schema: { tags, summary: 'Students ranked for an opportunity, degree-blind unless ?showCredentials=true (audited); only students the caller may see', params: idParams, querystring: candidateQuery, response: responses({ 200: pageOf(candidateDto) }) } },
    async (request) => matching.opportunityCandidates(await tenantContext(request), request.params.id, request.query),
  );
};
