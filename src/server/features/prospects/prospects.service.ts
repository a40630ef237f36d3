import { and, eq } from 'drizzle-orm';
import type { OrganizationType, Page, Role } from '../../../shared/common.contract.js';
import { findSeat, type Seat } from '../../../shared/coverage.contract.js';
import type {
  PipelineSummaryDto,
  ProspectActivityDto,
  ProspectActivityInput,
  ProspectContactDto,
  ProspectDto,
  ProspectListQuery,
  ProspectStage,
  ProspectUpdateInput,
  prospectContactInput,
  prospectCreateInput,
} from '../../../shared/prospects.contract.js';
import { prospectStages } from '../../../shared/prospects.contract.js';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { convertProspect, logStageChange } from './convert.service.js';
import './prospects.policy.js';
import * as q from './prospects.queries.js';
import { prospectActivities, prospectContacts, prospects } from './prospects.table.js';

type CreateInput = z.infer<typeof prospectCreateInput>;
type ContactInput = z.infer<typeof prospectContactInput>;

const toContactDto = (c: Awaited<ReturnType<typeof q.contactsOf>>[number]): ProspectContactDto => ({
  id: c.id,
  name: c.name,
  title: c.title,
  email: c.email,
  seat: c.seat as Seat | null,
  roles: c.roles as Role[],
  decisionMaker: c.decisionMaker,
  personId: c.personId,
});

async function toDtos(db: Executor, coalitionId: string, rows: q.ProspectRow[]): Promise<ProspectDto[]> {
  const contacts = await q.contactsOf(db, coalitionId, rows.map((r) => r.id));
  return rows.map((row) => ({
    ...isoDates(row),
    type: row.type as OrganizationType,
    stage: row.stage as ProspectStage,
    contacts: contacts.filter((c) => c.prospectId === row.id).map(toContactDto),
  }));
}

export async function listProspects(ctx: TenantCtx, query: ProspectListQuery): Promise<Page<ProspectDto>> {
  authorize(ctx, 'prospect.list');
  const rows = await q.listProspects(ctx.db, ctx.coalition.id, query);
  const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
  return { items: await toDtos(ctx.db, ctx.coalition.id, page.items), nextCursor: page.nextCursor };
}

export async function pipelineSummary(ctx: TenantCtx): Promise<PipelineSummaryDto> {
  authorize(ctx, 'prospect.list');
  const counts = new Map((await q.stageCounts(ctx.db, ctx.coalition.id)).map((r) => [r.stage, r.count]));
  return { stages: prospectStages.map((stage) => ({ stage, count: counts.get(stage) ?? 0 })) };
}

export async function getProspect(ctx: TenantCtx, id: string): Promise<ProspectDto> {
  authorize(ctx, 'prospect.read');
  const row = await q.findProspect(ctx.db, ctx.coalition.id, id);
  if (!row) throw notFound('Prospect');
  return (await toDtos(ctx.db, ctx.coalition.id, [row]))[0]!;
}

async function checkOwner(ctx: TenantCtx, ownerId: string | null | undefined) {
  if (ownerId && !(await q.personInCoalition(ctx.db, ctx.coalition.id, ownerId))) throw invalidField('ownerId', 'No such person in this coalition');
}

export async function createProspect(ctx: TenantCtx, input: CreateInput): Promise<ProspectDto> {
  authorize(ctx, 'prospect.create');
  if (input.stage === 'member') authorize(ctx, 'prospect.convert');
  await checkOwner(ctx, input.ownerId);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(prospects).values({
      coalitionId: ctx.coalition.id,
      id,
      name: input.name,
      type: input.type,
      stage: input.stage === 'member' ? 'committed' : input.stage,
      website: input.website ?? null,
      notes: input.notes ?? null,
      ownerId: input.ownerId ?? null,
      nextStep: input.nextStep ?? null,
      nextStepOn: input.nextStepOn ?? null,
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'prospect', entityId: id, changes: { name: input.name, type: input.type, stage: input.stage } });
  });
  if (input.stage === 'member') await convertProspect(ctx, id);
  return getProspect(ctx, id);
}

