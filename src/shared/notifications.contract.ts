import { z } from 'zod';
import { isoDateTime, listQuery, uuid } from './common.contract.js';

/** Kinds of notification the rooms send; the web turns each into a sentence and a link. */
export const notificationKinds = [
  'curriculum.proposal_created',
  'curriculum.comment',
  'curriculum.status_changed',
  'curriculum.matches_need',
  'points_of_contact.request',
  'communications.announcement',
] as const;

export const notificationDto = z.object({
  id: uuid,
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export type NotificationDto = z.infer<typeof notificationDto>;

export const notificationListQuery = listQuery.omit({ q: true }).extend({
  unread: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationPage = z.object({ items: z.array(notificationDto), nextCursor: z.string().nullable(), unreadCount: z.number().int() });
export const markAllReadDto = z.object({ updated: z.number().int() });
