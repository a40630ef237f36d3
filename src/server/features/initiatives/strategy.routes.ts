import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import {
  ballotDto,
  ballotInput,
  priorityCreateInput,
  priorityDto,
  priorityListQuery,
  priorityParams,
  priorityUpdateInput,
  sessionResultsDto,
  strategySessionCreateInput,
  strategySessionDto,
  strategySessionListQuery,
  strategySessionUpdateInput,
} from '../../../shared/initiatives.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as strategy from './strategy.service.js';

export const strategyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['strategy sessions'];
  const base = '/coalitions/:slug/strategy-sessions';

  app.get(base, { schema: { tags, summary: 'Strategy sessions, by date', params: slugParams, querystring: strategySessionListQuery, response: responses({ 200: pageOf(strategySessionDto) }) } }, async (request) =>
    strategy.listSessions(await tenantContext(request), request.query),
  );
  app.post(base, { schema: { tags, summary: 'Plan a strategy session', params: slugParams, body: strategySessionCreateInput, response: responses({ 201: strategySessionDto }) } }, async (request, reply) =>
    reply.status(201).send(await strategy.createSession(await tenantContext(request), request.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'A strategy session', params: idParams, response: responses({ 200: strategySessionDto }) } }, async (request) =>
    strategy.getSession(await tenantContext(request), request.params.id),
  );
  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a strategy session', params: idParams, body: strategySessionUpdateInput, response: responses({ 200: strategySessionDto }) } }, async (request) =>
    strategy.updateSession(await tenantContext(request), request.params.id, request.body),
  );
  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a session nothing was proposed at', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await strategy.deleteSession(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get(`${base}/:id/priorities`, { schema: { tags, summary: 'Stakeholder priorities heard at the session', params: idParams, querystring: priorityListQuery, response: responses({ 200: pageOf(priorityDto) }) } }, async (request) =>
    strategy.listPriorities(await tenantContext(request), request.params.id, request.query),
  );
  app.post(`${base}/:id/priorities`, { schema: { tags, summary: 'Record an organization’s priority', params: idParams, body: priorityCreateInput, response: responses({ 201: priorityDto }) } }, async (request, reply) =>
    reply.status(201).send(await strategy.createPriority(await tenantContext(request), request.params.id, request.body)),
  );
  app.patch(`${base}/:id/priorities/:priorityId`, { schema: { tags, summary: 'Edit a priority', params: priorityParams, body: priorityUpdateInput, response: responses({ 200: priorityDto }) } }, async (request) =>
    strategy.updatePriority(await tenantContext(request), request.params.id, request.params.priorityId, request.body),
  );
  app.delete(`${base}/:id/priorities/:priorityId`, { schema: { tags, summary: 'Remove a priority', params: priorityParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await strategy.deletePriority(await tenantContext(request), request.params.id, request.params.priorityId);
    return reply.status(204).send(null);
  });

  app.get(`${base}/:id/ballot`, { schema: { tags, summary: 'My ranking of the proposed initiatives', params: idParams, response: responses({ 200: ballotDto }) } }, async (request) =>
    strategy.getMyBallot(await tenantContext(request), request.params.id),
  );
  app.put(`${base}/:id/ballot`, { schema: { tags, summary: 'Rank the proposed initiatives (replaces my earlier ranking)', params: idParams, body: ballotInput, response: responses({ 200: ballotDto }) } }, async (request) =>
    strategy.castBallot(await tenantContext(request), request.params.id, request.body),
  );
  app.get(`${base}/:id/results`, { schema: { tags, summary: 'The prioritized list (Borda count of the ballots)', params: idParams, response: responses({ 200: sessionResultsDto }) } }, async (request) =>
    strategy.getResults(await tenantContext(request), request.params.id),
  );
  app.post(`${base}/:id/adopt`, { schema: { tags, summary: 'Adopt the ranking: write each initiative’s priority rank', params: idParams, response: responses({ 200: sessionResultsDto }) } }, async (request) =>
    strategy.adoptResults(await tenantContext(request), request.params.id),
  );
};
