import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, slugParams, uuid } from '../../../shared/common.contract.js';
import { correctionListQuery, correctionRequestDto, correctionRequestInput, correctionResolveInput, directoryOptOutDto, directoryOptOutInput, retentionDto, retentionInput } from '../../../shared/students.contract.js';
import { accessLogEntryDto, accessLogQuery, guardianConsentDto, guardianConsentInput, portfolioItemDto, portfolioItemInput, portfolioItemUpdateInput, shareDto, shareInput, studentRecordExportDto } from '../../../shared/students.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as consent from './students.consent.service.js';
import * as portfolio from './students.portfolio.service.js';
import * as privacy from './students.privacy.service.js';
import * as record from './students.record.service.js';
import * as retention from './students.retention.js';

/** What a student controls and what protects them: shares, a guardian's consent, the access log, their export, their portfolio, directory opt-out, corrections, retention. */
export const studentPrivacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['students'];
  const base = '/coalitions/:slug/students/:id';

  app.post(`${base}/shares`, { schema: { tags, summary: 'Show my profile to an employer (the student only)', params: idParams, body: shareInput, response: responses({ 200: z.object({ items: z.array(shareDto) }) }) } }, async (request) => ({
    items: await consent.shareWith(await tenantContext(request), request.params.id, request.body.employerId),
  }));

  app.delete(`${base}/shares/:employerId`, { schema: { tags, summary: 'Stop showing my profile to an employer', params: idParams.extend({ employerId: uuid }), response: responses({ 204: noContent }) } }, async (request, reply) => {
    await consent.unshare(await tenantContext(request), request.params.id, request.params.employerId);
    return reply.status(204).send(null);
  });

  app.post(`${base}/guardian-consent`, { schema: { tags, summary: 'Record a guardian’s consent for a minor (the institution’s staff or the Coordinator)', params: idParams, body: guardianConsentInput, response: responses({ 201: guardianConsentDto }) } }, async (request, reply) =>
    reply.status(201).send(await consent.recordConsent(await tenantContext(request), request.params.id, request.body)),
  );

  app.delete(`${base}/guardian-consent`, { schema: { tags, summary: 'Revoke the guardian’s consent: employers see nothing of the minor from now on', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await consent.revokeConsent(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get(`${base}/access-log`, { schema: { tags, summary: 'Who read this record, when and through what (the student and the Coordinator)', params: idParams, querystring: accessLogQuery, response: responses({ 200: pageOf(accessLogEntryDto) }) } }, async (request) =>
    record.getAccessLog(await tenantContext(request), request.params.id, request.query),
  );

  app.get(`${base}/export`, { schema: { tags, summary: 'Download my whole record as JSON (the student only)', params: idParams, response: responses({ 200: studentRecordExportDto }) } }, async (request, reply) => {
    const data = await record.exportRecord(await tenantContext(request), request.params.id);
    return reply.header('content-disposition', 'attachment; filename="my-student-record.json"').send(data);
  });

  app.post(`${base}/portfolio`, { schema: { tags, summary: 'Add a portfolio project; its skills count as evidence', params: idParams, body: portfolioItemInput, response: responses({ 201: portfolioItemDto }) } }, async (request, reply) =>
    reply.status(201).send(await portfolio.addPortfolioItem(await tenantContext(request), request.params.id, request.body)),
  );

  app.patch(`${base}/portfolio/:itemId`, { schema: { tags, summary: 'Edit a portfolio project', params: idParams.extend({ itemId: uuid }), body: portfolioItemUpdateInput, response: responses({ 200: portfolioItemDto }) } }, async (request) =>
    portfolio.updatePortfolioItem(await tenantContext(request), request.params.id, request.params.itemId, request.body),
  );

  app.put(`${base}/directory-opt-out`, { schema: { tags, summary: 'Opt out of directory information (FERPA), or back in: the student, or their institution on the student’s request', params: idParams, body: directoryOptOutInput, response: responses({ 200: directoryOptOutDto }) } }, async (request) =>
    privacy.setDirectoryOptOut(await tenantContext(request), request.params.id, request.body.optOut),
  );

  app.post(`${base}/correction-requests`, { schema: { tags, summary: 'Ask for part of my record to be corrected (the student only)', params: idParams, body: correctionRequestInput, response: responses({ 201: correctionRequestDto }) } }, async (request, reply) =>
    reply.status(201).send(await privacy.requestCorrection(await tenantContext(request), request.params.id, request.body)),
  );

  app.get(`${base}/correction-requests`, { schema: { tags, summary: 'A student’s correction requests and their status, newest first', params: idParams, querystring: correctionListQuery, response: responses({ 200: pageOf(correctionRequestDto) }) } }, async (request) =>
    privacy.listStudentCorrections(await tenantContext(request), request.params.id, request.query),
  );

  app.post(`${base}/correction-requests/:requestId/resolve`, { schema: { tags, summary: 'Accept or reject a correction request (the institution’s staff; a rejection says why)', params: idParams.extend({ requestId: uuid }), body: correctionResolveInput, response: responses({ 200: correctionRequestDto }) } }, async (request) =>
    privacy.resolveCorrection(await tenantContext(request), request.params.id, request.params.requestId, request.body),
  );

  app.get('/coalitions/:slug/correction-requests', { schema: { tags, summary: 'Correction requests to review (the Coordinator: all; a school’s staff: their students’)', params: slugParams, querystring: correctionListQuery, response: responses({ 200: pageOf(correctionRequestDto) }) } }, async (request) =>
    privacy.listCorrectionQueue(await tenantContext(request), request.query),
  );

  app.get('/coalitions/:slug/student-retention', { schema: { tags, summary: 'How long student access logs and graduates’ withdrawn applications are kept, and the last run', params: slugParams, response: responses({ 200: retentionDto }) } }, async (request) =>
    retention.getRetention(await tenantContext(request)),
  );

  app.put('/coalitions/:slug/student-retention', { schema: { tags, summary: 'Set the retention periods (whole years; the Coordinator)', params: slugParams, body: retentionInput, response: responses({ 200: retentionDto }) } }, async (request) =>
    retention.setRetention(await tenantContext(request), request.body),
  );

  app.post('/coalitions/:slug/student-retention/run', { schema: { tags, summary: 'Apply the retention periods now (queues the background job)', params: slugParams, response: responses({ 202: z.object({ jobId: uuid }) }) } }, async (request, reply) =>
    reply.status(202).send(await retention.runRetentionNow(await tenantContext(request))),
  );

  app.delete(`${base}/portfolio/:itemId`, { schema: { tags, summary: 'Remove a portfolio project and the evidence it gave', params: idParams.extend({ itemId: uuid }), response: responses({ 204: noContent }) } }, async (request, reply) => {
    await portfolio.deletePortfolioItem(await tenantContext(request), request.params.id, request.params.itemId);
    return reply.status(204).send(null);
  });
};
