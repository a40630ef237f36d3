import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { PersonListQuery } from '../../../shared/people.contract.js';
import { coalitions, organizations } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { people } from './people.table.js';

const personColumns = {
  id: people.id,
  name: people.name,
  title: people.title,
  organizationId: people.organizationId,
  organizationName: organizations.name,
  organizationType: organizations.type,
  email: people.email,
  phone: people.phone,
  roles: people.roles,
  hasAccount: sql<boolean>`${people.userId} is not null`,
  externalId: people.externalId,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
};

function selectPeople(db: Executor) {
  return db
    .select(personColumns)
    .from(people)
    .leftJoin(organizations, and(eq(organizations.coalitionId, people.coalitionId), eq(organizations.id, people.organizationId)));
}
export type PersonRow = Awaited<ReturnType<typeof findPerson>> & {};

export async function findPerson(db: Executor, coalitionId: string, id: string) {
  const [row] = await selectPeople(db).where(and(eq(people.coalitionId, coalitionId), eq(people.id, id)));
  return row;
}

export async function listPeople(db: Executor, coalitionId: string, query: PersonListQuery) {
  const filters: (SQL | undefined)[] = [eq(people.coalitionId, coalitionId)];
  if (query.role) filters.push(sql`${query.role} = any(${people.roles})`);
  if (query.organizationId) filters.push(eq(people.organizationId, query.organizationId));
  if (query.organizationType) filters.push(eq(organizations.type, query.organizationType));
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(or(ilike(people.name, pattern), ilike(people.email, pattern), ilike(people.title, pattern), ilike(people.externalId, pattern)));
  }
  filters.push(afterCursor(people.name, people.id, decodeCursor(query.cursor, 2)));
  return selectPeople(db)
    .where(and(...filters))
    .orderBy(people.name, people.id)
    .limit(query.limit + 1);
}

export async function organizationExists(db: Executor, coalitionId: string, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.coalitionId, coalitionId), eq(organizations.id, organizationId)));
  return Boolean(row);
}

export async function countCoordinators(db: Executor, coalitionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.coalitionId, coalitionId), sql`'coordinator' = any(${people.roles})`, sql`${people.userId} is not null`));
  return row?.n ?? 0;
}

export async function lockCoalition(db: Executor, coalitionId: string): Promise<void> {
  await db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.id, coalitionId)).for('update');
}
