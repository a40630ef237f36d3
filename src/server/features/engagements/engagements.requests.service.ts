import { and, eq } from 'drizzle-orm';
import type { Page } from '../../../shared/common.contract.js';
import { capacityOf, type CapacityKind, type EngagementKind, type EngagementListQuery, type EngagementRequestDto, type EngagementRequestUpdateInput, type EngagementStatus, type engagementRequestInput } from '../../../shared/engagements.contract.js';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { encodeCursor } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import './engagements.policy.js';
import * as q from './engagements.queries.js';
import { engagementRequests } from './engagements.table.js';

const SCHOOL_TYPES = ['k12', 'college', 'university'];
const capacityLabel: Record<CapacityKind, string> = { interns: 'interns', speakers: 'speakers', externshipHosts: 'externship hosts', mentors: 'mentors' };

const toDto = (row: q.RequestRow): EngagementRequestDto => ({
  ...isoDates(row),
  kind: row.kind as EngagementKind,
  capacityKind: row.capacityKind as CapacityKind,
  status: row.status as EngagementStatus,
});

async function get(ctx: TenantCtx, id: string): Promise<EngagementRequestDto> {
  return toDto((await q.findRequest(ctx.db, ctx.coalition.id, id, undefined))!);
}

export async function listRequests(ctx: TenantCtx, query: EngagementListQuery): Promise<Page<EngagementRequestDto>> {
  authorize(ctx, 'engagement.request.list');
  const rows = await q.listRequests(ctx.db, ctx.coalition.id, query, q.visibleRequests(ctx.principal));
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return { items: items.map(toDto), nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
}

export async function getRequest(ctx: TenantCtx, id: string): Promise<EngagementRequestDto> {
  return toDto(await authorizeRecord(ctx, 'engagement.request.read', () => q.findRequest(ctx.db, ctx.coalition.id, id, q.visibleRequests(ctx.principal)), 'Engagement request'));
}

/** Two schools asking the same employer for the same day: the second is told which request holds it. */
async function guardDuplicate(db: Executor, ctx: TenantCtx, employerId: string | null | undefined, requestedOn: string, exceptId?: string) {
  if (!employerId) return;
  const clash = await q.clashingRequest(db, ctx.coalition.id, employerId, requestedOn, exceptId);
  if (clash) throw new AppError('conflict', `${clash.employerName} already has a ${clash.status} request for ${requestedOn} (“${clash.title}” from ${clash.schoolName}): pick another day or another employer`);
}

export async function createRequest(ctx: TenantCtx, input: z.infer<typeof engagementRequestInput>): Promise<EngagementRequestDto> {
  const schoolId = input.schoolId ?? ctx.principal.organizationId;
  authorize(ctx, 'engagement.request.create', { schoolId });
  if (!schoolId) throw invalidField('schoolId', 'Say which school the request is for');
  const school = await q.organizationById(ctx.db, ctx.coalition.id, schoolId);
  if (!school || !SCHOOL_TYPES.includes(school.type)) throw invalidField('schoolId', 'Not a school, college or university of this coalition');
  if (input.employerId && !(await q.organizationById(ctx.db, ctx.coalition.id, input.employerId))) throw invalidField('employerId', 'No such organization in this coalition');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await guardDuplicate(tx, ctx, input.employerId, input.requestedOn);
    await tx.insert(engagementRequests).values({
      coalitionId: ctx.coalition.id,
      id,
      kind: input.kind,
      capacityKind: capacityOf[input.kind],
      title: input.title,
      schoolId,
      employerId: input.employerId ?? null,
      requestedOn: input.requestedOn,
      quantity: input.quantity,
      notes: input.notes ?? null,
      requestedByPersonId: ctx.principal.personId,
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'engagement_request', entityId: id, changes: { kind: input.kind, schoolId, employerId: input.employerId ?? null, requestedOn: input.requestedOn } });
  });
  return get(ctx, id);
}

const allowedFrom: Record<string, EngagementStatus[]> = { requested: ['declined', 'cancelled'], brokered: ['delivered', 'cancelled'] };

export async function updateRequest(ctx: TenantCtx, id: string, patch: EngagementRequestUpdateInput): Promise<EngagementRequestDto> {
  const before = await authorizeRecord(ctx, 'engagement.request.update', () => q.findRequest(ctx.db, ctx.coalition.id, id, q.visibleRequests(ctx.principal)), 'Engagement request');
  if (patch.status && patch.status !== before.status) {
    if (patch.status !== 'cancelled') authorize(ctx, 'engagement.request.decide');
    if (!(allowedFrom[before.status] ?? []).includes(patch.status)) throw invalidField('status', `A ${before.status} request cannot become ${patch.status}`);
  }
  const changes = changedFields(before as Record<string, unknown>, patch);
  if (Object.keys(changes).length === 0) return getRequest(ctx, id);
  if ((changes.requestedOn || changes.quantity) && before.status !== 'requested') throw new AppError('conflict', 'The request is brokered: cancel it and file a new one to change its day or size');
  await ctx.db.transaction(async (tx) => {
    if (changes.requestedOn) await guardDuplicate(tx, ctx, before.employerId, patch.requestedOn!, id);
    await tx
      .update(engagementRequests)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(engagementRequests.coalitionId, ctx.coalition.id), eq(engagementRequests.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'engagement_request', entityId: id, changes });
  });
  return getRequest(ctx, id);
}

/** The Coordinator matches a request to an employer within the capacity it declared for that year. */
export async function brokerRequest(ctx: TenantCtx, id: string, input: { employerId?: string | null | undefined }): Promise<EngagementRequestDto> {
  authorize(ctx, 'engagement.request.broker');
  const before = await q.findRequest(ctx.db, ctx.coalition.id, id, undefined);
  if (!before) throw new AppError('not_found', 'Engagement request not found');
  if (before.status !== 'requested') throw new AppError('conflict', `This request is ${before.status}`);
  const employerId = input.employerId ?? before.employerId;
  if (!employerId) throw invalidField('employerId', 'Name the employer to broker this request with');
  const employer = await q.organizationById(ctx.db, ctx.coalition.id, employerId);
  if (!employer) throw invalidField('employerId', 'No such organization in this coalition');
  const year = Number(before.requestedOn.slice(0, 4));
  await ctx.db.transaction(async (tx) => {
    await guardDuplicate(tx, ctx, employerId, before.requestedOn, id);
    const { declared, committed } = await q.capacityFor(tx, ctx.coalition.id, employerId, year, before.capacityKind, id);
    const label = capacityLabel[before.capacityKind as CapacityKind];
    if (committed + before.quantity > declared) {
      throw new AppError('conflict', `${employer.name} declared ${declared} ${label} for ${year} and ${committed} are committed: ${before.quantity} more would exceed its capacity`);
    }
    await tx
      .update(engagementRequests)
      .set({ employerId, status: 'brokered', brokeredAt: new Date(), updatedAt: new Date() })
      .where(and(eq(engagementRequests.coalitionId, ctx.coalition.id), eq(engagementRequests.id, id)));
    await recordAudit(tx, ctx, { action: 'broker', entityType: 'engagement_request', entityId: id, changes: { employerId, capacity: { kind: before.capacityKind, declared, committedBefore: committed, quantity: before.quantity } } });
  });
  return get(ctx, id);
}
