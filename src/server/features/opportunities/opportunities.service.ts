import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../../../shared/common.contract.js';
import type { Audience, OpportunityDto, OpportunityKind, OpportunityListQuery, OpportunityUpdateInput, opportunityCreateInput } from '../../../shared/opportunities.contract.js';
import type { Executor } from '../../db/client.js';
import { coalitions } from '../../db/schema.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { Ctx, TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { jobPostingOf } from './opportunities.jsonld.js';
import './opportunities.policy.js';
import * as q from './opportunities.queries.js';
import { replaceOpportunitySkills, weighted } from './opportunities.skills.js';
import { opportunities } from './opportunities.table.js';

type CreateInput = z.infer<typeof opportunityCreateInput>;

export function viewerOf(ctx: TenantCtx): q.OpportunityViewer {
  return { seesAllDrafts: ctx.principal.roles.has('coordinator'), organizationId: ctx.principal.organizationId };
}

function toDtos(rows: q.OpportunityRow[]): OpportunityDto[] {
  return rows.map((row) => {
    const own = row.skills ?? [];
    const { employerWebsite: _website, skills: _skills, ...rest } = row;
    return {
      ...isoDates(rest),
      kind: row.kind as OpportunityKind,
      audiences: row.audiences as Audience[],
      compensation: row.compensation as OpportunityDto['compensation'],
      payUnit: row.payUnit as OpportunityDto['payUnit'],
      modality: row.modality as OpportunityDto['modality'],
      status: row.status as OpportunityDto['status'],
      skills: own,
      jobPosting: jobPostingOf(row, own),
    };
  });
}

export async function listOpportunities(ctx: TenantCtx, query: OpportunityListQuery): Promise<Page<OpportunityDto>> {
  authorize(ctx, 'opportunity.list');
  const rows = await q.listOpportunities(ctx.db, ctx.coalition.id, query, viewerOf(ctx));
  const page = toPage(rows, query.limit, (r) => [r.title, r.id]);
  return { items: toDtos(page.items), nextCursor: page.nextCursor };
}

export async function getOpportunity(ctx: TenantCtx, id: string): Promise<OpportunityDto> {
  const row = await authorizeRecord(ctx, 'opportunity.read', () => q.findOpportunity(ctx.db, ctx.coalition.id, id, viewerOf(ctx)), 'Opportunity');
  return toDtos([row])[0]!;
}

/** Checks what Zod cannot: ids that must name organizations of this coalition, and dates in order. */
async function checkInput(db: Executor, ctx: TenantCtx, input: Partial<CreateInput>, before?: q.OpportunityRow) {
  if (input.employerId && !(await q.organizationById(db, ctx.coalition.id, input.employerId))) throw invalidField('employerId', 'No such organization in this coalition');
  if (input.institutionId) {
    const school = await q.organizationById(db, ctx.coalition.id, input.institutionId);
    if (!school) throw invalidField('institutionId', 'No such organization in this coalition');
    if (!['k12', 'college', 'university'].includes(school.type)) throw invalidField('institutionId', `${school.name} is not a school, college or university`);
  }
  const startsOn = input.startsOn !== undefined ? input.startsOn : before?.startsOn;
  const endsOn = input.endsOn !== undefined ? input.endsOn : before?.endsOn;
  if (startsOn && endsOn && endsOn < startsOn) throw invalidField('endsOn', 'Ends before it starts');
  const payAmount = input.payAmount !== undefined ? input.payAmount : before?.payAmount;
  const payUnit = input.payUnit !== undefined ? input.payUnit : before?.payUnit;
  if (payAmount != null && !payUnit) throw invalidField('payUnit', 'Say per what the pay is (hour, week, month, year or total)');
}

function columnsOf<T extends { skills?: unknown }>(input: T): Omit<T, 'skills'> {
  const { skills: _skills, ...columns } = input;
  return columns;
}

export async function createOpportunity(ctx: TenantCtx, input: CreateInput): Promise<OpportunityDto> {
  authorize(ctx, 'opportunity.create', { employerId: input.employerId });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await checkInput(tx, ctx, input);
    await tx.insert(opportunities).values({ coalitionId: ctx.coalition.id, id, ...columnsOf(input) });
    await replaceOpportunitySkills(tx, ctx.coalition.id, id, input.skills);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'opportunity', entityId: id, changes: { title: input.title, kind: input.kind, employerId: input.employerId, skills: input.skills.map((s) => weighted(s).name) } });
  });
  return getOpportunity(ctx, id);
}

export async function updateOpportunity(ctx: TenantCtx, id: string, patch: OpportunityUpdateInput): Promise<OpportunityDto> {
  const before = await authorizeRecord(ctx, 'opportunity.update', () => q.findOpportunity(ctx.db, ctx.coalition.id, id, viewerOf(ctx)), 'Opportunity');
  // Moving it to another host needs the right to create it there.
  if (patch.employerId && patch.employerId !== before.employerId) authorize(ctx, 'opportunity.create', { employerId: patch.employerId });
  await ctx.db.transaction(async (tx) => {
    await checkInput(tx, ctx, patch, before);
    const changes: Record<string, unknown> = changedFields(before as Record<string, unknown>, columnsOf(patch));
    if (patch.skills) {
      const beforeSkills = (await q.skillsOf(tx, ctx.coalition.id, [id])).map((s) => `${s.name}:${s.importance}`).sort();
      await replaceOpportunitySkills(tx, ctx.coalition.id, id, patch.skills);
      const afterSkills = (await q.skillsOf(tx, ctx.coalition.id, [id])).map((s) => `${s.name}:${s.importance}`).sort();
      if (JSON.stringify(beforeSkills) !== JSON.stringify(afterSkills)) changes.skills = { from: beforeSkills, to: afterSkills };
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(opportunities)
      .set({ ...columnsOf(patch), updatedAt: new Date() })
      .where(and(eq(opportunities.coalitionId, ctx.coalition.id), eq(opportunities.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'opportunity', entityId: id, changes });
  });
  return getOpportunity(ctx, id);
}

export async function deleteOpportunity(ctx: TenantCtx, id: string): Promise<void> {
  const before = await authorizeRecord(ctx, 'opportunity.delete', () => q.findOpportunity(ctx.db, ctx.coalition.id, id, viewerOf(ctx)), 'Opportunity');
  await ctx.db.transaction(async (tx) => {
    // Applications are students' records and the metrics' evidence: cancel instead.
    const applied = await q.countApplications(tx, ctx.coalition.id, id);
    if (applied > 0) throw new AppError('conflict', `${applied} students applied to this opportunity: set its status to cancelled instead`);
    await tx.delete(opportunities).where(and(eq(opportunities.coalitionId, ctx.coalition.id), eq(opportunities.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'opportunity', entityId: id, changes: { title: before.title } });
  });
}

/** An open internship, apprenticeship or job as JSON-LD, for anyone (search engines, job boards). */
export async function publicJobPosting(ctx: Ctx, slug: string, id: string): Promise<Record<string, unknown>> {
  authorize(ctx, 'opportunity.jobPosting');
  const [coalition] = await ctx.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.slug, slug.toLowerCase()));
  const row = coalition ? await q.findOpportunity(ctx.db, coalition.id, id) : undefined;
  const posting = row && row.status === 'open' ? jobPostingOf(row, await q.skillsOf(ctx.db, coalition!.id, [id])) : null;
  if (!posting) throw notFound('Job posting');
  return posting;
}
