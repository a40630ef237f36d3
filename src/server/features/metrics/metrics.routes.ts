import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../shared/common.contract.js';
import { breakdownDto, breakdownQuery, dashboardParams, historyDto, historyQuery, metricDictionaryDto, metricsDto, metricsQuery, organizationDashboardDto, roadmapDto, roadmapParams, roadmapUpdateInput, targetInput } from '../../../shared/metrics.contract.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as dashboards from './dashboards.service.js';
import * as metrics from './metrics.service.js';
import * as roadmap from './roadmap.service.js';

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['metrics'];
  const base = '/coalitions/:slug';

  app.get(`${base}/metrics`, { schema: { tags, summary: 'Every performance metric for a calendar year: target (typed in) and actual (computed from records)', params: slugParams, querystring: metricsQuery, response: responses({ 200: metricsDto }) } }, async (request) =>
    metrics.getMetrics(await tenantContext(request), request.query.year),
  );

  app.get(`${base}/metrics/dictionary`, { schema: { tags, summary: 'What each metric means, its unit and how it is computed', params: slugParams, response: responses({ 200: metricDictionaryDto }) } }, async (request) =>
    metrics.getDictionary(await tenantContext(request)),
  );

  app.get(`${base}/metrics/history`, { schema: { tags, summary: 'Targets and actuals year by year (at most 10 years)', params: slugParams, querystring: historyQuery, response: responses({ 200: historyDto }) } }, async (request) =>
    metrics.getHistory(await tenantContext(request), request.query),
  );

  app.get(`${base}/metrics/breakdown`, { schema: { tags, summary: 'A metric by institution, employer or equity group; counts under 10 suppressed (Coordinator, Leadership Council)', params: slugParams, querystring: breakdownQuery, response: responses({ 200: breakdownDto }) } }, async (request) =>
    metrics.getBreakdown(await tenantContext(request), request.query),
  );

  app.put(`${base}/metrics/targets`, { schema: { tags, summary: 'Set (or clear, with null) a yearly target (Coordinator)', params: slugParams, body: targetInput, response: responses({ 200: metricsDto }) } }, async (request) =>
    metrics.setTarget(await tenantContext(request), request.body),
  );

  app.get(`${base}/roadmap`, { schema: { tags, summary: 'The roadmap: 2 phases, 6 steps and 7 recommendations with status and evidence', params: slugParams, response: responses({ 200: roadmapDto }) } }, async (request) =>
    roadmap.getRoadmap(await tenantContext(request)),
  );

  app.put(`${base}/roadmap/:ref`, { schema: { tags, summary: 'Record the status and evidence of a phase, step or recommendation (Coordinator)', params: roadmapParams, body: roadmapUpdateInput, response: responses({ 200: roadmapDto }) } }, async (request) =>
    roadmap.updateRoadmapItem(await tenantContext(request), request.params.ref, request.body),
  );

  app.get(`${base}/dashboards/organizations/:id`, { schema: { tags, summary: 'An employer’s or institution’s dashboard (its staff, the Coordinator, the Leadership Council)', params: dashboardParams, querystring: metricsQuery, response: responses({ 200: organizationDashboardDto }) } }, async (request) =>
    dashboards.organizationDashboard(await tenantContext(request), request.params.id, request.query.year),
  );
};
