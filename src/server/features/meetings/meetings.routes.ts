import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import * as c from '../../../shared/meetings.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as meetings from './meetings.service.js';

export const meetingsCoreRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['meetings'];
  const base = '/coalitions/:slug/meetings';

  app.get(base, { schema: { tags, summary: 'Meetings in start order (filter by window, kind, or only mine)', params: slugParams, querystring: c.meetingListQuery, response: responses({ 200: pageOf(c.meetingDto) }) } }, async (request) =>
    meetings.listMeetings(await tenantContext(request), request.query),
  );
  app.post(base, { schema: { tags, summary: 'Schedule a meeting (a recurrence creates one meeting per occurrence; the first is returned)', params: slugParams, body: c.meetingCreateInput, response: responses({ 201: c.meetingDto }) } }, async (request, reply) =>
    reply.status(201).send(await meetings.createMeeting(await tenantContext(request), request.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'A meeting', params: idParams, response: responses({ 200: c.meetingDto }) } }, async (request) =>
    meetings.getMeeting(await tenantContext(request), request.params.id),
  );
  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a meeting: details, audience, minutes, decisions, agenda order', params: idParams, body: c.meetingUpdateInput, response: responses({ 200: c.meetingDto }) } }, async (request) =>
    meetings.updateMeeting(await tenantContext(request), request.params.id, request.body),
  );
  app.delete(`${base}/:id`, { schema: { tags, summary: 'Cancel a meeting; its invitees are notified, with the reason when one is given', params: idParams, body: c.meetingCancelInput, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await meetings.deleteMeeting(await tenantContext(request), request.params.id, request.body?.reason ?? null);
    return reply.status(204).send(null);
  });
  app.get(`${base}/:id/invitees`, { schema: { tags, summary: 'Invitees with their RSVP and attendance', params: idParams, response: responses({ 200: z.array(c.inviteeDto) }) } }, async (request) =>
    meetings.listInvitees(await tenantContext(request), request.params.id),
  );
  app.put(`${base}/:id/rsvp`, { schema: { tags, summary: 'Answer an invitation', params: idParams, body: c.rsvpInput, response: responses({ 200: c.meetingDto }) } }, async (request) =>
    meetings.rsvp(await tenantContext(request), request.params.id, request.body.rsvp),
  );
  app.post(`${base}/:id/attendance`, { schema: { tags, summary: 'Check someone in (or out); an invitee may check themselves in', params: idParams, body: c.checkInInput, response: responses({ 200: z.array(c.inviteeDto) }) } }, async (request) =>
    meetings.checkIn(await tenantContext(request), request.params.id, request.body.personId, request.body.attended),
  );
};
