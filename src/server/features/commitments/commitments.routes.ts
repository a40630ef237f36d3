import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import {
  commitmentCreateInput,
  commitmentDto,
  commitmentListQuery,
  commitmentTemplatesDto,
  commitmentUpdateInput,
  commitmentsFromTemplatesInput,
} from '../../../shared/commitments.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as commitments from './commitments.service.js';

export const commitmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['coalition building'];
  const base = '/coalitions/:slug/commitments';

  app.get(base, { schema: { tags, summary: 'Members’ commitments by due date; `overdue=true` is the Coordinator’s follow-up list', params: slugParams, querystring: commitmentListQuery, response: responses({ 200: pageOf(commitmentDto) }) } }, async (request) =>
    commitments.listCommitments(await tenantContext(request), request.query),
  );

  app.get(`${base}/templates`, { schema: { tags, summary: 'What the paper asks each kind of member to contribute', params: slugParams, response: responses({ 200: commitmentTemplatesDto }) } }, async (request) =>
    commitments.listTemplates(await tenantContext(request)),
  );

  app.post(base, { schema: { tags, summary: 'Record a commitment', params: slugParams, body: commitmentCreateInput, response: responses({ 201: commitmentDto }) } }, async (request, reply) =>
    reply.status(201).send(await commitments.createCommitment(await tenantContext(request), request.body)),
  );

  app.post(`${base}/from-templates`, { schema: { tags, summary: 'Draw a member’s commitments from the templates of its type', params: slugParams, body: commitmentsFromTemplatesInput, response: responses({ 201: z.object({ items: z.array(commitmentDto) }) }) } }, async (request, reply) =>
    reply.status(201).send(await commitments.commitmentsFromTemplates(await tenantContext(request), request.body)),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'A commitment', params: idParams, response: responses({ 200: commitmentDto }) } }, async (request) =>
    commitments.getCommitment(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a commitment or report progress', params: idParams, body: commitmentUpdateInput, response: responses({ 200: commitmentDto }) } }, async (request) =>
    commitments.updateCommitment(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a commitment', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await commitments.deleteCommitment(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
