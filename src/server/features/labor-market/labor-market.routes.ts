import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../shared/common.contract.js';
import { datasetDto, factDto, hubDto, occupationDetailDto, occupationsQuery, occupationsResponse, rankingDto, type OccupationsResponse } from '../../../shared/labor-market.contract.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as exports from './labor-market.export.js';
import * as laborMarket from './labor-market.service.js';

const socParam = z.string().regex(/^\d{2}-\d{4}$/, 'A SOC code such as 15-1252');

export const laborMarketRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['labor-market'];
  const base = '/coalitions/:slug/labor-market';

  app.get(`${base}/regions`, { schema: { tags, summary: 'Regions with projections', params: slugParams, response: responses({ 200: z.object({ items: z.array(z.object({ slug: z.string(), name: z.string() })) }) }) } }, async (request) =>
    laborMarket.listRegions(await tenantContext(request)),
  );

  app.get(`${base}/occupations`, { schema: { tags, summary: 'Projections per occupation in a region, with totals, sources and consistency flags', params: slugParams, querystring: occupationsQuery, response: responses({ 200: occupationsResponse }) } }, async (request, reply) =>
    // The list is ~800 rows: sent as the service's JSON bytes (as the master plan is), not re-validated row by row through Zod.
    reply.type('application/json; charset=utf-8').send((await laborMarket.listOccupationsBody(await tenantContext(request), request.query)) as unknown as OccupationsResponse),
  );

  app.get(`${base}/occupations.csv`, { schema: { tags, summary: 'The projections table as CSV', params: slugParams, querystring: occupationsQuery, response: responses({ 200: z.string().describe('text/csv') }) } }, async (request, reply) =>
    exports.sendCsv(reply, 'occupations.csv', await exports.occupationsCsv(await tenantContext(request), request.query)),
  );

  app.get(`${base}/occupations/:soc`, { schema: { tags, summary: 'One occupation: both SOC codes, projections, skills, job zone, programs, hubs', params: slugParams.extend({ soc: socParam }), response: responses({ 200: occupationDetailDto }) } }, async (request) =>
    laborMarket.getOccupation(await tenantContext(request), request.params.soc),
  );

  app.get(`${base}/hubs`, { schema: { tags, summary: 'Tech hubs compared, with employment per occupation and flags', params: slugParams, response: responses({ 200: z.object({ items: z.array(hubDto) }) }) } }, async (request) =>
    laborMarket.listHubs(await tenantContext(request)),
  );

  app.get(`${base}/hubs.csv`, { schema: { tags, summary: 'The hub comparison as CSV', params: slugParams, response: responses({ 200: z.string().describe('text/csv') }) } }, async (request, reply) =>
    exports.sendCsv(reply, 'hubs.csv', await exports.hubsCsv(await tenantContext(request))),
  );

  app.get(`${base}/facts`, { schema: { tags, summary: 'Facts about the region, each with its source and flags', params: slugParams, response: responses({ 200: z.object({ items: z.array(factDto) }) }) } }, async (request) =>
    laborMarket.listFacts(await tenantContext(request)),
  );

  app.get(`${base}/rankings`, { schema: { tags, summary: 'Ranked lists from sources (top growth jobs, top companies hiring)', params: slugParams, response: responses({ 200: z.object({ items: z.array(rankingDto) }) }) } }, async (request) =>
    laborMarket.listRankings(await tenantContext(request)),
  );

  app.get(`${base}/datasets`, { schema: { tags, summary: 'Where every figure comes from: the coalition’s datasets and the reference data', params: slugParams, response: responses({ 200: z.object({ items: z.array(datasetDto) }) }) } }, async (request) =>
    laborMarket.listDatasets(await tenantContext(request)),
  );
};
