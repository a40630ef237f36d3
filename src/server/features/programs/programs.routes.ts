import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import {
  courseCreateInput,
  courseDto,
  courseListQuery,
  courseUpdateInput,
  courseVersionDto,
  programCreateInput,
  programDto,
  programListQuery,
  programUpdateInput,
} from '../../../shared/programs.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { sendCsv } from '../hiring-needs/hiring-needs.export.js';
import { programsCsv } from './programs.export.js';
import * as service from './programs.service.js';

export const programsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['programs'];
  const base = '/coalitions/:slug/programs';
  const courseBase = '/coalitions/:slug/courses';

  app.get(base, { schema: { tags, summary: 'Education programs with courses, skills, enrollment and completions; ?q= searches titles, institutions, pathways, CIP', params: slugParams, querystring: programListQuery, response: responses({ 200: pageOf(programDto) }) } }, async (request) =>
    service.listPrograms(await tenantContext(request), request.query),
  );

  app.get(`${base}.csv`, { schema: { tags, summary: 'The programs as CSV, one row per course (same filters as the list)', params: slugParams, querystring: programListQuery.omit({ limit: true, cursor: true }), response: responses({ 200: z.string().describe('text/csv') }) } }, async (request, reply) =>
    sendCsv(reply, 'programs.csv', await programsCsv(await tenantContext(request), request.query)),
  );

  app.post(base, { schema: { tags, summary: 'Add a program (institution staff for their institution, or the Coordinator), optionally with its courses', params: slugParams, body: programCreateInput, response: responses({ 201: programDto }) } }, async (request, reply) =>
    reply.status(201).send(await service.createProgram(await tenantContext(request), request.body)),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'A program', params: idParams, response: responses({ 200: programDto }) } }, async (request) =>
    service.getProgram(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a program (outcomes and partnerIds, when given, replace the lists)', params: idParams, body: programUpdateInput, response: responses({ 200: programDto }) } }, async (request) =>
    service.updateProgram(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a program and its courses', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await service.deleteProgram(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post(`${base}/:id/courses`, { schema: { tags, summary: 'Add a course to a program, with the skills it teaches', params: idParams, body: courseCreateInput, response: responses({ 201: courseDto }) } }, async (request, reply) =>
    reply.status(201).send(await service.createCourse(await tenantContext(request), request.params.id, request.body)),
  );

  app.get(courseBase, { schema: { tags, summary: 'Courses; filter by program, institution or skill taught', params: slugParams, querystring: courseListQuery, response: responses({ 200: pageOf(courseDto) }) } }, async (request) =>
    service.listCourses(await tenantContext(request), request.query),
  );

  app.get(`${courseBase}/:id`, { schema: { tags, summary: 'A course', params: idParams, response: responses({ 200: courseDto }) } }, async (request) =>
    service.getCourse(await tenantContext(request), request.params.id),
  );

  app.patch(`${courseBase}/:id`, { schema: { tags, summary: 'Edit a course; new skills make a new version of its skills', params: idParams, body: courseUpdateInput, response: responses({ 200: courseDto }) } }, async (request) =>
    service.updateCourse(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${courseBase}/:id`, { schema: { tags, summary: 'Remove a course no curriculum proposal concerns', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await service.deleteCourse(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get(`${courseBase}/:id/versions`, { schema: { tags, summary: 'Every version of a course’s skills, with the adopted proposal and the demand behind each change', params: idParams, response: responses({ 200: z.object({ items: z.array(courseVersionDto) }) }) } }, async (request) =>
    service.courseVersions(await tenantContext(request), request.params.id),
  );
};
