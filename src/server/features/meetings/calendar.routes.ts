import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, slugParams } from '../../../shared/common.contract.js';
import * as c from '../../../shared/meetings.contract.js';
import { requestContext } from '../../platform/context.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as calendar from './calendar.service.js';

const ics = z.string().describe('text/calendar (RFC 5545)');
const ICS_TYPE = 'text/calendar; charset=utf-8';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['meetings'];
  app.get('/coalitions/:slug/meetings/:id/calendar.ics', { schema: { tags, summary: 'The meeting as an iCalendar event', params: idParams, response: responses({ 200: ics }) } }, async (request, reply) => {
    const body = await calendar.meetingIcs(await tenantContext(request), request.params.id);
    return reply.type(ICS_TYPE).header('content-disposition', `attachment; filename="meeting-${request.params.id}.ics"`).send(body);
  });
  app.post('/coalitions/:slug/calendar-feed', { schema: { tags, summary: 'A private subscription URL with all my meetings', params: slugParams, response: responses({ 201: c.calendarFeedDto }) } }, async (request, reply) =>
    reply.status(201).send(await calendar.createFeed(await tenantContext(request))),
  );
  app.delete('/coalitions/:slug/calendar-feed', { schema: { tags, summary: 'Revoke my subscription URLs', params: slugParams, response: responses({ 200: z.object({ revoked: z.number().int() }) }) } }, async (request) =>
    calendar.revokeFeeds(await tenantContext(request)),
  );
  // No sign-in: calendar apps cannot sign in. The secret in the URL is the key; revoked is 404.
  app.get('/calendar-feeds/:token', { schema: { tags, summary: 'A personal calendar subscription (…/calendar-feeds/{token}.ics)', params: c.feedTokenParams, response: responses({ 200: ics }) } }, async (request, reply) => {
    const body = await calendar.feedIcs(requestContext(request), request.params.token.replace(/\.ics$/, ''));
    return reply.type(ICS_TYPE).header('cache-control', 'private, max-age=300').send(body);
  });
};
