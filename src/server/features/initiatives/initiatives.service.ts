import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../../../shared/common.contract.js';
import type {
  InitiativeCategory,
  InitiativeDto,
  InitiativeListQuery,
  InitiativeStatus,
  InitiativeUpdateInput,
  StrategicPriority,
  initiativeCreateInput,
} from '../../../shared/initiatives.contract.js';
import type { Executor } from '../../db/client.js';
import { pledges } from '../../db/schema.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord, can } from '../../platform/permissions.js';
import './initiatives.policy.js';
import * as q from './initiatives.queries.js';
import { initiatives } from './initiatives.table.js';

type CreateInput = z.infer<typeof initiativeCreateInput>;

export async function toInitiativeDtos(db: Executor, coalitionId: string, rows: q.InitiativeRow[]): Promise<InitiativeDto[]> {
  const ids = rows.map((r) => r.id);
  const [stakeholders, stats, owners] = await Promise.all([q.stakeholdersOf(db, coalitionId, ids), q.taskStatsOf(db, coalitionId, ids), q.personRefs(db, coalitionId, rows.map((r) => r.ownerId))]);
  return rows.map((row) => {
    const team = stakeholders.filter((s) => s.initiativeId === row.id);
    return {
      ...isoDates(row),
      category: row.category as InitiativeCategory,
      status: row.status as InitiativeStatus,
      strategicPriorities: row.strategicPriorities as StrategicPriority[],
      owner: (row.ownerId && owners.get(row.ownerId)) || null,
      taskCount: stats.get(row.id)?.taskCount ?? 0,
      progressPercent: stats.get(row.id)?.progressPercent ?? 0,
      stakeholders: team.map((s) => ({
        id: s.id,
        person: { personId: s.personId, name: s.name, organizationId: s.organizationId, organizationName: s.organizationName },
        raci: s.raci as 'responsible' | 'accountable' | 'consulted' | 'informed',
        role: s.role,
        responsibilities: s.responsibilities,
        pointOfContact: s.pointOfContact,
        createdAt: s.createdAt.toISOString(),
        updatedAt: s.updatedAt.toISOString(),
      })),
      organizations: coverage(team),
    };
  });
}

/** Each organization on the team with its points of contact (Step 3: one in each relevant member). */
function coverage(team: q.StakeholderRow[]) {
  const byOrg = new Map<string, { organizationId: string; organizationName: string; pointsOfContact: q.PersonRef[] }>();
  for (const s of team) {
    if (!s.organizationId) continue;
    const entry = byOrg.get(s.organizationId) ?? { organizationId: s.organizationId, organizationName: s.organizationName ?? '', pointsOfContact: [] };
    if (s.pointOfContact) entry.pointsOfContact.push({ personId: s.personId, name: s.name, organizationId: s.organizationId, organizationName: s.organizationName });
    byOrg.set(s.organizationId, entry);
  }
  return [...byOrg.values()].sort((a, b) => a.organizationName.localeCompare(b.organizationName));
}

export async function listInitiatives(ctx: TenantCtx, query: InitiativeListQuery): Promise<Page<InitiativeDto>> {
  authorize(ctx, 'initiative.list');
  const rows = await q.listInitiatives(ctx.db, ctx.coalition.id, query);
  const page = toPage(rows, query.limit, (r) => [r.title, r.id]);
  return { items: await toInitiativeDtos(ctx.db, ctx.coalition.id, page.items), nextCursor: page.nextCursor };
}

export async function getInitiative(ctx: TenantCtx, id: string): Promise<InitiativeDto> {
  authorize(ctx, 'initiative.read');
  const row = await q.findInitiative(ctx.db, ctx.coalition.id, id);
  if (!row) throw notFound('Initiative');
  return (await toInitiativeDtos(ctx.db, ctx.coalition.id, [row]))[0]!;
}

