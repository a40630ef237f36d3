import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  heatmapDto,
  heatmapQuery,
  institutionAlignmentDetailDto,
  institutionAlignmentDto,
  occupationAlignmentDetailDto,
  occupationAlignmentDto,
  occupationAlignmentQuery,
  skillAlignmentDetailDto,
  skillAlignmentQuery,
  skillAlignmentResponse,
} from '../../../shared/alignment.contract.js';
import { slugParams, uuid } from '../../../shared/common.contract.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { sendCsv } from '../hiring-needs/hiring-needs.export.js';
import { occupationGapCsv, skillGapCsv } from './alignment.export.js';
import * as alignment from './alignment.service.js';

export const alignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['alignment'];
  const base = '/coalitions/:slug/alignment';

  app.get(`${base}/skills`, { schema: { tags, summary: 'The skills gap: per skill, demand (hiring needs) against supply (courses), largest gap first', params: slugParams, querystring: skillAlignmentQuery, response: responses({ 200: skillAlignmentResponse }) } }, async (request) =>
    alignment.skillsAlignment(await tenantContext(request), request.query),
  );

  app.get(`${base}/skills.csv`, { schema: { tags, summary: 'The skills gap as CSV', params: slugParams, querystring: skillAlignmentQuery, response: responses({ 200: z.string().describe('text/csv') }) } }, async (request, reply) =>
    sendCsv(reply, 'skills-gap.csv', await skillGapCsv(await tenantContext(request), request.query)),
  );

  app.get(`${base}/skills/:skillId`, { schema: { tags, summary: 'One skill’s gap with the hiring needs and courses behind its numbers', params: slugParams.extend({ skillId: z.string().min(1).max(200) }), response: responses({ 200: skillAlignmentDetailDto }) } }, async (request) =>
    alignment.skillAlignmentDetail(await tenantContext(request), request.params.skillId),
  );

  app.get(`${base}/occupations`, { schema: { tags, summary: 'Per occupation (SOC 2018): projected openings and declared needs against program completions', params: slugParams, querystring: occupationAlignmentQuery, response: responses({ 200: z.object({ items: z.array(occupationAlignmentDto), nextCursor: z.null(), method: z.string() }) }) } }, async (request) =>
    alignment.occupationsAlignment(await tenantContext(request), request.query),
  );

  app.get(`${base}/occupations.csv`, { schema: { tags, summary: 'The occupation gap as CSV', params: slugParams, querystring: occupationAlignmentQuery, response: responses({ 200: z.string().describe('text/csv') }) } }, async (request, reply) =>
    sendCsv(reply, 'occupations-gap.csv', await occupationGapCsv(await tenantContext(request), request.query)),
  );

  app.get(`${base}/occupations/:soc`, { schema: { tags, summary: 'One occupation’s gap with the projections, needs and programs behind it', params: slugParams.extend({ soc: z.string().regex(/^\d{2}-\d{4}$/, 'A SOC code such as 15-1252') }), querystring: z.object({ region: z.string().max(63).optional() }), response: responses({ 200: occupationAlignmentDetailDto }) } }, async (request) =>
    alignment.occupationAlignmentDetail(await tenantContext(request), request.params.soc, request.query.region ?? null),
  );

  app.get(`${base}/institutions`, { schema: { tags, summary: 'Per institution: programs, enrollment, completions and the share of skill demand its courses cover', params: slugParams, response: responses({ 200: z.object({ items: z.array(institutionAlignmentDto), nextCursor: z.null() }) }) } }, async (request) =>
    alignment.institutionsAlignment(await tenantContext(request)),
  );

  app.get(`${base}/institutions/:institutionId`, { schema: { tags, summary: 'One institution: its programs by the growth of the occupations they lead to, and demanded skills none of its courses teach', params: slugParams.extend({ institutionId: uuid }), response: responses({ 200: institutionAlignmentDetailDto }) } }, async (request) =>
    alignment.institutionAlignmentDetail(await tenantContext(request), request.params.institutionId),
  );

  app.get(`${base}/heatmap`, { schema: { tags, summary: 'Skills (rows) × institutions (columns): supply per cell, with each skill’s demand and gap', params: slugParams, querystring: heatmapQuery, response: responses({ 200: heatmapDto }) } }, async (request) =>
    alignment.heatmap(await tenantContext(request), request.query),
  );
};
