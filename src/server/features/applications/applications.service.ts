import { and, eq } from 'drizzle-orm';
import type { Page } from '../../../shared/common.contract.js';
import { applicationTransitions, type ApplicationCreateInput, type ApplicationDto, type ApplicationListQuery, type ApplicationStatus, type ApplicationUpdateInput } from '../../../shared/applications.contract.js';
import type { OpportunityKind } from '../../../shared/opportunities.contract.js';
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { encodeCursor } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { logStudentAccess } from '../students/index.js';
import { checkEligibility, loadApplicant, loadOpenOpportunity } from './applications.eligibility.js';
import './applications.policy.js';
import type { ApplicationRelation } from './applications.policy.js';
import * as q from './applications.queries.js';
import { applicationStatusChanges, applications } from './applications.table.js';
import { applyStatusEffects } from './applications.effects.js';

export function relationOf(ctx: TenantCtx, row: q.ApplicationRow): ApplicationRelation {
  if (row.studentPersonId !== null && row.studentPersonId === ctx.principal.personId) return 'self';
  if (ctx.principal.roles.has('coordinator')) return 'coordinator';
  if (ctx.principal.organizationId === row.employerId) return 'host';
  return 'institution';
}

export async function loadVisible(ctx: TenantCtx, id: string, db: Executor = ctx.db) {
  const row = await q.findApplication(db, ctx.coalition.id, id, q.visibleApplications(ctx.principal));
  return row && { ...row, relation: relationOf(ctx, row) };
}

async function toDtos(db: Executor, coalitionId: string, rows: q.ApplicationRow[]): Promise<ApplicationDto[]> {
  const ids = rows.map((r) => r.id);
  const history = await q.historyOf(db, coalitionId, ids);
  const placements = await q.placementsOf(db, coalitionId, ids);
  return rows.map((row) => {
    const { studentPersonId: _p, studentInstitutionId: _i, ...rest } = row;
    const placement = placements.find((p) => p.applicationId === row.id);
    return {
      ...isoDates(rest),
      status: row.status as ApplicationStatus,
      opportunityKind: row.opportunityKind as OpportunityKind,
      history: history.filter((h) => h.applicationId === row.id).map(({ applicationId: _a, ...h }) => ({ ...isoDates(h), fromStatus: h.fromStatus as ApplicationStatus | null, toStatus: h.toStatus as ApplicationStatus })),
      placement: placement ? (({ applicationId: _a, ...p }) => ({ ...isoDates(p), outcome: p.outcome as 'hired_part_time' | 'hired_full_time' | 'not_hired' | null }))(placement) : null,
    };
  });
}

const accessOf = (rows: q.ApplicationRow[]) => rows.map((r) => ({ id: r.studentId, personId: r.studentPersonId }));

export async function listApplications(ctx: TenantCtx, query: ApplicationListQuery): Promise<Page<ApplicationDto>> {
  authorize(ctx, 'application.list');
  const rows = await q.listApplications(ctx.db, ctx.coalition.id, query, q.visibleApplications(ctx.principal));
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  await logStudentAccess(ctx.db, ctx, accessOf(items), 'GET /applications', 'application');
  return { items: await toDtos(ctx.db, ctx.coalition.id, items), nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
}

export async function getApplication(ctx: TenantCtx, id: string): Promise<ApplicationDto> {
  const row = await authorizeRecord(ctx, 'application.read', () => loadVisible(ctx, id), 'Application');
  await logStudentAccess(ctx.db, ctx, accessOf([row]), 'GET /applications/:id', 'application');
  return (await toDtos(ctx.db, ctx.coalition.id, [row]))[0]!;
}

export async function createApplication(ctx: TenantCtx, input: ApplicationCreateInput): Promise<ApplicationDto> {
  const student = await loadApplicant(ctx, input.studentId);
  authorize(ctx, 'application.create', student);
  const opportunity = await loadOpenOpportunity(ctx, input.opportunityId);
  checkEligibility(student, opportunity);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    if (await q.existingApplication(tx, ctx.coalition.id, student.id, opportunity.id)) throw new AppError('conflict', 'This student already applied to this opportunity');
    await tx.insert(applications).values({ coalitionId: ctx.coalition.id, id, studentId: student.id, opportunityId: opportunity.id, status: 'applied', note: input.note ?? null });
    await tx.insert(applicationStatusChanges).values({ coalitionId: ctx.coalition.id, id: newId(), applicationId: id, fromStatus: null, toStatus: 'applied', byUserId: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'application', entityId: id, changes: { studentId: student.id, opportunityId: opportunity.id, status: 'applied' } });
  });
  return getApplication(ctx, id);
}

/** Moves an application to its next status, recording who and when; placing, completing and hiring update the placement. */
export async function moveApplication(ctx: TenantCtx, id: string, input: ApplicationUpdateInput): Promise<ApplicationDto> {
  const before = await authorizeRecord(ctx, 'application.read', () => loadVisible(ctx, id), 'Application');
  const from = before.status as ApplicationStatus;
  const to = input.status;
  authorize(ctx, 'application.move', { relation: before.relation, from, to });
  if (from === to) return getApplication(ctx, id);
  if (!applicationTransitions[from].includes(to)) throw invalidField('status', `An application that is ${from} cannot become ${to}`);
  if (from === 'offered' && to === 'hired' && before.opportunityKind !== 'job') throw invalidField('status', `A ${before.opportunityKind.replaceAll('_', ' ')} is placed before it becomes a hire`);
  if (to === 'hired' && !input.hireType) throw invalidField('hireType', 'Say whether the hire is part_time or full_time');
  await ctx.db.transaction(async (tx) => {
    // Only from the status we read: two people moving it at once cannot both succeed.
    const [moved] = await tx
      .update(applications)
      .set({ status: to, updatedAt: new Date() })
      .where(and(eq(applications.coalitionId, ctx.coalition.id), eq(applications.id, id), eq(applications.status, from)))
      .returning({ id: applications.id });
    if (!moved) throw new AppError('conflict', 'Someone else changed this application’s status: reload and try again');
    await tx.insert(applicationStatusChanges).values({ coalitionId: ctx.coalition.id, id: newId(), applicationId: id, fromStatus: from, toStatus: to, byUserId: ctx.actor.userId, note: input.note ?? null });
    await applyStatusEffects(tx, ctx.coalition.id, before, to, input.hireType ?? null);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'application', entityId: id, changes: { status: { from, to }, ...(input.hireType && to === 'hired' ? { hireType: input.hireType } : {}) } });
  });
  return getApplication(ctx, id);
}

export async function deleteApplication(ctx: TenantCtx, id: string): Promise<void> {
  authorize(ctx, 'application.delete');
  const before = await loadVisible(ctx, id);
  if (!before) throw new AppError('not_found', 'Application not found');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(applications).where(and(eq(applications.coalitionId, ctx.coalition.id), eq(applications.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'application', entityId: id, changes: { studentId: before.studentId, opportunityId: before.opportunityId, status: before.status } });
  });
}
