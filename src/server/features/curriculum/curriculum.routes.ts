import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import { commentCreateInput, commentDto, followDto, proposalCreateInput, proposalDetailDto, proposalDto, proposalListQuery, proposalUpdateInput } from '../../../shared/curriculum.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as curriculum from './curriculum.service.js';

export const curriculumRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['curriculum'];
  const base = '/coalitions/:slug/curriculum-proposals';

  app.get(base, { schema: { tags, summary: 'The curriculum feedback forum: planned changes; ?q= searches titles, summaries, institutions, terms', params: slugParams, querystring: proposalListQuery, response: responses({ 200: pageOf(proposalDto) }) } }, async (request) =>
    curriculum.listProposals(await tenantContext(request), request.query),
  );

  app.post(base, { schema: { tags, summary: 'Post a planned curriculum change (faculty of a member institution, or the Coordinator)', params: slugParams, body: proposalCreateInput, response: responses({ 201: proposalDetailDto }) } }, async (request, reply) =>
    reply.status(201).send(await curriculum.createProposal(await tenantContext(request), request.body)),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'A proposal with its status history', params: idParams, response: responses({ 200: proposalDetailDto }) } }, async (request) =>
    curriculum.getProposal(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a proposal, or move it through open → under_review → adopted | declined (adopting versions the course’s skills)', params: idParams, body: proposalUpdateInput, response: responses({ 200: proposalDetailDto }) } }, async (request) =>
    curriculum.updateProposal(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Withdraw a proposal that was not adopted', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await curriculum.deleteProposal(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get(`${base}/:id/comments`, { schema: { tags, summary: 'Feedback on a proposal, oldest first', params: idParams, response: responses({ 200: z.object({ items: z.array(commentDto), nextCursor: z.null() }) }) } }, async (request) =>
    curriculum.listComments(await tenantContext(request), request.params.id),
  );

  app.post(`${base}/:id/comments`, { schema: { tags, summary: 'Comment: rate its relevance (1–5), propose skills; the owner may answer officially', params: idParams, body: commentCreateInput, response: responses({ 201: commentDto }) } }, async (request, reply) =>
    reply.status(201).send(await curriculum.addComment(await tenantContext(request), request.params.id, request.body)),
  );

  app.post(`${base}/:id/follow`, { schema: { tags, summary: 'Follow a proposal: be notified of comments and status changes', params: idParams, response: responses({ 200: followDto }) } }, async (request) =>
    curriculum.setFollowing(await tenantContext(request), request.params.id, true),
  );

  app.delete(`${base}/:id/follow`, { schema: { tags, summary: 'Stop following a proposal', params: idParams, response: responses({ 200: followDto }) } }, async (request) =>
    curriculum.setFollowing(await tenantContext(request), request.params.id, false),
  );
};
