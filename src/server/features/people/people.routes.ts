import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import { personCreateInput, personDto, personListQuery, personUpdateInput } from '../../../shared/people.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as people from './people.service.js';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['people'];
  const base = '/coalitions/:slug/people';

  app.get(base, { schema: { tags, summary: 'People of the coalition, searchable, filterable by role and organization', params: slugParams, querystring: personListQuery, response: responses({ 200: pageOf(personDto) }) } }, async (request) =>
    people.listPeople(await tenantContext(request), request.query),
  );

  app.post(base, { schema: { tags, summary: 'Add a person', params: slugParams, body: personCreateInput, response: responses({ 201: personDto }) } }, async (request, reply) =>
    reply.status(201).send(await people.createPerson(await tenantContext(request), request.body)),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'A person', params: idParams, response: responses({ 200: personDto }) } }, async (request) =>
    people.getPerson(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a person (roles: Coordinator only)', params: idParams, body: personUpdateInput, response: responses({ 200: personDto }) } }, async (request) =>
    people.updatePerson(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a person from the coalition', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await people.deletePerson(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
