import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, slugParams } from '../../../shared/common.contract.js';
import { coalitionStatusReportDto, initiativeStatusReportDto, statusReportQuery } from '../../../shared/initiatives.contract.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { workerModule, workersOf } from '../../platform/workers/worker-pool.js';
import * as exports from './status-report.export.js';
import * as reports from './status-report.service.js';

const csv = z.string().describe('text/csv');
const pdf = z.any().describe('application/pdf');
const pdfs = workerModule<typeof import('./status-report.pdf.js')>(new URL('./status-report.pdf.js', import.meta.url));

export const statusReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['status reports'];
  const coalition = '/coalitions/:slug/status-report';
  const initiative = '/coalitions/:slug/initiatives/:id/status-report';

  app.get(coalition, { schema: { tags, summary: 'Coalition-wide status report', params: slugParams, querystring: statusReportQuery, response: responses({ 200: coalitionStatusReportDto }) } }, async (request) =>
    reports.coalitionReport(await tenantContext(request), request.query.asOf),
  );
  app.get(`${coalition}.csv`, { schema: { tags, summary: 'Coalition-wide status report, one row per initiative (CSV)', params: slugParams, querystring: statusReportQuery, response: responses({ 200: csv }) } }, async (request, reply) => {
    const report = await reports.coalitionReport(await tenantContext(request), request.query.asOf);
    return exports.sendAttachment(reply, `status-report-${report.asOf}.csv`, 'text/csv; charset=utf-8', exports.coalitionCsv(report));
  });
  app.get(`${coalition}.pdf`, { schema: { tags, summary: 'Coalition-wide status report (PDF)', params: slugParams, querystring: statusReportQuery, response: responses({ 200: pdf }) } }, async (request, reply) => {
    const report = await reports.coalitionReport(await tenantContext(request), request.query.asOf);
    return exports.sendAttachment(reply, `status-report-${report.asOf}.pdf`, 'application/pdf', await workersOf(app.services).run(pdfs, 'coalitionPdf', [report]));
  });

  app.get(initiative, { schema: { tags, summary: 'An initiative’s status report', params: idParams, querystring: statusReportQuery, response: responses({ 200: initiativeStatusReportDto }) } }, async (request) =>
    reports.initiativeReport(await tenantContext(request), request.params.id, request.query.asOf),
  );
  app.get(`${initiative}.csv`, { schema: { tags, summary: 'An initiative’s status report, one row per task (CSV)', params: idParams, querystring: statusReportQuery, response: responses({ 200: csv }) } }, async (request, reply) => {
    const report = await reports.initiativeReport(await tenantContext(request), request.params.id, request.query.asOf);
    return exports.sendAttachment(reply, `initiative-status-${report.asOf}.csv`, 'text/csv; charset=utf-8', exports.initiativeCsv(report));
  });
  app.get(`${initiative}.pdf`, { schema: { tags, summary: 'An initiative’s status report (PDF)', params: idParams, querystring: statusReportQuery, response: responses({ 200: pdf }) } }, async (request, reply) => {
    const report = await reports.initiativeReport(await tenantContext(request), request.params.id, request.query.asOf);
    return exports.sendAttachment(reply, `initiative-status-${report.asOf}.pdf`, 'application/pdf', await workersOf(app.services).run(pdfs, 'initiativePdf', [report]));
  });
};
