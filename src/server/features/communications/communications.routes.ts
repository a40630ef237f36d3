import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, listQuery, pageOf, slugParams } from '../../../shared/common.contract.js';
import * as c from '../../../shared/communications.contract.js';
import { noContent, responses } from '../../platform/http/schemas.js';
import { requestContext } from '../../platform/context.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as announcements from './announcements.service.js';
import * as digests from './digest.service.js';
import * as schedule from './digest.schedule.js';
import * as preferences from './preferences.service.js';

export const announcementsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['communications'];
  const base = '/coalitions/:slug/announcements';

  app.post(`${base}/preview`, { schema: { tags, summary: 'Who an audience reaches: counts and a sample by name; sends nothing (Coordinator)', params: slugParams, body: c.audiencePreviewInput, response: responses({ 200: c.audiencePreviewDto }) } }, async (request) =>
    announcements.previewAudience(await tenantContext(request), request.body.audience),
  );
  app.get(base, { schema: { tags, summary: 'Announcements, newest first (the Coordinator sees all; others those they received)', params: slugParams, querystring: c.announcementListQuery, response: responses({ 200: pageOf(c.announcementDto) }) } }, async (request) =>
    announcements.listAnnouncements(await tenantContext(request), request.query),
  );
  app.post(base, { schema: { tags, summary: 'Write an announcement to a segment (a draft, or sent at once with send: true)', params: slugParams, body: c.announcementCreateInput, response: responses({ 201: c.announcementDto }) } }, async (request, reply) =>
    reply.status(201).send(await announcements.createAnnouncement(await tenantContext(request), request.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'An announcement (the Coordinator, or a recipient)', params: idParams, response: responses({ 200: c.announcementDto }) } }, async (request) =>
    announcements.getAnnouncement(await tenantContext(request), request.params.id),
  );
  app.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a draft announcement', params: idParams, body: c.announcementUpdateInput, response: responses({ 200: c.announcementDto }) } }, async (request) =>
    announcements.updateAnnouncement(await tenantContext(request), request.params.id, request.body),
  );
  app.delete(`${base}/:id`, { schema: { tags, summary: 'Discard a draft announcement', params: idParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    await announcements.deleteAnnouncement(await tenantContext(request), request.params.id);
    return reply.status(204).send(null);
  });
  app.post(`${base}/:id/send`, { schema: { tags, summary: 'Send a draft: a background job mails the segment (honouring preferences) and notifies them in the app', params: idParams, response: responses({ 200: c.announcementDto }) } }, async (request) =>
    announcements.sendAnnouncement(await tenantContext(request), request.params.id),
  );
  app.get(`${base}/:id/deliveries`, { schema: { tags, summary: 'The delivery record: each recipient and whether they were mailed', params: idParams, querystring: c.deliveryListQuery, response: responses({ 200: pageOf(c.deliveryDto) }) } }, async (request) =>
    announcements.listDeliveries(await tenantContext(request), request.params.id, request.query),
  );
};

export const digestRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['communications'];
  const base = '/coalitions/:slug/digests';

  app.get(base, { schema: { tags, summary: 'Weekly digest runs, newest week first (Coordinator)', params: slugParams, querystring: listQuery.omit({ q: true }), response: responses({ 200: pageOf(c.digestRunDto) }) } }, async (request) =>
    digests.listDigestRuns(await tenantContext(request), request.query),
  );
  app.post(base, { schema: { tags, summary: 'Start the week’s digest run in batches (the week’s run, if it exists, is returned with 200)', params: slugParams, body: c.digestRunInput, response: responses({ 200: c.digestRunDto, 201: c.digestRunDto }) } }, async (request, reply) => {
    const { run, created } = await digests.startDigestRun(await tenantContext(request), request.body);
    return reply.status(created ? 201 : 200).send(run);
  });
  app.get(`${base}/schedule`, { schema: { tags, summary: 'When the weekly digest starts itself, and its last and next run (Coordinator)', params: slugParams, response: responses({ 200: c.digestScheduleDto }) } }, async (request) =>
    schedule.getDigestSchedule(await tenantContext(request)),
  );
  app.put(`${base}/schedule`, { schema: { tags, summary: 'Set the weekday and hour (coalition time zone) the weekly digest starts itself, or turn it off (Coordinator)', params: slugParams, body: c.digestScheduleInput, response: responses({ 200: c.digestScheduleDto }) } }, async (request) =>
    schedule.updateDigestSchedule(await tenantContext(request), request.body),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'A digest run and its progress', params: idParams, response: responses({ 200: c.digestRunDto }) } }, async (request) =>
    digests.getDigestRun(await tenantContext(request), request.params.id),
  );
  app.get('/coalitions/:slug/communications/digest-preview', { schema: { tags, summary: 'Your own weekly digest, as it would be mailed', params: slugParams, querystring: c.digestPreviewQuery, response: responses({ 200: c.digestPreviewDto }) } }, async (request) =>
    digests.previewOwnDigest(await tenantContext(request), request.query),
  );
};

export const preferencesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['communications'];
  const base = '/coalitions/:slug/communications/preferences';
  app.get(base, { schema: { tags, summary: 'Your mail preferences in this coalition', params: slugParams, response: responses({ 200: c.preferencesDto }) } }, async (request) =>
    preferences.getOwnPreferences(await tenantContext(request)),
  );
  app.put(base, { schema: { tags, summary: 'Choose what mail you receive, or unsubscribe / resubscribe', params: slugParams, body: c.preferencesUpdateInput, response: responses({ 200: c.preferencesDto }) } }, async (request) =>
    preferences.updateOwnPreferences(await tenantContext(request), request.body),
  );
};

/** The unsubscribe link: no sign-in; the signed token is the authority (RFC 8058 one-click POST). */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['communications'];
  // Mail providers POST `List-Unsubscribe=One-Click` as a form; the body's content does not matter.
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => done(null, body));
  app.get('/unsubscribe/:token', { schema: { tags, summary: 'What an unsubscribe link would do (changes nothing)', params: c.unsubscribeParams, response: responses({ 200: c.unsubscribeInfoDto }) } }, async (request) =>
    preferences.unsubscribeInfo(requestContext(request), request.params.token),
  );
  app.post('/unsubscribe/:token', { schema: { tags, summary: 'One-click unsubscribe (RFC 8058): no coalition mail any more', params: c.unsubscribeParams, response: responses({ 200: c.unsubscribeResultDto }) } }, async (request) =>
    preferences.unsubscribeWithToken(requestContext(request), request.params.token),
  );
};
