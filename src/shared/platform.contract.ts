import { z } from 'zod';
import { isoDateTime, listQuery, uuid } from './common.contract.js';

export const healthDto = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export const auditEntryDto = z.object({
  id: uuid,
  at: isoDateTime,
  actorUserId: uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;
export const auditListQuery = listQuery.extend({ entityType: z.string().max(60).optional(), entityId: z.string().max(100).optional() });

export const mailMessageDto = z.object({
  id: uuid,
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  kind: z.string(),
  status: z.enum(['outbox', 'sent', 'failed']),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
});
export type MailMessageDto = z.infer<typeof mailMessageDto>;

export const importStatusDto = z.object({
  id: uuid,
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  phase: z.string().nullable(),
  processed: z.number().int(),
  total: z.number().int().nullable(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
});
export type ImportStatusDto = z.infer<typeof importStatusDto>;
