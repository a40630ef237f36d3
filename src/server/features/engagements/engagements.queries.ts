import { and, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { EngagementListQuery } from '../../../shared/engagements.contract.js';
import { organizations, people } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import type { Principal } from '../../platform/context.js';
import { decodeCursor, likePattern } from '../../platform/pagination.js';
import { employerCapacities, engagementRequests } from './engagements.table.js';

const employer = alias(organizations, 'employer');
/** Requests that hold (or will hold) an employer's day and capacity. */
export const LIVE = ['requested', 'brokered'] as const;
export const COMMITTED = ['brokered', 'delivered'] as const;

export const requestColumns = {
  id: engagementRequests.id,
  kind: engagementRequests.kind,
  capacityKind: engagementRequests.capacityKind,
  title: engagementRequests.title,
  schoolId: engagementRequests.schoolId,
  schoolName: organizations.name,
  employerId: engagementRequests.employerId,
  employerName: employer.name,
  requestedOn: engagementRequests.requestedOn,
  quantity: engagementRequests.quantity,
  notes: engagementRequests.notes,
  status: engagementRequests.status,
  requestedBy: people.name,
  brokeredAt: engagementRequests.brokeredAt,
  createdAt: engagementRequests.createdAt,
  updatedAt: engagementRequests.updatedAt,
};
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

function selectRequests(db: Executor) {
  return db
    .select(requestColumns)
    .from(engagementRequests)
    .innerJoin(organizations, and(eq(organizations.coalitionId, engagementRequests.coalitionId), eq(organizations.id, engagementRequests.schoolId)))
    .leftJoin(employer, and(eq(employer.coalitionId, engagementRequests.coalitionId), eq(employer.id, engagementRequests.employerId)))
    .leftJoin(people, and(eq(people.coalitionId, engagementRequests.coalitionId), eq(people.id, engagementRequests.requestedByPersonId)));
}

/** The Coordinator sees every request; a school its own; an employer those naming it. */
export function visibleRequests(principal: Principal): SQL | undefined {
  if (principal.roles.has('coordinator')) return undefined;
  if (!principal.organizationId) return sql`false`;
  return or(eq(engagementRequests.schoolId, principal.organizationId), eq(engagementRequests.employerId, principal.organizationId));
}

export async function findRequest(db: Executor, coalitionId: string, id: string, visible: SQL | undefined) {
  const [row] = await selectRequests(db).where(and(eq(engagementRequests.coalitionId, coalitionId), eq(engagementRequests.id, id), visible));
  return row;
}

export async function listRequests(db: Executor, coalitionId: string, query: EngagementListQuery, visible: SQL | undefined) {
  const filters: (SQL | undefined)[] = [eq(engagementRequests.coalitionId, coalitionId), visible];
  if (query.status) filters.push(eq(engagementRequests.status, query.status));
  if (query.employerId) filters.push(eq(engagementRequests.employerId, query.employerId));
  if (query.schoolId) filters.push(eq(engagementRequests.schoolId, query.schoolId));
  if (query.q) filters.push(or(ilike(engagementRequests.title, likePattern(query.q)), ilike(organizations.name, likePattern(query.q)), ilike(employer.name, likePattern(query.q))));
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) filters.push(sql`(${engagementRequests.createdAt}, ${engagementRequests.id}) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
  return selectRequests(db)
    .where(and(...filters))
    .orderBy(desc(engagementRequests.createdAt), desc(engagementRequests.id))
    .limit(query.limit + 1);
}

/** Another live request for the same employer on the same day (the duplicate the ledger catches). */
export async function clashingRequest(db: Executor, coalitionId: string, employerId: string, requestedOn: string, exceptId?: string) {
  const [row] = await selectRequests(db).where(
    and(
      eq(engagementRequests.coalitionId, coalitionId),
      eq(engagementRequests.employerId, employerId),
      eq(engagementRequests.requestedOn, requestedOn),
      inArray(engagementRequests.status, [...LIVE]),
      exceptId ? ne(engagementRequests.id, exceptId) : undefined,
    ),
  );
  return row;
}

export async function declaredCapacity(db: Executor, coalitionId: string, year: number, organizationId?: string) {
  return db
    .select({ organizationId: employerCapacities.organizationId, organizationName: organizations.name, kind: employerCapacities.kind, declared: employerCapacities.declared, updatedAt: employerCapacities.updatedAt })
    .from(employerCapacities)
    .innerJoin(organizations, and(eq(organizations.coalitionId, employerCapacities.coalitionId), eq(organizations.id, employerCapacities.organizationId)))
    .where(and(eq(employerCapacities.coalitionId, coalitionId), eq(employerCapacities.year, year), organizationId ? eq(employerCapacities.organizationId, organizationId) : undefined))
    .orderBy(organizations.name);
}

/** People committed per employer and capacity kind in a year (brokered or delivered requests). */
export async function committedCapacity(db: Executor, coalitionId: string, year: number, organizationId?: string, exceptId?: string) {
  return db
    .select({ organizationId: engagementRequests.employerId, kind: engagementRequests.capacityKind, committed: sql<number>`sum(${engagementRequests.quantity})::int` })
    .from(engagementRequests)
    .where(
      and(
        eq(engagementRequests.coalitionId, coalitionId),
        inArray(engagementRequests.status, [...COMMITTED]),
        sql`extract(year from ${engagementRequests.requestedOn}) = ${year}`,
        organizationId ? eq(engagementRequests.employerId, organizationId) : undefined,
        exceptId ? ne(engagementRequests.id, exceptId) : undefined,
      ),
    )
    .groupBy(engagementRequests.employerId, engagementRequests.capacityKind);
}

export async function organizationById(db: Executor, coalitionId: string, id: string) {
  const [row] = await db.select({ id: organizations.id, name: organizations.name, type: organizations.type }).from(organizations).where(and(eq(organizations.coalitionId, coalitionId), eq(organizations.id, id)));
  return row;
}

/** What an employer declared of a kind for a year, and what is already committed (for brokering). */
export async function capacityFor(db: Executor, coalitionId: string, employerId: string, year: number, kind: string, exceptId?: string): Promise<{ declared: number; committed: number }> {
  const [declared] = await db
    .select({ declared: employerCapacities.declared })
    .from(employerCapacities)
    .where(and(eq(employerCapacities.coalitionId, coalitionId), eq(employerCapacities.organizationId, employerId), eq(employerCapacities.year, year), eq(employerCapacities.kind, kind)));
  const committed = (await committedCapacity(db, coalitionId, year, employerId, exceptId)).find((c) => c.kind === kind)?.committed ?? 0;
  return { declared: declared?.declared ?? 0, committed };
}
