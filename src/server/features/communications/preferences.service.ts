import { and, eq, sql } from 'drizzle-orm';
import type { PreferencesDto, PreferencesUpdateInput, UnsubscribeInfoDto, UnsubscribeResultDto } from '../../../shared/communications.contract.js';
import type { Executor } from '../../db/client.js';
import { coalitions, people } from '../../db/schema.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { Ctx, TenantCtx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import { communicationPreferences } from './communications.table.js';
import { verifyUnsubscribeToken } from './unsubscribe.js';

const defaults = { announcements: true, digest: true, meetingFollowUps: true, unsubscribedAt: null as Date | null };

async function load(db: Executor, coalitionId: string, personId: string) {
  const [row] = await db
    .select({ email: people.email, announcements: communicationPreferences.announcements, digest: communicationPreferences.digest, meetingFollowUps: communicationPreferences.meetingFollowUps, unsubscribedAt: communicationPreferences.unsubscribedAt })
    .from(people)
    .leftJoin(communicationPreferences, and(eq(communicationPreferences.coalitionId, people.coalitionId), eq(communicationPreferences.personId, people.id)))
    .where(and(eq(people.coalitionId, coalitionId), eq(people.id, personId)));
  return row;
}

function toDto(row: NonNullable<Awaited<ReturnType<typeof load>>>): PreferencesDto {
  return {
    email: row.email || null,
    announcements: row.announcements ?? defaults.announcements,
    digest: row.digest ?? defaults.digest,
    meetingFollowUps: row.meetingFollowUps ?? defaults.meetingFollowUps,
    unsubscribedAt: row.unsubscribedAt?.toISOString() ?? null,
  };
}

/** One's own preferences: no row means everything is on. */
export async function getOwnPreferences(ctx: TenantCtx): Promise<PreferencesDto> {
  authorize(ctx, 'communicationPreferences.manageOwn');
  const row = await load(ctx.db, ctx.coalition.id, ctx.principal.personId);
  if (!row) throw new AppError('not_found', 'Person not found');
  return toDto(row);
}

export async function updateOwnPreferences(ctx: TenantCtx, input: PreferencesUpdateInput): Promise<PreferencesDto> {
  authorize(ctx, 'communicationPreferences.manageOwn');
  const coalitionId = ctx.coalition.id;
  const personId = ctx.principal.personId;
  const set = {
    ...(input.announcements !== undefined ? { announcements: input.announcements } : {}),
    ...(input.digest !== undefined ? { digest: input.digest } : {}),
    ...(input.meetingFollowUps !== undefined ? { meetingFollowUps: input.meetingFollowUps } : {}),
    ...(input.subscribed === true ? { unsubscribedAt: null } : {}),
    ...(input.subscribed === false ? { unsubscribedAt: sql`coalesce(${communicationPreferences.unsubscribedAt}, now())` } : {}),
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(communicationPreferences)
      .values({ coalitionId, personId, ...defaults, ...set, ...(input.subscribed === false ? { unsubscribedAt: new Date() } : {}) })
      .onConflictDoUpdate({ target: [communicationPreferences.coalitionId, communicationPreferences.personId], set: { ...set, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'communication_preferences', entityId: personId, changes: { ...input } });
  });
  return getOwnPreferences(ctx);
}

function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

async function tokenHolder(ctx: Ctx, token: string) {
  authorize(ctx, 'unsubscribe.withToken');
  const { coalitionId, personId } = await verifyUnsubscribeToken(ctx.db, token);
  const [[coalition], row] = await Promise.all([ctx.db.select({ name: coalitions.name }).from(coalitions).where(eq(coalitions.id, coalitionId)), load(ctx.db, coalitionId, personId)]);
  if (!coalition || !row) throw new AppError('not_found', 'This unsubscribe link is not valid');
  return { coalitionId, personId, coalitionName: coalition.name, row };
}

/** What the link would do; changes nothing (mail scanners follow links). */
export async function unsubscribeInfo(ctx: Ctx, token: string): Promise<UnsubscribeInfoDto> {
  const holder = await tokenHolder(ctx, token);
  return { coalitionName: holder.coalitionName, email: maskEmail(holder.row.email), unsubscribed: holder.row.unsubscribedAt !== null };
}

/** RFC 8058 one-click: no announcement, digest or meeting mail from this coalition any more. Idempotent. */
export async function unsubscribeWithToken(ctx: Ctx, token: string): Promise<UnsubscribeResultDto> {
  const holder = await tokenHolder(ctx, token);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(communicationPreferences)
      .values({ coalitionId: holder.coalitionId, personId: holder.personId, unsubscribedAt: new Date() })
      .onConflictDoUpdate({ target: [communicationPreferences.coalitionId, communicationPreferences.personId], set: { unsubscribedAt: sql`coalesce(${communicationPreferences.unsubscribedAt}, now())`, updatedAt: new Date() } });
    // No signed-in actor: the audit row names the link as the means.
    await tx.insert(auditLog).values({ coalitionId: holder.coalitionId, id: newId(), actorUserId: ctx.actor?.userId ?? null, action: 'unsubscribe', entityType: 'communication_preferences', entityId: holder.personId, changes: { via: 'one_click_link' } });
  });
  return { coalitionName: holder.coalitionName, unsubscribed: true };
}
