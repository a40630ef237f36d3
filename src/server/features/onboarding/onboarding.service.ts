import { DATA_SHARING_AGREEMENT_VERSION, type OnboardingDto, type OnboardingListQuery } from '../../../shared/onboarding.contract.js';
import type { OrganizationType, Page } from '../../../shared/common.contract.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord, can } from '../../platform/permissions.js';
import './onboarding.policy.js';
import * as q from './onboarding.queries.js';
import { dataSharingAcceptances } from './onboarding.table.js';

export function toOnboardingDto(row: q.OnboardingRow): OnboardingDto {
  const type = row.organizationType;
  const needsApply = type === 'employer' || row.isEducation;
  const checks = [
    { key: 'points_of_contact' as const, applicable: true, done: row.pointsOfContact },
    { key: 'needs_or_programs' as const, applicable: needsApply, done: type === 'employer' ? row.hiringNeeds : row.isEducation ? row.programs : false },
    { key: 'first_meeting' as const, applicable: true, done: row.firstMeeting },
    { key: 'data_sharing' as const, applicable: true, done: row.dataSharingAcceptedAt !== null },
  ];
  const applicable = checks.filter((c) => c.applicable);
  const done = applicable.filter((c) => c.done).length;
  const { joinedAt, dataSharingAcceptedAt } = isoDates({ joinedAt: row.joinedAt, dataSharingAcceptedAt: row.dataSharingAcceptedAt });
  return {
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    organizationType: type as OrganizationType,
    joinedAt,
    checks,
    done,
    applicable: applicable.length,
    progress: Math.round((100 * done) / applicable.length),
    dataSharingAcceptedAt,
  };
}

export async function listOnboarding(ctx: TenantCtx, query: OnboardingListQuery): Promise<Page<OnboardingDto>> {
  authorize(ctx, 'onboarding.list');
  const seesAll = can({ actor: ctx.actor, principal: ctx.principal }, 'onboarding.read', { organizationId: '' });
  if (!seesAll && !ctx.principal.organizationId) return { items: [], nextCursor: null };
  const rows = await q.listOnboarding(ctx.db, ctx.coalition.id, seesAll ? query : { ...query, organizationId: ctx.principal.organizationId! });
  const page = toPage(rows, query.limit, (r) => [r.organizationName, r.organizationId]);
  return { items: page.items.map(toOnboardingDto), nextCursor: page.nextCursor };
}

export async function getOnboarding(ctx: TenantCtx, organizationId: string): Promise<OnboardingDto> {
  const row = await authorizeRecord(ctx, 'onboarding.read', () => q.findOnboarding(ctx.db, ctx.coalition.id, organizationId), 'Organization');
  return toOnboardingDto(row);
}

export async function acceptDataSharing(ctx: TenantCtx, organizationId: string): Promise<OnboardingDto> {
  await authorizeRecord(ctx, 'onboarding.acceptDataSharing', () => q.findOnboarding(ctx.db, ctx.coalition.id, organizationId), 'Organization');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dataSharingAcceptances)
      .values({ coalitionId: ctx.coalition.id, organizationId, agreementVersion: DATA_SHARING_AGREEMENT_VERSION, acceptedBy: ctx.principal.personId })
      .onConflictDoNothing()
      .returning({ organizationId: dataSharingAcceptances.organizationId });
    if (!row) throw new AppError('conflict', 'This organization has already accepted the data-sharing agreement');
    await recordAudit(tx, ctx, { action: 'accept', entityType: 'data_sharing_agreement', entityId: organizationId, changes: { version: DATA_SHARING_AGREEMENT_VERSION } });
  });
  return getOnboarding(ctx, organizationId);
}
