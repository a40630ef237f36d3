import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import { organizationCreateInput, organizationDto, organizationListQuery, organizationUpdateInput } from '../../../shared/organizations.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as organizations from './organizations.service.js';

export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organizations'];
  const base = '/coalitions/:slug/organizations';

  app.get(base, { schema: { tags, summary: 'Member organizations, searchable and filterable', params: slugParams, querystring: organizationListQuery, response: responses({ 200: pageOf(organizationDto) }) } }, async (request) =>
    organizations.listOrganizations(await tenantContext(request), request.query),
  );

  app.post(base, { schema: { tags, summary: 'Add an organization', params: slugParams, body: organizationCreateInput, response: responses({ 201: organizationDto }) } }, async (request, reply) =>
    reply.status(201).send(await organizations.createOrganization(await tenantContext(request), request.body)),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'An organization with its points of contact', params: idParams, response: responses({ 200: organizationDto }) } }, async (request) =>
    organizations.getOrganization(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit an organization', params: idParams, body: organizationUpdateInput, response: responses({ 200: organizationDto }) } }, async (request) =>
    organizations.updateOrganization(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove an organization nobody belongs to', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await organizations.deleteOrganization(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
