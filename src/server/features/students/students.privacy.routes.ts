import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, uuid } from '../../../shared/common.contract.js';
import { accessLogEntryDto, accessLogQuery, guardianConsentDto, guardianConsentInput, portfolioItemDto, portfolioItemInput, portfolioItemUpdateInput, shareDto, shareInput, studentRecordExportDto } from '../../../shared/students.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as consent from './students.consent.service.js';
import * as portfolio from './students.portfolio.service.js';
import * as record from './students.record.service.js';

/** What a student controls and what protects them: shares, a guardian's consent, the access log, their export, their portfolio. */
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

  app.delete(`${base}/portfolio/:itemId`, { schema: { tags, summary: 'Remove a portfolio project and the evidence it gave', params: idParams.extend({ itemId: uuid }), response: responses({ 204: noContent }) } }, async (request, reply) => {
    await portfolio.deletePortfolioItem(await tenantContext(request), request.params.id, request.params.itemId);
    return reply.status(204).send(null);
  });
};
