import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicationCreateInput, applicationDto, applicationListQuery, applicationUpdateInput, fairnessDto, funnelDto, funnelQuery, placementInput } from '../../../shared/applications.contract.js';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as placements from './applications.placement.service.js';
import * as applications from './applications.service.js';
import * as stats from './applications.stats.js';

export const applicationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['applications'];
  const base = '/coalitions/:slug/applications';

  app.get(base, { schema: { tags, summary: 'Applications the caller may see: their own, their students’, or (hosts) their applicants', params: slugParams, querystring: applicationListQuery, response: responses({ 200: pageOf(applicationDto) }) } }, async (request) =>
    applications.listApplications(await tenantContext(request), request.query),
  );

  app.post(base, { schema: { tags, summary: 'Apply to an opportunity (shares the application with its host)', params: slugParams, body: applicationCreateInput, response: responses({ 201: applicationDto }) } }, async (request, reply) =>
    reply.status(201).send(await applications.createApplication(await tenantContext(request), request.body)),
  );

  app.get(`${base}/funnel`, { schema: { tags, summary: 'The pipeline funnel: applications at and through each status (Coordinator, Leadership Council)', params: slugParams, querystring: funnelQuery, response: responses({ 200: funnelDto }) } }, async (request) =>
    stats.funnel(await tenantContext(request), request.query),
  );

  app.get(`${base}/fairness`, { schema: { tags, summary: 'Selection rates by group, application to offer, with the four-fifths rule flagged; counts under 10 suppressed (Coordinator)', params: slugParams, querystring: funnelQuery.pick({ year: true }), response: responses({ 200: fairnessDto }) } }, async (request) =>
    stats.fairness(await tenantContext(request), request.query),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'An application with its status history and placement', params: idParams, response: responses({ 200: applicationDto }) } }, async (request) =>
    applications.getApplication(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Move an application to another status (who may move it where: see the policy)', params: idParams, body: applicationUpdateInput, response: responses({ 200: applicationDto }) } }, async (request) =>
    applications.moveApplication(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove an application entered by mistake (Coordinator; students withdraw instead)', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await applications.deleteApplication(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.patch(`${base}/:id/placement`, { schema: { tags, summary: 'A placement’s supervisor, dates and hours (the host or the Coordinator)', params: idParams, body: placementInput, response: responses({ 200: applicationDto }) } }, async (request) =>
    placements.updatePlacement(await tenantContext(request), request.params.id, request.body),
  );

  app.post(`${base}/:id/placement/sign-off`, { schema: { tags, summary: 'The supervisor signs the placement’s hours off', params: idParams, response: responses({ 200: applicationDto }) } }, async (request) =>
    placements.signOffPlacement(await tenantContext(request), request.params.id),
  );
};
