import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invitationAcceptInput, invitationCreateInput, invitationDto, invitationPreviewDto, meDto } from '../../../shared/auth.contract.js';
import { coalitionCreateInput, coalitionDto, coalitionUpdateInput } from '../../../shared/coalitions.contract.js';
import { idParams, slugParams } from '../../../shared/common.contract.js';
import { setSessionCookie } from '../../platform/auth/sessions.js';
import { requestContext } from '../../platform/context.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as coalitions from './coalitions.service.js';
import * as invitations from './invitations.service.js';

export const coalitionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['coalitions'];

  app.get('/coalitions', { schema: { tags, summary: 'The coalitions I belong to', response: responses({ 200: z.object({ items: z.array(coalitionDto) }) }) } }, async (request) =>
    coalitions.listMyCoalitions(requestContext(request)),
  );

  app.post('/coalitions', { schema: { tags, summary: 'Start a coalition; its creator becomes the Coordinator', body: coalitionCreateInput, response: responses({ 201: coalitionDto }) } }, async (request, reply) =>
    reply.status(201).send(await coalitions.createCoalition(requestContext(request), request.body)),
  );

  app.get('/coalitions/:slug', { schema: { tags, summary: 'A coalition', params: slugParams, response: responses({ 200: coalitionDto }) } }, async (request) =>
    coalitions.getCoalition(await tenantContext(request)),
  );

  app.patch('/coalitions/:slug', { schema: { tags, summary: 'Edit the coalition settings (Coordinator)', params: slugParams, body: coalitionUpdateInput, response: responses({ 200: coalitionDto }) } }, async (request) =>
    coalitions.updateCoalition(await tenantContext(request), request.body),
  );

  app.get('/coalitions/:slug/invitations', { schema: { tags, summary: 'Open invitations (Coordinator)', params: slugParams, response: responses({ 200: z.object({ items: z.array(invitationDto) }) }) } }, async (request) =>
    invitations.listInvitations(await tenantContext(request)),
  );

  app.post('/coalitions/:slug/invitations', { schema: { tags, summary: 'Invite someone by e-mail with roles (Coordinator)', params: slugParams, body: invitationCreateInput, response: responses({ 201: invitationDto }) } }, async (request, reply) =>
    reply.status(201).send(await invitations.createInvitation(await tenantContext(request), request.body)),
  );

  app.delete('/coalitions/:slug/invitations/:id', { schema: { tags, summary: 'Withdraw an invitation (Coordinator)', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await invitations.revokeInvitation(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/invitations/:token', { schema: { tags, summary: 'What an invitation link offers', params: z.object({ token: z.string().min(10).max(200) }), response: responses({ 200: invitationPreviewDto }) } }, async (request) =>
    invitations.previewInvitation(requestContext(request), request.params.token),
  );

  app.post('/invitations/accept', { schema: { tags, summary: 'Accept an invitation (creating an account if needed)', body: invitationAcceptInput, response: responses({ 200: meDto }) } }, async (request, reply) => {
    const result = await invitations.acceptInvitation(requestContext(request), request.body);
    if (result.session) setSessionCookie(reply, result.session.secret, result.session.expiresAt, app.services.config.production);
    return result.me;
  });
};