export async function createInitiative(ctx: TenantCtx, input: CreateInput): Promise<InitiativeDto> {
  authorize(ctx, 'initiative.create');
  // An initiative leader who proposes an initiative owns it; handing it to someone else is the Council's call.
  const ownerId = input.ownerId !== undefined ? input.ownerId : ctx.principal.roles.has('initiative_leader') ? ctx.principal.personId : null;
  if (ownerId !== ctx.principal.personId && ownerId !== null) authorize(ctx, 'initiative.assignOwner');
  if (ownerId === null && !can({ actor: ctx.actor, principal: ctx.principal }, 'initiative.assignOwner')) {
    throw invalidField('ownerId', 'An initiative leader owns the initiatives they propose');
  }
  const values = { ...input, ownerId, customCategory: input.customCategory ?? null, description: input.description ?? null, startsOn: input.startsOn ?? null, targetFinishOn: input.targetFinishOn ?? null, recruitingWindow: input.recruitingWindow ?? null, strategySessionId: input.strategySessionId ?? null };
  await checkReferences(ctx, values);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(initiatives).values({ coalitionId: ctx.coalition.id, id, ...values });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'initiative', entityId: id, changes: { title: input.title, category: input.category, ownerId } });
  });
  return getInitiative(ctx, id);
}

export async function updateInitiative(ctx: TenantCtx, id: string, patch: InitiativeUpdateInput): Promise<InitiativeDto> {
  const before = await authorizeRecord(ctx, 'initiative.update', () => q.findInitiative(ctx.db, ctx.coalition.id, id), 'Initiative');
  if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId) authorize(ctx, 'initiative.assignOwner');
  const after = { ...before, ...definedOnly(patch) };
  if (after.category !== 'custom') after.customCategory = null;
  await checkReferences(ctx, after, before);
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, { ...definedOnly(patch), customCategory: after.customCategory });
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(initiatives)
      .set({ ...definedOnly(patch), customCategory: after.customCategory, updatedAt: new Date() })
      .where(and(eq(initiatives.coalitionId, ctx.coalition.id), eq(initiatives.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'initiative', entityId: id, changes });
  });
  return getInitiative(ctx, id);
}

export async function deleteInitiative(ctx: TenantCtx, id: string): Promise<void> {
  authorize(ctx, 'initiative.delete');
  await ctx.db.transaction(async (tx) => {
    const before = await q.findInitiative(tx, ctx.coalition.id, id);
    if (!before) throw notFound('Initiative');
    const dependents = await q.outsideDependents(tx, ctx.coalition.id, id);
    if (dependents.length > 0) {
      throw new AppError('conflict', `Tasks of other initiatives wait for this one: ${dependents.map((d) => d.name).join(', ')}. Remove those dependencies first.`);
    }
    const [backing] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(pledges)
      .where(and(eq(pledges.coalitionId, ctx.coalition.id), eq(pledges.initiativeId, id)));
    if ((backing?.n ?? 0) > 0) throw new AppError('conflict', `${backing!.n} pledges back this initiative: move them to another initiative or to general support first`);
    await tx.delete(initiatives).where(and(eq(initiatives.coalitionId, ctx.coalition.id), eq(initiatives.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'initiative', entityId: id, changes: { title: before.title } });
  });
}

/** Cross-field and cross-record rules; each failure is a 422 naming its field. */
async function checkReferences(
  ctx: TenantCtx,
  v: { category: string; customCategory: string | null; ownerId: string | null; strategySessionId: string | null; startsOn: string | null; targetFinishOn: string | null },
  before?: q.InitiativeRow,
) {
  if (v.category === 'custom' && !v.customCategory) throw invalidField('customCategory', 'Name the category of a custom initiative');
  if (v.startsOn && v.targetFinishOn && v.targetFinishOn < v.startsOn) throw invalidField('targetFinishOn', 'Is before startsOn');
  if (v.ownerId && v.ownerId !== before?.ownerId && !(await q.personExists(ctx.db, ctx.coalition.id, v.ownerId))) throw invalidField('ownerId', 'No such person in this coalition');
  if (v.strategySessionId && v.strategySessionId !== before?.strategySessionId && !(await q.findSession(ctx.db, ctx.coalition.id, v.strategySessionId))) {
    throw invalidField('strategySessionId', 'No such strategy session in this coalition');
  }
}

export function definedOnly<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
