import { and, eq, ilike, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { CommitmentListQuery } from '../../../shared/commitments.contract.js';
import type { Executor } from '../../db/client.js';
import { organizations, people } from '../../db/schema.js';
import { decodeCursor, likePattern } from '../../platform/pagination.js';
import { commitments } from './commitments.table.js';

const CLOSED = ['done', 'dropped'];
/** Sorts undated commitments last; the keyset cursor uses the same expression. */
const dueKey = sql<string>`coalesce(${commitments.dueOn}, '9999-12-31'::date)::text`;

const columns = {
  id: commitments.id,
  organizationId: commitments.organizationId,
  organizationName: organizations.name,
  organizationType: organizations.type,
  templateKey: commitments.templateKey,
  title: commitments.title,
  description: commitments.description,
  dueOn: commitments.dueOn,
  status: commitments.status,
  ownerId: commitments.ownerId,
  ownerName: people.name,
  completedOn: commitments.completedOn,
  createdAt: commitments.createdAt,
  updatedAt: commitments.updatedAt,
  dueKey,
};

const base = (db: Executor) =>
  db
    .select(columns)
    .from(commitments)
    .innerJoin(organizations, and(eq(organizations.coalitionId, commitments.coalitionId), eq(organizations.id, commitments.organizationId)))
    .leftJoin(people, and(eq(people.coalitionId, commitments.coalitionId), eq(people.id, commitments.ownerId)));

export type CommitmentRow = Awaited<ReturnType<typeof findCommitment>> & {};

export async function findCommitment(db: Executor, coalitionId: string, id: string) {
  const [row] = await base(db).where(and(eq(commitments.coalitionId, coalitionId), eq(commitments.id, id)));
  return row;
}

export const overdueWhere = (today: string) => and(sql`${commitments.dueOn} < ${today}::date`, notInArray(commitments.status, CLOSED));

export async function listCommitments(db: Executor, coalitionId: string, query: CommitmentListQuery, today: string) {
  const filters: (SQL | undefined)[] = [eq(commitments.coalitionId, coalitionId)];
  if (query.organizationId) filters.push(eq(commitments.organizationId, query.organizationId));
  if (query.status) filters.push(eq(commitments.status, query.status));
  if (query.overdue === true) filters.push(overdueWhere(today));
  if (query.overdue === false) filters.push(sql`not (${overdueWhere(today)})`);
  if (query.q) filters.push(ilike(commitments.title, likePattern(query.q)));
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) filters.push(sql`(${dueKey}, ${commitments.id}) > (${String(cursor[0])}, ${String(cursor[1])}::uuid)`);
  return base(db)
    .where(and(...filters))
    .orderBy(dueKey, commitments.id)
    .limit(query.limit + 1);
}

export async function organizationOf(db: Executor, coalitionId: string, id: string) {
  const [row] = await db.select({ id: organizations.id, type: organizations.type }).from(organizations).where(and(eq(organizations.coalitionId, coalitionId), eq(organizations.id, id)));
  return row;
}

export async function existingTemplateKeys(db: Executor, coalitionId: string, organizationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ key: commitments.templateKey })
    .from(commitments)
    .where(and(eq(commitments.coalitionId, coalitionId), eq(commitments.organizationId, organizationId), sql`${commitments.templateKey} is not null`));
  return new Set(rows.map((r) => r.key!));
}

export async function personExists(db: Executor, coalitionId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.coalitionId, coalitionId), inArray(people.id, [id])));
  return Boolean(row);
}
