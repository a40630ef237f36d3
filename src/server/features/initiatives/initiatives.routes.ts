import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, slugParams, uuid } from '../../../shared/common.contract.js';
import {
  baselineDto,
  initiativeCreateInput,
  initiativeDto,
  initiativeListQuery,
  initiativeUpdateInput,
  masterPlanDto,
  type MasterPlanDto,
  masterPlanQuery,
  stakeholderCreateInput,
  stakeholderDto,
  stakeholderUpdateInput,
  taskCreateInput,
  taskDto,
  taskListQuery,
  taskParams,
  taskUpdateInput,
} from '../../../shared/initiatives.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as initiatives from './initiatives.service.js';
import * as masterPlan from './master-plan.service.js';
import * as stakeholders from './stakeholders.service.js';
import * as tasks from './tasks.service.js';

const stakeholderParams = idParams.extend({ stakeholderId: uuid });

export const initiativeCoreRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['initiatives'];
  const base = '/coalitions/:slug/initiatives';

  app.get(base, { schema: { tags, summary: 'Initiatives, searchable and filterable', params: slugParams, querystring: initiativeListQuery, response: responses({ 200: pageOf(initiativeDto) }) } }, async (request) =>
    initiatives.listInitiatives(await tenantContext(request), request.query),
  );
  app.post(base, { schema: { tags, summary: 'Propose or add an initiative ({title, category} at least)', params: slugParams, body: initiativeCreateInput, response: responses({ 201: initiativeDto }) } }, async (request, reply) =>
    reply.status(201).send(await initiatives.createInitiative(await tenantContext(request), request.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'An initiative with its RACI table', params: idParams, response: responses({ 200: initiativeDto }) } }, async (request) =>
    initiatives.getInitiative(await tenantContext(request), request.params.id),
  );
  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit an initiative', params: idParams, body: initiativeUpdateInput, response: responses({ 200: initiativeDto }) } }, async (request) =>
    initiatives.updateInitiative(await tenantContext(request), request.params.id, request.body),
  );
  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove an initiative and its plan', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await initiatives.deleteInitiative(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  // The RACI table.
  app.post(`${base}/:id/stakeholders`, { schema: { tags, summary: 'Add a team member with their RACI role', params: idParams, body: stakeholderCreateInput, response: responses({ 201: stakeholderDto }) } }, async (request, reply) =>
    reply.status(201).send(await stakeholders.addStakeholder(await tenantContext(request), request.params.id, request.body)),
  );
  app.patch(`${base}/:id/stakeholders/:stakeholderId`, { schema: { tags, summary: 'Change a team member’s role', params: stakeholderParams, body: stakeholderUpdateInput, response: responses({ 200: stakeholderDto }) } }, async (request) =>
    stakeholders.updateStakeholder(await tenantContext(request), request.params.id, request.params.stakeholderId, request.body),
  );
  app.delete(`${base}/:id/stakeholders/:stakeholderId`, { schema: { tags, summary: 'Take someone off the team', params: stakeholderParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await stakeholders.removeStakeholder(await tenantContext(request), request.params.id, request.params.stakeholderId);
    return reply.status(204).send(null);
  });

  // The action plan.
  app.get(`${base}/:id/tasks`, { schema: { tags, summary: 'The initiative’s tasks and milestones, by start', params: idParams, querystring: taskListQuery, response: responses({ 200: pageOf(taskDto) }) } }, async (request) =>
    tasks.listTasks(await tenantContext(request), request.params.id, request.query),
  );
  app.post(
    `${base}/:id/tasks`,
    { schema: { tags, summary: 'Add a task or milestone (finish-to-start dependencies; a cycle is a 422 naming it)', params: idParams, body: taskCreateInput, response: responses({ 201: taskDto }) } },
    async (request, reply) => reply.status(201).send(await tasks.createTask(await tenantContext(request), request.params.id, request.body)),
  );
  app.get(`${base}/:id/tasks/:taskId`, { schema: { tags, summary: 'A task', params: taskParams, response: responses({ 200: taskDto }) } }, async (request) =>
    tasks.getTask(await tenantContext(request), request.params.id, request.params.taskId),
  );
  app.patch(`${base}/:id/tasks/:taskId`, { schema: { tags, summary: 'Edit a task (a dependency cycle is a 422 naming it)', params: taskParams, body: taskUpdateInput, response: responses({ 200: taskDto }) } }, async (request) =>
    tasks.updateTask(await tenantContext(request), request.params.id, request.params.taskId, request.body),
  );
  app.delete(`${base}/:id/tasks/:taskId`, { schema: { tags, summary: 'Remove a task nothing waits for', params: taskParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await tasks.deleteTask(await tenantContext(request), request.params.id, request.params.taskId);
    return reply.status(204).send(null);
  });
  app.post(`${base}/:id/baseline`, { schema: { tags, summary: 'Save the current schedule as the baseline', params: idParams, response: responses({ 200: baselineDto }) } }, async (request) =>
    tasks.saveBaseline(await tenantContext(request), request.params.id),
  );

  app.get(
    '/coalitions/:slug/master-plan',
    { schema: { tags, summary: 'Every task of every initiative, scheduled by the critical-path method', params: slugParams, querystring: masterPlanQuery, response: responses({ 200: masterPlanDto }) } },
    // JSON bytes are sent as they are (Fastify serializes only objects): the service keeps the body per plan version.
    async (request, reply) => reply.type('application/json; charset=utf-8').send((await masterPlan.getMasterPlanBody(await tenantContext(request), request.query)) as unknown as MasterPlanDto),
  );
};
