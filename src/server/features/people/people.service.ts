import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { OrganizationType, Page, Role } from '../../../shared/common.contract.js';
import type { PersonDto, PersonListQuery, PersonUpdateInput, personCreateInput } from '../../../shared/people.contract.js';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import './people.policy.js';
import * as q from './people.queries.js';
import { people } from './people.table.js';

type CreateInput = z.infer<typeof personCreateInput>;

const toDto = (row: q.PersonRow): PersonDto => ({
  ...isoDates(row),
  roles: row.roles as Role[],
  organizationType: row.organizationType as OrganizationType | null,
});

export async function listPeople(ctx: TenantCtx, query: PersonListQuery): Promise<Page<PersonDto>> {
  authorize(ctx, 'person.list');
  const rows = await q.listPeople(ctx.db, ctx.coalition.id, query);
  const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
  return { items: page.items.map(toDto), nextCursor: page.nextCursor };
}

export async function getPerson(ctx: TenantCtx, id: string): Promise<PersonDto> {
  return toDto(await authorizeRecord(ctx, 'person.read', () => q.findPerson(ctx.db, ctx.coalition.id, id), 'Person'));
}

async function checkOrganization(db: Executor, ctx: TenantCtx, organizationId: string | null | undefined) {
  if (organizationId && !(await q.organizationExists(db, ctx.coalition.id, organizationId))) {
    throw invalidField('organizationId', 'No such organization in this coalition');
  }
}

export async function createPerson(ctx: TenantCtx, input: CreateInput): Promise<PersonDto> {
  authorize(ctx, 'person.create');
  if (input.roles.length > 0) authorize(ctx, 'person.assignRoles');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await checkOrganization(tx, ctx, input.organizationId);
    await tx.insert(people).values({
      coalitionId: ctx.coalition.id,
      id,
      name: input.name,
      title: input.title ?? null,
      organizationId: input.organizationId ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      roles: input.roles,
      externalId: input.externalId ?? null,
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'person', entityId: id, changes: { name: input.name, roles: input.roles } });
  });
  return toDto((await q.findPerson(ctx.db, ctx.coalition.id, id))!);
}

export async function updatePerson(ctx: TenantCtx, id: string, patch: PersonUpdateInput): Promise<PersonDto> {
  const before = await authorizeRecord(ctx, 'person.update', () => q.findPerson(ctx.db, ctx.coalition.id, id), 'Person');
  const changes = changedFields(before as Record<string, unknown>, patch);
  if (changes.roles) authorize(ctx, 'person.assignRoles');
  if (changes.organizationId) authorize(ctx, 'person.assignOrganization');
  if (changes.email || changes.externalId) authorize(ctx, 'person.assignIdentity');
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction(async (tx) => {
      if (changes.roles) await guardLastCoordinator(tx, ctx, before, patch.roles!);
      await checkOrganization(tx, ctx, patch.organizationId);
      await tx
        .update(people)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(people.coalitionId, ctx.coalition.id), eq(people.id, id)));
      await recordAudit(tx, ctx, { action: 'update', entityType: 'person', entityId: id, changes });
    });
  }
  return toDto((await q.findPerson(ctx.db, ctx.coalition.id, id))!);
}

export async function deletePerson(ctx: TenantCtx, id: string): Promise<void> {
  authorize(ctx, 'person.delete');
  const before = await q.findPerson(ctx.db, ctx.coalition.id, id);
  if (!before) throw new AppError('not_found', 'Person not found');
  await ctx.db.transaction(async (tx) => {
    await guardLastCoordinator(tx, ctx, before, []);
    await tx.delete(people).where(and(eq(people.coalitionId, ctx.coalition.id), eq(people.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'person', entityId: id, changes: { name: before.name } });
  });
}

/** A coalition always keeps a Coordinator who can sign in. */
async function guardLastCoordinator(tx: Executor, ctx: TenantCtx, person: q.PersonRow, nextRoles: Role[]) {
  const losesRole = person.hasAccount && person.roles.includes('coordinator') && !nextRoles.includes('coordinator');
  if (!losesRole) return;
  // Serialize role changes per coalition, so two Coordinators cannot demote each other at once.
  await q.lockCoalition(tx, ctx.coalition.id);
  if ((await q.countCoordinators(tx, ctx.coalition.id)) <= 1) {
    throw new AppError('conflict', 'This is the last Coordinator: name another Coordinator first');
  }
}
