import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenCreatedDto,
  apiTokenCreateInput,
  apiTokenDto,
  authConfigDto,
  meDto,
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

  app.get('/auth/tokens', { schema: { tags, summary: 'My personal API tokens', response: responses({ 200: z.object({ items: z.array(apiTokenDto) }) }) } }, async (request) =>
    auth.listApiTokens(requestContext(request)),
  );

  app.post('/auth/tokens', { schema: { tags, summary: 'Create a personal API token (the secret is shown once)', body: apiTokenCreateInput, response: responses({ 201: apiTokenCreatedDto }) } }, async (request, reply) =>
    reply.status(201).send(await auth.createApiToken(requestContext(request), request.body.name)),
  );

  app.delete('/auth/tokens/:id', { schema: { tags, summary: 'Revoke a personal API token', params: z.object({ id: z.uuid() }), response: responses({ 204: noContent }) } }, async (request, reply) => {
    await auth.revokeApiToken(requestContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
