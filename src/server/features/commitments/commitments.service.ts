import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationTypes, type OrganizationType, type Page } from '../../../shared/common.contract.js';
import {
  commitmentTemplates,
  templatesFor,
  type CommitmentDto,
  type CommitmentListQuery,
  type CommitmentStatus,
  type CommitmentUpdateInput,
  type CommitmentsFromTemplatesInput,
  type commitmentCreateInput,
} from '../../../shared/commitments.contract.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord, can } from '../../platform/permissions.js';
import './commitments.policy.js';
import * as q from './commitments.queries.js';
import { commitments } from './commitments.table.js';

type CreateInput = z.infer<typeof commitmentCreateInput>;
const DAY = 24 * 60 * 60 * 1000;

/** Today's date where the coalition is (YYYY-MM-DD): "overdue" turns at local midnight. */
export const todayIn = (timeZone: string, now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

export function toCommitmentDto(row: q.CommitmentRow, today: string): CommitmentDto {
  const { dueKey: _dueKey, ...rest } = row;
  const open = row.status !== 'done' && row.status !== 'dropped';
  const overdue = open && row.dueOn !== null && row.dueOn < today;
  const daysOverdue = overdue ? Math.round((Date.parse(today) - Date.parse(row.dueOn!)) / DAY) : 0;
  return { ...isoDates(rest), organizationType: row.organizationType as OrganizationType, status: row.status as CommitmentStatus, overdue, daysOverdue };
}

const load = (ctx: TenantCtx, id: string) => () => q.findCommitment(ctx.db, ctx.coalition.id, id);

export async function listCommitments(ctx: TenantCtx, query: CommitmentListQuery): Promise<Page<CommitmentDto>> {
  authorize(ctx, 'commitment.list');
  const seesAll = can({ actor: ctx.actor, principal: ctx.principal }, 'commitment.create');
  // Staff of a member see their own organization's commitments only.
  const scoped = seesAll ? query : { ...query, organizationId: ctx.principal.organizationId ?? '00000000-0000-0000-0000-000000000000' };
  if (!seesAll && query.organizationId && query.organizationId !== ctx.principal.organizationId) return { items: [], nextCursor: null };
  const today = todayIn(ctx.coalition.timeZone);
  const rows = await q.listCommitments(ctx.db, ctx.coalition.id, scoped, today);
  const page = toPage(rows, query.limit, (r) => [r.dueKey, r.id]);
  return { items: page.items.map((r) => toCommitmentDto(r, today)), nextCursor: page.nextCursor };
}

export function listTemplates(ctx: TenantCtx) {
  authorize(ctx, 'commitment.list');
  return { items: organizationTypes.map((organizationType) => ({ organizationType, templates: commitmentTemplates[organizationType] })) };
}

export async function getCommitment(ctx: TenantCtx, id: string): Promise<CommitmentDto> {
  const row = await authorizeRecord(ctx, 'commitment.read', load(ctx, id), 'Commitment');
  return toCommitmentDto(row, todayIn(ctx.coalition.timeZone));
}

async function checkRefs(ctx: TenantCtx, input: { organizationId?: string; ownerId?: string | null }) {
  if (input.organizationId && !(await q.organizationOf(ctx.db, ctx.coalition.id, input.organizationId))) throw invalidField('organizationId', 'No such organization in this coalition');
  if (input.ownerId && !(await q.personExists(ctx.db, ctx.coalition.id, input.ownerId))) throw invalidField('ownerId', 'No such person in this coalition');
}

const completedOnFor = (status: string, today: string) => (status === 'done' ? today : null);

export async function createCommitment(ctx: TenantCtx, input: CreateInput): Promise<CommitmentDto> {
  authorize(ctx, 'commitment.create');
  await checkRefs(ctx, input);
  const id = newId();
  const today = todayIn(ctx.coalition.timeZone);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(commitments).values({
      coalitionId: ctx.coalition.id,
      id,
      organizationId: input.organizationId,
      templateKey: input.templateKey ?? null,
      title: input.title,
      description: input.description ?? null,
      dueOn: input.dueOn ?? null,
      status: input.status,
      ownerId: input.ownerId ?? null,
      completedOn: completedOnFor(input.status, today),
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'commitment', entityId: id, changes: { organizationId: input.organizationId, title: input.title, dueOn: input.dueOn ?? null } });
  });
  return getCommitment(ctx, id);
}

/** Draws a member's commitments from what the paper asks of its type; templates already drawn are skipped. */
export async function commitmentsFromTemplates(ctx: TenantCtx, input: CommitmentsFromTemplatesInput): Promise<{ items: CommitmentDto[] }> {
  authorize(ctx, 'commitment.create');
  const organization = await q.organizationOf(ctx.db, ctx.coalition.id, input.organizationId);
  if (!organization) throw invalidField('organizationId', 'No such organization in this coalition');
  const ids: string[] = [];
  await ctx.db.transaction(async (tx) => {
    const existing = await q.existingTemplateKeys(tx, ctx.coalition.id, organization.id);
    for (const template of templatesFor(organization.type).filter((t) => !existing.has(t.key))) {
      const id = newId();
      ids.push(id);
      await tx.insert(commitments).values({ coalitionId: ctx.coalition.id, id, organizationId: organization.id, templateKey: template.key, title: template.title, dueOn: input.dueOn ?? null });
      await recordAudit(tx, ctx, { action: 'create', entityType: 'commitment', entityId: id, changes: { organizationId: organization.id, templateKey: template.key } });
    }
  });
  const today = todayIn(ctx.coalition.timeZone);
  const rows = await Promise.all(ids.map((id) => q.findCommitment(ctx.db, ctx.coalition.id, id)));
  return { items: rows.map((r) => toCommitmentDto(r!, today)) };
}

export async function updateCommitment(ctx: TenantCtx, id: string, patch: CommitmentUpdateInput): Promise<CommitmentDto> {
  const before = await authorizeRecord(ctx, 'commitment.update', load(ctx, id), 'Commitment');
  await checkRefs(ctx, patch);
  const set: Record<string, unknown> = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (patch.status && patch.status !== before.status) set.completedOn = completedOnFor(patch.status, todayIn(ctx.coalition.timeZone));
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before as Record<string, unknown>, set);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(commitments)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(commitments.coalitionId, ctx.coalition.id), eq(commitments.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'commitment', entityId: id, changes });
  });
  return getCommitment(ctx, id);
}

export async function deleteCommitment(ctx: TenantCtx, id: string): Promise<void> {
  authorize(ctx, 'commitment.delete');
  await ctx.db.transaction(async (tx) => {
    const before = await q.findCommitment(tx, ctx.coalition.id, id);
    if (!before) throw notFound('Commitment');
    await tx.delete(commitments).where(and(eq(commitments.coalitionId, ctx.coalition.id), eq(commitments.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'commitment', entityId: id, changes: { title: before.title } });
  });
}
