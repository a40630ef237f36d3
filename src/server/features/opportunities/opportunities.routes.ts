import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import { opportunityCreateInput, opportunityDto, opportunityListQuery, opportunityUpdateInput } from '../../../shared/opportunities.contract.js';
import { requestContext } from '../../platform/context.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { opportunitiesCsv } from './opportunities.export.js';
import * as opportunities from './opportunities.service.js';

export const opportunitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['opportunities'];
  const base = '/coalitions/:slug/opportunities';

  app.get(base, { schema: { tags, summary: 'Opportunities (work-based learning, classroom engagements, externships, internships, apprenticeships, boot camps, jobs)', params: slugParams, querystring: opportunityListQuery, response: responses({ 200: pageOf(opportunityDto) }) } }, async (request) =>
    opportunities.listOpportunities(await tenantContext(request), request.query),
  );

  app.post(base, { schema: { tags, summary: 'Publish an opportunity (the Coordinator, the Leadership Council or the host’s staff)', params: slugParams, body: opportunityCreateInput, response: responses({ 201: opportunityDto }) } }, async (request, reply) =>
    reply.status(201).send(await opportunities.createOpportunity(await tenantContext(request), request.body)),
  );

  app.get('/coalitions/:slug/opportunities.csv', { schema: { tags, summary: 'Opportunities as CSV, in the import’s columns', params: slugParams, response: responses({ 200: z.string().describe('text/csv') }) } }, async (request, reply) => {
    const csv = await opportunitiesCsv(await tenantContext(request));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="opportunities.csv"').send(csv);
  });

  app.get(`${base}/:id`, { schema: { tags, summary: 'An opportunity, with its skills and (internships, apprenticeships, jobs) its schema.org JobPosting', params: idParams, response: responses({ 200: opportunityDto }) } }, async (request) =>
    opportunities.getOpportunity(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit an opportunity (skills, when given, replace the list)', params: idParams, body: opportunityUpdateInput, response: responses({ 200: opportunityDto }) } }, async (request) =>
    opportunities.updateOpportunity(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove an opportunity nobody applied to', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await opportunities.deleteOpportunity(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  // Published for search engines and job boards: open internships, apprenticeships and jobs only, no personal data.
  app.get(
    '/public/coalitions/:slug/opportunities/:id/job-posting',
    { schema: { tags, summary: 'An open internship, apprenticeship or job as schema.org JobPosting JSON-LD (public)', security: [], params: idParams, response: responses({ 200: z.record(z.string(), z.unknown()) }) } },
    async (request, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(await opportunities.publicJobPosting(requestContext(request), request.params.slug, request.params.id)),
  );
};
