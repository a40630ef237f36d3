import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, slugParams } from '../../../shared/common.contract.js';
import { importStatusDto } from '../../../shared/platform.contract.js';
import { responses } from '../http/schemas.js';
import { tenantContext } from '../tenancy.js';
import * as imports from './imports.service.js';

const FILE_TYPES = ['text/csv', 'text/tab-separated-values', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel'];

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];
  // The file is the body, handed on as a stream: the service stores it chunk by chunk and enforces
  // the size limit itself, so a large file never sits whole in memory.
  app.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/coalitions/:slug/imports/:kind',
    {
      schema: {
        tags,
        summary: 'Import a CSV file (all or nothing, every bad row reported); runs in the background',
        description: 'Send the file as the body with Content-Type text/csv (or text/tab-separated-values for official TSV layouts).',
        params: slugParams.extend({ kind: z.string().min(1).max(60) }),
        response: responses({ 202: z.object({ id: z.uuid() }) }),
      },
    },
    async (request, reply) => reply.status(202).send(await imports.startImport(await tenantContext(request), request.params.kind, request.body as AsyncIterable<Buffer> | undefined)),
  );

  app.get('/coalitions/:slug/imports', { schema: { tags, summary: 'Recent imports', params: slugParams, response: responses({ 200: z.object({ items: z.array(importStatusDto) }) }) } }, async (request) =>
    imports.listImports(await tenantContext(request)),
  );

  app.get('/coalitions/:slug/imports/:id', { schema: { tags, summary: 'An import’s status, progress and every bad row', params: idParams, response: responses({ 200: importStatusDto }) } }, async (request) =>
    imports.getImport(await tenantContext(request), request.params.id),
  );

  app.get('/coalitions/:slug/imports/:id/errors.csv', { schema: { tags, summary: 'The bad rows as CSV', params: idParams, response: responses({ 200: z.string().describe('text/csv: row,column,message') }) } }, async (request, reply) => {
    const csv = await imports.importErrorReport(await tenantContext(request), request.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="import-${request.params.id}-errors.csv"`).send(csv);
  });
};
