import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, slugParams, uuid } from '../../../shared/common.contract.js';
import { candidateProfileDto, hiringNeedCreateInput, hiringNeedDto, hiringNeedListQuery, hiringNeedUpdateInput } from '../../../shared/hiring-needs.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { hiringNeedsCsv, sendCsv } from './hiring-needs.export.js';
import * as needs from './hiring-needs.service.js';

export const hiringNeedsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['hiring-needs'];
  const base = '/coalitions/:slug/hiring-needs';

  app.get(base, { schema: { tags, summary: 'Employers’ hiring needs with their skills and flags; ?q= searches titles, employers and SOC codes', params: slugParams, querystring: hiringNeedListQuery, response: responses({ 200: pageOf(hiringNeedDto) }) } }, async (request) =>
    needs.listHiringNeeds(await tenantContext(request), request.query),
  );

  app.get(`${base}.csv`, { schema: { tags, summary: 'The hiring needs as CSV (same filters as the list)', params: slugParams, querystring: hiringNeedListQuery.omit({ limit: true, cursor: true }), response: responses({ 200: z.string().describe('text/csv') }) } }, async (request, reply) =>
    sendCsv(reply, 'hiring-needs.csv', await hiringNeedsCsv(await tenantContext(request), request.query)),
  );

  app.post(base, { schema: { tags, summary: 'Post a hiring need (an employer for itself, or the Coordinator)', params: slugParams, body: hiringNeedCreateInput, response: responses({ 201: hiringNeedDto }) } }, async (request, reply) =>
    reply.status(201).send(await needs.createHiringNeed(await tenantContext(request), request.body)),
  );

  app.get(`${base}/profiles/:employerId`, { schema: { tags, summary: 'An employer’s profile of a qualified candidate: skills across its needs, calendar, flags', params: slugParams.extend({ employerId: uuid }), response: responses({ 200: candidateProfileDto }) } }, async (request) =>
    needs.candidateProfile(await tenantContext(request), request.params.employerId),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'A hiring need', params: idParams, response: responses({ 200: hiringNeedDto }) } }, async (request) =>
    needs.getHiringNeed(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a hiring need (skills, when given, replace the list)', params: idParams, body: hiringNeedUpdateInput, response: responses({ 200: hiringNeedDto }) } }, async (request) =>
    needs.updateHiringNeed(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a hiring need', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await needs.deleteHiringNeed(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
