import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { organizations } from '../../db/schema.js';
import * as q from './commitments.queries.js';
import { commitments } from './commitments.table.js';

export interface OrganizationCommitments {
  organizationId: string;
  total: number;
  done: number;
  open: number;
  overdue: number;
}

/**
 * Per member organization, the commitments due in a calendar year (undated ones count in the year
 * they were made): evidence for recognition (issue 8). Computed from the records, never stored.
 */
export async function commitmentsByOrganization(db: Executor, coalitionId: string, year: number, today = new Date().toISOString().slice(0, 10)): Promise<OrganizationCommitments[]> {
  const inYear = sql`extract(year from coalesce(${commitments.dueOn}, (${commitments.createdAt} at time zone 'UTC')::date)) = ${year}`;
  return db
    .select({
      organizationId: commitments.organizationId,
      total: sql<number>`count(*)::int`,
      done: sql<number>`(count(*) filter (where ${commitments.status} = 'done'))::int`,
      open: sql<number>`(count(*) filter (where ${commitments.status} in ('open', 'in_progress')))::int`,
      overdue: sql<number>`(count(*) filter (where ${q.overdueWhere(today)}))::int`,
    })
    .from(commitments)
    .where(and(eq(commitments.coalitionId, coalitionId), inYear))
    .groupBy(commitments.organizationId);
}

/** Open commitments past their due date, most overdue first (the Coordinator's view, the meeting agenda). */
export async function overdueCommitments(db: Executor, coalitionId: string, today: string, limit = 25) {
  return db
    .select({ id: commitments.id, title: commitments.title, dueOn: commitments.dueOn, organizationId: commitments.organizationId, organizationName: organizations.name })
    .from(commitments)
    .innerJoin(organizations, and(eq(organizations.coalitionId, commitments.coalitionId), eq(organizations.id, commitments.organizationId)))
    .where(and(eq(commitments.coalitionId, coalitionId), q.overdueWhere(today)))
    .orderBy(commitments.dueOn, commitments.id)
    .limit(limit);
}
