import { and, eq } from 'drizzle-orm';
import type { ApplicationDto, PlacementInput } from '../../../shared/applications.contract.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { authorizeRecord } from '../../platform/permissions.js';
import './applications.policy.js';
import * as q from './applications.queries.js';
import { getApplication, loadVisible } from './applications.service.js';
import { placements } from './applications.table.js';

async function placementOf(ctx: TenantCtx, applicationId: string) {
  const [placement] = await q.placementsOf(ctx.db, ctx.coalition.id, [applicationId]);
  if (!placement) throw new AppError('conflict', 'This application has no placement yet: it is placed first');
  return placement;
}

/** Hours, supervisor and dates of a placement (the host or the Coordinator); locked once signed off. */
export async function updatePlacement(ctx: TenantCtx, applicationId: string, patch: PlacementInput): Promise<ApplicationDto> {
  await authorizeRecord(ctx, 'application.updatePlacement', () => loadVisible(ctx, applicationId), 'Application');
  const before = await placementOf(ctx, applicationId);
  if (before.signedOffAt) throw new AppError('conflict', 'The supervisor signed this placement off: it can no longer change');
  const startedOn = patch.startedOn !== undefined ? patch.startedOn : before.startedOn;
  const endedOn = patch.endedOn !== undefined ? patch.endedOn : before.endedOn;
  if (startedOn && endedOn && endedOn < startedOn) throw invalidField('endedOn', 'Ends before it starts');
  const changes = changedFields(before as Record<string, unknown>, patch);
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(placements)
        .set({ ...patch, hoursCompleted: patch.hoursCompleted ?? undefined, updatedAt: new Date() })
        .where(and(eq(placements.coalitionId, ctx.coalition.id), eq(placements.applicationId, applicationId)));
      await recordAudit(tx, ctx, { action: 'update_placement', entityType: 'application', entityId: applicationId, changes });
    });
  }
  return getApplication(ctx, applicationId);
}

/** The supervisor's sign-off on the hours worked (the host's staff or the Coordinator). */
export async function signOffPlacement(ctx: TenantCtx, applicationId: string): Promise<ApplicationDto> {
  await authorizeRecord(ctx, 'application.signOff', () => loadVisible(ctx, applicationId), 'Application');
  const placement = await placementOf(ctx, applicationId);
  if (placement.signedOffAt) throw new AppError('conflict', 'Already signed off');
  if (!placement.supervisorName) throw invalidField('supervisorName', 'Name the supervisor before signing off');
  if (placement.hoursCompleted <= 0) throw invalidField('hoursCompleted', 'Record the hours worked before signing off');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(placements)
      .set({ signedOffAt: new Date(), signedOffByUserId: ctx.actor.userId, updatedAt: new Date() })
      .where(and(eq(placements.coalitionId, ctx.coalition.id), eq(placements.applicationId, applicationId)));
    await recordAudit(tx, ctx, { action: 'sign_off_placement', entityType: 'application', entityId: applicationId, changes: { hoursCompleted: placement.hoursCompleted, supervisorName: placement.supervisorName } });
  });
  return getApplication(ctx, applicationId);
}
