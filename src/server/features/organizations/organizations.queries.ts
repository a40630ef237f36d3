import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { OrganizationListQuery } from '../../../shared/organizations.contract.js';
import { people } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { organizations } from './organizations.table.js';

export const organizationColumns = {
  id: organizations.id,
  name: organizations.name,
  type: organizations.type,
  subtype: organizations.subtype,
  website: organizations.website,
  address: organizations.address,
  description: organizations.description,
  externalId: organizations.externalId,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
};
export type OrganizationRow = Awaited<ReturnType<typeof findOrganization>> & {};

export async function findOrganization(db: Executor, coalitionId: string, id: string) {
  const [row] = await db
    .select(organizationColumns)
    .from(organizations)
    .where(and(eq(organizations.coalitionId, coalitionId), eq(organizations.id, id)));
  return row;
}

export async function listOrganizations(db: Executor, coalitionId: string, query: OrganizationListQuery) {
  const filters: (SQL | undefined)[] = [eq(organizations.coalitionId, coalitionId)];
  if (query.type) filters.push(eq(organizations.type, query.type));
  if (query.subtype) filters.push(eq(organizations.subtype, query.subtype));
  if (query.q) filters.push(or(ilike(organizations.name, likePattern(query.q)), ilike(organizations.externalId, likePattern(query.q))));
  filters.push(afterCursor(organizations.name, organizations.id, decodeCursor(query.cursor, 2)));
  return db
    .select(organizationColumns)
    .from(organizations)
    .where(and(...filters))
    .orderBy(organizations.name, organizations.id)
    .limit(query.limit + 1);
}

export async function contactsOf(db: Executor, coalitionId: string, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .select({ organizationId: people.organizationId, personId: people.id, name: people.name, title: people.title, email: people.email })
    .from(people)
    .where(
      and(
        eq(people.coalitionId, coalitionId),
        inArray(people.organizationId, organizationIds),
        sql`'point_of_contact' = any(${people.roles})`,
      ),
    )
    .orderBy(people.name);
}

export async function countPeopleOf(db: Executor, coalitionId: string, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.coalitionId, coalitionId), eq(people.organizationId, organizationId)));
  return row?.n ?? 0;
}
