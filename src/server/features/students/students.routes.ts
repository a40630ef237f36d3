import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import { studentCreateInput, studentDto, studentListItemDto, studentListQuery, studentUpdateInput } from '../../../shared/students.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { studentsCsv } from './students.export.js';
import * as students from './students.service.js';

export const studentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['students'];
  const base = '/coalitions/:slug/students';

  app.get(base, { schema: { tags, summary: 'Students the caller may see (education records: every read by others is logged)', params: slugParams, querystring: studentListQuery, response: responses({ 200: pageOf(studentListItemDto) }) } }, async (request) =>
    students.listStudents(await tenantContext(request), request.query),
  );

  app.post(base, { schema: { tags, summary: 'Add a student (the Coordinator, the institution’s staff, or a student for themselves)', params: slugParams, body: studentCreateInput, response: responses({ 201: studentDto }) } }, async (request, reply) =>
    reply.status(201).send(await students.createStudent(await tenantContext(request), request.body)),
  );

  app.get('/coalitions/:slug/students.csv', { schema: { tags, summary: 'The students the caller may see as CSV, in the import’s columns', params: slugParams, response: responses({ 200: z.string().describe('text/csv') }) } }, async (request, reply) => {
    const csv = await studentsCsv(await tenantContext(request));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="students.csv"').send(csv);
  });

  app.get(`${base}/:id`, { schema: { tags, summary: 'A student’s record (404 unless the caller may see it)', params: idParams, response: responses({ 200: studentDto }) } }, async (request) =>
    students.getStudent(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a student’s record (skills, when given, replace the declared and course skills)', params: idParams, body: studentUpdateInput, response: responses({ 200: studentDto }) } }, async (request) =>
    students.updateStudent(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a student’s record and everything attached to it', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await students.deleteStudent(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
