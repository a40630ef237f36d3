import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { GuardianConsentDto, ShareDto, guardianConsentInput } from '../../../shared/students.contract.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { authorizeRecord } from '../../platform/permissions.js';
import './students.policy.js';
import * as q from './students.queries.js';
import { loadVisible } from './students.service.js';
import { guardianConsents, studentShares } from './students.table.js';
import { isMinor } from './students.visibility.js';

/** The student shows their profile to an employer. */
export async function shareWith(ctx: TenantCtx, studentId: string, employerId: string): Promise<ShareDto[]> {
  const student = await authorizeRecord(ctx, 'student.share', () => loadVisible(ctx, studentId), 'Student');
  const employer = await q.organizationById(ctx.db, ctx.coalition.id, employerId);
  if (!employer) throw invalidField('employerId', 'No such organization in this coalition');
  if (employer.id === student.institutionId) throw invalidField('employerId', 'Your own institution already holds your record');
  await ctx.db.transaction(async (tx) => {
    const [added] = await tx.insert(studentShares).values({ coalitionId: ctx.coalition.id, studentId, organizationId: employerId }).onConflictDoNothing().returning();
    if (added) await recordAudit(tx, ctx, { action: 'share', entityType: 'student', entityId: studentId, changes: { employerId, employerName: employer.name } });
  });
  return (await q.sharesOf(ctx.db, ctx.coalition.id, studentId)).map(isoDates);
}

/** Stops showing the profile to an employer (applications already sent stay with their host). */
export async function unshare(ctx: TenantCtx, studentId: string, employerId: string): Promise<void> {
  await authorizeRecord(ctx, 'student.unshare', () => loadVisible(ctx, studentId), 'Student');
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(studentShares)
      .where(and(eq(studentShares.coalitionId, ctx.coalition.id), eq(studentShares.studentId, studentId), eq(studentShares.organizationId, employerId)))
      .returning();
    if (!removed) throw notFound('Share');
    await recordAudit(tx, ctx, { action: 'unshare', entityType: 'student', entityId: studentId, changes: { employerId } });
  });
}

/** Records a guardian's consent for a minor (by the school or the Coordinator). */
export async function recordConsent(ctx: TenantCtx, studentId: string, input: z.infer<typeof guardianConsentInput>): Promise<GuardianConsentDto> {
  const student = await authorizeRecord(ctx, 'student.recordConsent', () => loadVisible(ctx, studentId), 'Student');
  if (!isMinor(student.dateOfBirth)) throw new AppError('conflict', 'This student is an adult: no guardian consent is needed');
  if (input.givenOn > new Date().toISOString().slice(0, 10)) throw invalidField('givenOn', 'Consent cannot be given in the future');
  await ctx.db.transaction(async (tx) => {
    if (await q.activeConsentOf(tx, ctx.coalition.id, studentId)) throw new AppError('conflict', 'A guardian’s consent is already on record: revoke it first to record another');
    const id = newId();
    await tx.insert(guardianConsents).values({ coalitionId: ctx.coalition.id, id, studentId, ...input, recordedByUserId: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'record_consent', entityType: 'student', entityId: studentId, changes: { consentId: id, relationship: input.relationship, method: input.method, givenOn: input.givenOn } });
  });
  return isoDates((await q.activeConsentOf(ctx.db, ctx.coalition.id, studentId))!);
}

/** Revokes the consent on record: from now on employers see nothing of this minor. */
export async function revokeConsent(ctx: TenantCtx, studentId: string): Promise<void> {
  await authorizeRecord(ctx, 'student.recordConsent', () => loadVisible(ctx, studentId), 'Student');
  await ctx.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(guardianConsents)
      .set({ revokedAt: new Date(), revokedByUserId: ctx.actor.userId })
      .where(and(eq(guardianConsents.coalitionId, ctx.coalition.id), eq(guardianConsents.studentId, studentId), isNull(guardianConsents.revokedAt)))
      .returning({ id: guardianConsents.id });
    if (!revoked) throw notFound('Guardian consent');
    await recordAudit(tx, ctx, { action: 'revoke_consent', entityType: 'student', entityId: studentId, changes: { consentId: revoked.id } });
  });
}