/** Moving a prospect to `member` converts it: a member organization, its people invited with their roles. */
export async function updateProspect(ctx: TenantCtx, id: string, patch: ProspectUpdateInput): Promise<ProspectDto> {
  const before = await authorizeRecord(ctx, 'prospect.update', () => q.findProspect(ctx.db, ctx.coalition.id, id), 'Prospect');
  const { stage, ...fields } = patch;
  if (stage && stage !== before.stage && before.stage === 'member') throw new AppError('conflict', 'This prospect is already a member organization');
  const converting = stage === 'member' && before.stage !== 'member';
  if (converting) authorize(ctx, 'prospect.convert');
  await checkOwner(ctx, fields.ownerId);
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const stageChange = stage && stage !== before.stage && !converting ? { stage } : {};
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, { ...set, ...stageChange });
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(prospects)
      .set({ ...set, ...stageChange, updatedAt: new Date() })
      .where(and(eq(prospects.coalitionId, ctx.coalition.id), eq(prospects.id, id)));
    if (stageChange.stage) await logStageChange(tx, ctx, id, before.stage, stageChange.stage);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'prospect', entityId: id, changes });
  });
  if (converting) await convertProspect(ctx, id);
  return getProspect(ctx, id);
}

export async function deleteProspect(ctx: TenantCtx, id: string): Promise<void> {
  authorize(ctx, 'prospect.delete');
  await ctx.db.transaction(async (tx) => {
    const before = await q.findProspect(tx, ctx.coalition.id, id);
    if (!before) throw notFound('Prospect');
    await tx.delete(prospects).where(and(eq(prospects.coalitionId, ctx.coalition.id), eq(prospects.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'prospect', entityId: id, changes: { name: before.name, stage: before.stage } });
  });
}

export async function addContact(ctx: TenantCtx, prospectId: string, input: ContactInput): Promise<ProspectContactDto> {
  const prospect = await authorizeRecord(ctx, 'prospect.update', () => q.findProspect(ctx.db, ctx.coalition.id, prospectId), 'Prospect');
  if (input.seat && !(findSeat(input.seat)?.organizationTypes as readonly string[]).includes(prospect.type)) {
    throw invalidField('seat', `A ${prospect.type} organization's people cannot fill this seat`);
  }
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(prospectContacts).values({ coalitionId: ctx.coalition.id, id, prospectId, name: input.name, title: input.title ?? null, email: input.email ?? null, seat: input.seat ?? null, roles: input.roles, decisionMaker: input.decisionMaker });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'prospect_contact', entityId: id, changes: { prospectId, name: input.name, seat: input.seat ?? null, roles: input.roles } });
  });
  const contact = (await q.contactsOf(ctx.db, ctx.coalition.id, [prospectId])).find((c) => c.id === id)!;
  return toContactDto(contact);
}

export async function removeContact(ctx: TenantCtx, prospectId: string, contactId: string): Promise<void> {
  await authorizeRecord(ctx, 'prospect.update', () => q.findProspect(ctx.db, ctx.coalition.id, prospectId), 'Prospect');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(prospectContacts)
      .where(and(eq(prospectContacts.coalitionId, ctx.coalition.id), eq(prospectContacts.prospectId, prospectId), eq(prospectContacts.id, contactId)))
      .returning({ name: prospectContacts.name });
    if (!row) throw notFound('Contact');
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'prospect_contact', entityId: contactId, changes: { prospectId, name: row.name } });
  });
}

export async function listActivities(ctx: TenantCtx, prospectId: string): Promise<{ items: ProspectActivityDto[] }> {
  await authorizeRecord(ctx, 'prospect.read', () => q.findProspect(ctx.db, ctx.coalition.id, prospectId), 'Prospect');
  const rows = await q.activitiesOf(ctx.db, ctx.coalition.id, prospectId);
  return { items: rows.map((r) => ({ ...isoDates(r), kind: r.kind as ProspectActivityDto['kind'] })) };
}

export async function addActivity(ctx: TenantCtx, prospectId: string, input: ProspectActivityInput): Promise<ProspectActivityDto> {
  await authorizeRecord(ctx, 'prospect.update', () => q.findProspect(ctx.db, ctx.coalition.id, prospectId), 'Prospect');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(prospectActivities).values({ coalitionId: ctx.coalition.id, id, prospectId, occurredOn: input.occurredOn, kind: input.kind, summary: input.summary, byPersonId: ctx.principal.personId });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'prospect_activity', entityId: id, changes: { prospectId, kind: input.kind } });
  });
  const row = (await q.activitiesOf(ctx.db, ctx.coalition.id, prospectId)).find((a) => a.id === id)!;
  return { ...isoDates(row), kind: row.kind as ProspectActivityDto['kind'] };
}
