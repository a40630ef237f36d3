import type { Executor } from '../../db/client.js';
import type { TenantCtx } from '../context.js';
import { newId } from '../auth/secrets.js';
import { auditLog } from './audit.table.js';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | (string & {});
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
}

/** Writes one audit row in the same transaction as the change it records. */
export async function recordAudit(tx: Executor, ctx: TenantCtx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    coalitionId: ctx.coalition.id,
    id: newId(),
    actorUserId: ctx.actor.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: entry.changes ?? null,
  });
}

/** The fields a patch actually changed, for the audit row. */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = { from: before[key], to: value };
  }
  return changes;
}
