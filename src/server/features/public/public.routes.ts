import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../shared/common.contract.js';
import { publicCoalitionDto, publicCoalitionQuery } from '../../../shared/public.contract.js';
import { requestContext } from '../../platform/context.js';
import { responses } from '../../platform/http/schemas.js';
import { workerModule, workersOf } from '../../platform/workers/worker-pool.js';
import { publicCoalition } from './public.service.js';

const annualReport = workerModule<typeof import('./annual-report.pdf.js')>(new URL('./annual-report.pdf.js', import.meta.url));

export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['public'];
  app.get('/public/coalitions/:slug', { schema: { tags, summary: 'The public page: mission, priorities, progress against targets, recognized partners, open opportunities and public events (no sign-in, no personal data)', security: [], params: slugParams, querystring: publicCoalitionQuery, response: responses({ 200: publicCoalitionDto }) } }, async (request) =>
    publicCoalition(requestContext(request), request.params.slug, request.query.year),
  );
  app.get('/public/coalitions/:slug/annual-report.pdf', { schema: { tags, summary: 'The annual impact report (PDF, no sign-in)', security: [], params: slugParams, querystring: publicCoalitionQuery, response: responses({ 200: z.any().describe('application/pdf') }) } }, async (request, reply) => {
    const report = await publicCoalition(requestContext(request), request.params.slug, request.query.year);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${report.slug}-annual-report-${report.year}.pdf"`).send(await workersOf(app.services).run(annualReport, 'annualReportPdf', [report]));
  });
};
