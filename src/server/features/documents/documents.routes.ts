import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, slugParams } from '../../../shared/common.contract.js';
import { DOCUMENT_MAX_BYTES, documentDto, documentFileQuery, documentListQuery, documentUpdateInput, documentUploadFields, documentVersionDto } from '../../../shared/documents.contract.js';
import { AppError } from '../../platform/errors.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { attachmentHeader } from './documents.files.js';
import * as documents from './documents.service.js';

/** Reads a multipart upload: the `file` part and the text fields. Over-size files are a 413. */
async function readUpload(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: documents.UploadedFile | null }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
  const fields: Record<string, string> = {};
  let file: documents.UploadedFile | null = null;
  for await (const part of request.parts({ limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 10 } })) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.fieldname === 'file') file = { filename: part.filename || 'upload', mimetype: part.mimetype, content };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { fields, file };
}

function requireFile(file: documents.UploadedFile | null): documents.UploadedFile {
  if (!file) throw new AppError('invalid', 'file: Choose a file', { errors: [{ path: 'file', message: 'Choose a file' }] });
  return file;
}

const multipartBody = { consumes: ['multipart/form-data'] };

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Scoped to this plugin: only the library's routes take multipart bodies.
  await app.register(multipart, { limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 10 } });
  const tags = ['coalition building'];
  const base = '/coalitions/:slug/documents';

  app.get(base, { schema: { tags, summary: 'The shared library: documents the caller may see, searchable by title and text', params: slugParams, querystring: documentListQuery, response: responses({ 200: pageOf(documentDto) }) } }, async (request) =>
    documents.listDocuments(await tenantContext(request), request.query),
  );

  app.post(base, { schema: { tags, summary: 'Upload a document (multipart: file, title, visibility = public | coalition | leadership_council, tags)', ...multipartBody, params: slugParams, response: responses({ 201: documentDto }) } }, async (request, reply) => {
    const ctx = await tenantContext(request);
    const { fields, file } = await readUpload(request);
    const parsed = documentUploadFields.safeParse(fields);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message }));
      throw new AppError('invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
    }
    return reply.status(201).send(await documents.uploadDocument(ctx, parsed.data, requireFile(file)));
  });

  app.get(`${base}/:id`, { schema: { tags, summary: 'A document', params: idParams, response: responses({ 200: documentDto }) } }, async (request) =>
    documents.getDocument(await tenantContext(request), request.params.id),
  );

  app.patch(`${base}/:id`, { schema: { tags, summary: 'Retitle, retag or change who may see a document', params: idParams, body: documentUpdateInput, response: responses({ 200: documentDto }) } }, async (request) =>
    documents.updateDocument(await tenantContext(request), request.params.id, request.body),
  );

  app.delete(`${base}/:id`, { schema: { tags, summary: 'Remove a document and all its versions', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await documents.deleteDocument(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get(`${base}/:id/versions`, { schema: { tags, summary: 'Every version of a document, newest first', params: idParams, response: responses({ 200: z.object({ items: z.array(documentVersionDto) }) }) } }, async (request) =>
    documents.listVersions(await tenantContext(request), request.params.id),
  );

  app.post(`${base}/:id/versions`, { schema: { tags, summary: 'Upload a new version (multipart: file)', ...multipartBody, params: idParams, response: responses({ 201: documentDto }) } }, async (request, reply) => {
    const ctx = await tenantContext(request);
    const { file } = await readUpload(request);
    return reply.status(201).send(await documents.addVersion(ctx, request.params.id, requireFile(file)));
  });

  app.get(`${base}/:id/file`, { schema: { tags, summary: 'Download a version (the current one by default); always an attachment, never rendered', params: idParams, querystring: documentFileQuery, response: responses({ 200: z.any().describe('The file') }) } }, async (request, reply) => {
    const file = await documents.downloadFile(await tenantContext(request), request.params.id, request.query.version);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentHeader(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
};
