import { and, eq } from 'drizzle-orm';
import type { OrganizationType, Page } from '../../../shared/common.contract.js';
import type { OrganizationDto, OrganizationListQuery, OrganizationUpdateInput } from '../../../shared/organizations.contract.js';
import type { organizationCreateInput } from '../../../shared/organizations.contract.js';
import type { z } from 'zod';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import type { Executor } from '../../db/client.js';
import './organizations.policy.js';
import * as q from './organizations.queries.js';
import { organizations } from './organizations.table.js';

type CreateInput = z.infer<typeof organizationCreateInput>;

async function withContacts(db: Executor, coalitionId: string, rows: NonNullable<q.OrganizationRow>[]): Promise<OrganizationDto[]> {
  const contacts = await q.contactsOf(db, coalitionId, rows.map((r) => r.id));
  return rows.map((row) => ({
    ...isoDates(row),
    type: row.type as OrganizationType,
    pointsOfContact: contacts
      .filter((c) => c.organizationId === row.id)
      .map(({ personId, name, title, email }) => ({ personId, name, title, email })),
  }));
}

export async function listOrganizations(ctx: TenantCtx, query: OrganizationListQuery): Promise<Page<OrganizationDto>> {
  authorize(ctx, 'organization.list');
  const rows = await q.listOrganizations(ctx.db, ctx.coalition.id, query);
  const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
  return { items: await withContacts(ctx.db, ctx.coalition.id, page.items), nextCursor: page.nextCursor };
}

export async function getOrganization(ctx: TenantCtx, id: string): Promise<OrganizationDto> {
  authorize(ctx, 'organization.read');
  const row = await q.findOrganization(ctx.db, ctx.coalition.id, id);
  if (!row) throw notFound('Organization');
  return (await withContacts(ctx.db, ctx.coalition.id, [row]))[0]!;
}

export async function createOrganization(ctx: TenantCtx, input: CreateInput): Promise<OrganizationDto> {
  authorize(ctx, 'organization.create');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(organizations).values({ coalitionId: ctx.coalition.id, id, ...nullable(input) });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'organization', entityId: id, changes: { name: input.name, type: input.type } });
  });
  return getOrganization(ctx, id);
}

export async function updateOrganization(ctx: TenantCtx, id: string, patch: OrganizationUpdateInput): Promise<OrganizationDto> {
  const before = await authorizeRecord(ctx, 'organization.update', () => q.findOrganization(ctx.db, ctx.coalition.id, id), 'Organization');
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(organizations)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(organizations.coalitionId, ctx.coalition.id), eq(organizations.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'organization', entityId: id, changes });
  });
  return getOrganization(ctx, id);
}

export async function deleteOrganization(ctx: TenantCtx, id: string): Promise<void> {
  authorize(ctx, 'organization.delete');
  await ctx.db.transaction(async (tx) => {
    const before = await q.findOrganization(tx, ctx.coalition.id, id);
    if (!before) throw notFound('Organization');
    const members = await q.countPeopleOf(tx, ctx.coalition.id, id);
    if (members > 0) throw new AppError('conflict', `${members} people belong to this organization: move or remove them first`);
    await tx.delete(organizations).where(and(eq(organizations.coalitionId, ctx.coalition.id), eq(organizations.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'organization', entityId: id, changes: { name: before.name } });
  });
}

function nullable(input: CreateInput) {
  return {
    name: input.name,
    type: input.type,
    subtype: input.subtype ?? null,
    website: input.website ?? null,
    address: input.address ?? null,
    description: input.description ?? null,
    externalId: input.externalId ?? null,
  };
}
