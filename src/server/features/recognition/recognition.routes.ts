import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../shared/common.contract.js';
import { awardsDto, awardsQuery, credentialParams, decisionInput, nominationCreateInput, programConfig, roundCreateInput, roundDto, roundParams, roundsDto, scoreQuery, scoresDto } from '../../../shared/recognition.contract.js';
import { requestContext } from '../../platform/context.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { workerModule, workersOf } from '../../platform/workers/worker-pool.js';
import { loadPublicAward, openBadgeCredential } from './credential.service.js';
import * as recognition from './recognition.service.js';
import * as rounds from './rounds.service.js';

const certificate = workerModule<typeof import('./certificate.pdf.js')>(new URL('./certificate.pdf.js', import.meta.url));

export const recognitionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['recognition'];
  const base = '/coalitions/:slug/recognition';

  app.get(`${base}/program`, { schema: { tags, summary: 'The recognition program: criteria per member type, weights, thresholds, tiers', params: slugParams, response: responses({ 200: programConfig }) } }, async (request) =>
    recognition.getProgram(await tenantContext(request)),
  );
  app.put(`${base}/program`, { schema: { tags, summary: 'Configure the recognition program (Coordinator)', params: slugParams, body: programConfig, response: responses({ 200: programConfig }) } }, async (request) =>
    recognition.configureProgram(await tenantContext(request), request.body),
  );
  app.get(`${base}/scores`, { schema: { tags, summary: 'Every employer’s and institution’s score for a year, computed from records', params: slugParams, querystring: scoreQuery, response: responses({ 200: scoresDto }) } }, async (request) =>
    recognition.getScores(await tenantContext(request), request.query.year),
  );
  app.get(`${base}/rounds`, { schema: { tags, summary: 'Recognition rounds with their nominations and decisions', params: slugParams, response: responses({ 200: roundsDto }) } }, async (request) =>
    rounds.listRounds(await tenantContext(request)),
  );
  app.post(`${base}/rounds`, { schema: { tags, summary: 'Open nominations for a year (Coordinator)', params: slugParams, body: roundCreateInput, response: responses({ 201: roundDto }) } }, async (request, reply) =>
    reply.status(201).send(await rounds.openRound(await tenantContext(request), request.body.year)),
  );
  app.post(`${base}/rounds/:id/nominations`, { schema: { tags, summary: 'Nominate an employer or institution (Coordinator, Leadership Council); its score is kept', params: roundParams, body: nominationCreateInput, response: responses({ 201: roundDto }) } }, async (request, reply) =>
    reply.status(201).send(await rounds.nominate(await tenantContext(request), request.params.id, request.body)),
  );
  app.post(`${base}/nominations/:id/decision`, { schema: { tags, summary: 'The review committee (Leadership Council) approves or declines; approval issues the award', params: roundParams, body: decisionInput, response: responses({ 200: roundDto }) } }, async (request) =>
    rounds.decide(await tenantContext(request), request.params.id, request.body),
  );
  app.post(`${base}/rounds/:id/endorse`, { schema: { tags, summary: 'A government office formally recognizes the round’s partners', params: roundParams, response: responses({ 200: roundDto }) } }, async (request) =>
    rounds.endorseRound(await tenantContext(request), request.params.id),
  );
  app.post(`${base}/rounds/:id/close`, { schema: { tags, summary: 'Close a round (Coordinator)', params: roundParams, response: responses({ 200: roundDto }) } }, async (request) =>
    rounds.closeRound(await tenantContext(request), request.params.id),
  );
  app.get(`${base}/awards`, { schema: { tags, summary: 'Awards with their certificate (PDF) and public Open Badges 3.0 credential', params: slugParams, querystring: awardsQuery, response: responses({ 200: awardsDto }) } }, async (request) =>
    rounds.listAwards(await tenantContext(request), request.query.year),
  );

  app.get('/credentials/:id', { schema: { tags, summary: 'A public, verifiable Open Badges 3.0 credential (no sign-in)', security: [], params: credentialParams, response: responses({ 200: z.record(z.string(), z.unknown()) }) } }, async (request, reply) =>
    reply.type('application/ld+json; charset=utf-8').send(openBadgeCredential(await loadPublicAward(requestContext(request), request.params.id))),
  );
  app.get('/credentials/:id/certificate.pdf', { schema: { tags, summary: 'The award’s certificate of recognition (PDF, no sign-in)', security: [], params: credentialParams, response: responses({ 200: z.any().describe('application/pdf') }) } }, async (request, reply) => {
    const award = await loadPublicAward(requestContext(request), request.params.id);
    const name = award.organizationName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="certificate-${name}-${award.year}.pdf"`).send(await workersOf(app.services).run(certificate, 'certificatePdf', [award]));
  });
};
