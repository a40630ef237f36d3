import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, slugParams, uuid } from '../../../shared/common.contract.js';
import { markAllReadDto, notificationDto, notificationListQuery, notificationPage } from '../../../shared/notifications.contract.js';
import { responses } from '../http/schemas.js';
import { tenantContext } from '../tenancy.js';
import * as notifications from './notifications.js';

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];
  const base = '/coalitions/:slug/notifications';

  app.get(base, { schema: { tags, summary: 'The signed-in member’s notifications, newest first, with the unread count', params: slugParams, querystring: notificationListQuery, response: responses({ 200: notificationPage }) } }, async (request) =>
    notifications.listNotifications(await tenantContext(request), request.query),
  );

  app.post(`${base}/:id/read`, { schema: { tags, summary: 'Mark one of your notifications read', params: idParams, response: responses({ 200: notificationDto }) } }, async (request) =>
    notifications.markRead(await tenantContext(request), request.params.id),
  );

  app.post(`${base}/read`, { schema: { tags, summary: 'Mark your notifications read: all of them, or the ids given', params: slugParams, body: z.object({ ids: z.array(uuid).max(200).optional() }).optional(), response: responses({ 200: markAllReadDto }) } }, async (request) =>
    notifications.markAllRead(await tenantContext(request), request.body?.ids),
  );
};
