import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenCreatedDto,
  apiTokenCreateInput,
  apiTokenDto,
  authConfigDto,
  emailChangeConfirmInput,
  emailChangeInput,
  meDto,
  passwordChangeInput,
  passwordResetCompleteInput,
  passwordResetRequestInput,
  signInInput,
  signUpInput,
} from '../../../shared/auth.contract.js';
import { okSchema } from '../../../shared/common.contract.js';
import { requestContext } from '../context.js';
import { noContent, responses } from '../http/schemas.js';
import * as auth from './auth.service.js';
import { clearSessionCookie, setSessionCookie } from './sessions.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.services.config.production;
  const tags = ['accounts'];

  app.get('/auth/config', { schema: { tags, summary: 'Whether sign-up is open', response: responses({ 200: authConfigDto }) } }, async () => ({
    signUpOpen: app.services.config.signUpOpen,
    demo: app.services.database.mode === 'pglite' && !app.services.config.production,
  }));

  app.post('/auth/sign-up', { schema: { tags, summary: 'Create an account (while sign-up is open)', body: signUpInput, response: responses({ 201: meDto }) } }, async (request, reply) => {
    const session = await auth.signUp(requestContext(request), request.body);
    setSessionCookie(reply, session.secret, session.expiresAt, secure);
    return reply.status(201).send(session.me);
  });

  app.post('/auth/sign-in', { schema: { tags, summary: 'Sign in with e-mail and password', body: signInInput, response: responses({ 200: meDto }) } }, async (request, reply) => {
    const session = await auth.signIn(requestContext(request), request.body);
    setSessionCookie(reply, session.secret, session.expiresAt, secure);
    return session.me;
  });

  app.post('/auth/sign-out', { schema: { tags, summary: 'Sign out and destroy the session', response: responses({ 204: noContent }) } }, async (request, reply) => {
    await auth.signOut(requestContext(request));
    clearSessionCookie(reply, secure);
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, summary: 'The signed-in user, their coalitions and roles', response: responses({ 200: meDto }) } }, async (request) =>
    auth.me(requestContext(request)),
  );

  app.post('/auth/password-reset', { schema: { tags, summary: 'E-mail a single-use password reset link', body: passwordResetRequestInput, response: responses({ 202: okSchema }) } }, async (request, reply) => {
    await auth.requestPasswordReset(requestContext(request), request.body.email);
    return reply.status(202).send({ ok: true as const });
  });

  app.post('/auth/password-reset/complete', { schema: { tags, summary: 'Set a new password with a reset link', body: passwordResetCompleteInput, response: responses({ 200: okSchema }) } }, async (request) => {
    await auth.completePasswordReset(requestContext(request), request.body);
    return { ok: true as const };
  });

  app.post('/auth/password', { schema: { tags, summary: 'Change the password (with the current one); other sessions and all API tokens end', body: passwordChangeInput, response: responses({ 200: okSchema }) } }, async (request) => {
    await auth.changePassword(requestContext(request), request.body);
    return { ok: true as const };
  });

  app.post('/auth/sign-out-others', { schema: { tags, summary: 'Sign out every other session of this account (this one stays)', response: responses({ 200: z.object({ ended: z.number().int() }) }) } }, async (request) => ({
    ended: await auth.signOutOthers(requestContext(request)),
  }));

  app.post('/auth/email', { schema: { tags, summary: 'Ask to change the e-mail address: a link goes to the new address, a notice to the old', body: emailChangeInput, response: responses({ 202: okSchema }) } }, async (request, reply) => {
    await auth.requestEmailChange(requestContext(request), request.body);
    return reply.status(202).send({ ok: true as const });
  });

  app.post('/auth/email/confirm', { schema: { tags, summary: 'Confirm an e-mail change with the link sent to the new address', body: emailChangeConfirmInput, response: responses({ 200: okSchema }) } }, async (request) => {
    await auth.confirmEmailChange(requestContext(request), request.body.token);
    return { ok: true as const };
  });

  app.get('/auth/tokens', { schema: { tags, summary: 'My personal API tokens', response: responses({ 200: z.object({ items: z.array(apiTokenDto) }) }) } }, async (request) =>
    auth.listApiTokens(requestContext(request)),
  );

  app.post('/auth/tokens', { schema: { tags, summary: 'Create a personal API token (the secret is shown once)', body: apiTokenCreateInput, response: responses({ 201: apiTokenCreatedDto }) } }, async (request, reply) =>
    reply.status(201).send(await auth.createApiToken(requestContext(request), request.body.name, request.body.currentPassword)),
  );

  app.delete('/auth/tokens/:id', { schema: { tags, summary: 'Revoke a personal API token', params: z.object({ id: z.uuid() }), response: responses({ 204: noContent }) } }, async (request, reply) => {
    await auth.revokeApiToken(requestContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
