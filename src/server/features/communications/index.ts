import type { FastifyPluginAsync } from 'fastify';
import { announcementsRoutes, digestRoutes, preferencesRoutes, unsubscribeRoutes } from './communications.routes.js';
import './communications.policy.js';
import './announcements.send.js';
import './digest.schedule.js';

/** Every route of the room: announcements, digests, preferences and the unsubscribe link. */
export const communicationsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(announcementsRoutes);
  await app.register(digestRoutes);
  await app.register(preferencesRoutes);
  await app.register(unsubscribeRoutes);
};
export { bulkMailPlan, optedOut, unsubscribeParts, type MailCategory } from './unsubscribe.js';
export { DIGEST_BATCH_JOB, DIGEST_BATCH_SIZE, startDigestRun } from './digest.service.js';
export { DIGEST_SCHEDULED_JOB, queueDueDigests } from './digest.schedule.js';
