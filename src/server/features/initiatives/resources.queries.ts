import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PledgeListQuery } from '../../../shared/initiatives.contract.js';
import { organizations } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { initiatives } from './initiatives.table.js';
import { initiativeCosts, initiativeRequirements, pledges } from './resources.table.js';

const requirementColumns = {
  id: initiativeRequirements.id,
  initiativeId: initiativeRequirements.initiativeId,
  kind: initiativeRequirements.kind,
  description: initiativeRequirements.description,
  amountCents: initiativeRequirements.amountCents,
  quantity: initiativeRequirements.quantity,
  hours: initiativeRequirements.hours,
  createdAt: initiativeRequirements.createdAt,
  updatedAt: initiativeRequirements.updatedAt,
};
export type RequirementRow = Awaited<ReturnType<typeof requirementsOf>>[number];

export function requirementsOf(db: Executor, coalitionId: string, initiativeId?: string) {
  return db
    .select(requirementColumns)
    .from(initiativeRequirements)
    .where(and(eq(initiativeRequirements.coalitionId, coalitionId), initiativeId ? eq(initiativeRequirements.initiativeId, initiativeId) : undefined))
    .orderBy(initiativeRequirements.createdAt, initiativeRequirements.id);
}

export async function findRequirement(db: Executor, coalitionId: string, initiativeId: string, id: string) {
  const [row] = await db
    .select(requirementColumns)
    .from(initiativeRequirements)
    .where(and(eq(initiativeRequirements.coalitionId, coalitionId), eq(initiativeRequirements.initiativeId, initiativeId), eq(initiativeRequirements.id, id)));
  return row;
}

const costColumns = {
  id: initiativeCosts.id,
  initiativeId: initiativeCosts.initiativeId,
  category: initiativeCosts.category,
  description: initiativeCosts.description,
  budgetCents: initiativeCosts.budgetCents,
  actualCents: initiativeCosts.actualCents,
  incurredOn: initiativeCosts.incurredOn,
  createdAt: initiativeCosts.createdAt,
  updatedAt: initiativeCosts.updatedAt,
};
export type CostRow = Awaited<ReturnType<typeof costsOf>>[number];

export function costsOf(db: Executor, coalitionId: string, initiativeId?: string) {
  return db
    .select(costColumns)
    .from(initiativeCosts)
    .where(and(eq(initiativeCosts.coalitionId, coalitionId), initiativeId ? eq(initiativeCosts.initiativeId, initiativeId) : undefined))
    .orderBy(initiativeCosts.createdAt, initiativeCosts.id);
}

export async function findCost(db: Executor, coalitionId: string, initiativeId: string, id: string) {
  const [row] = await db
    .select(costColumns)
    .from(initiativeCosts)
    .where(and(eq(initiativeCosts.coalitionId, coalitionId), eq(initiativeCosts.initiativeId, initiativeId), eq(initiativeCosts.id, id)));
  return row;
}

const pledgeColumns = {
  id: pledges.id,
  organizationId: pledges.organizationId,
  organizationName: organizations.name,
  organizationType: organizations.type,
  initiativeId: pledges.initiativeId,
  initiativeTitle: initiatives.title,
  kind: pledges.kind,
  amountCents: pledges.amountCents,
  description: pledges.description,
  pledgedOn: pledges.pledgedOn,
  status: pledges.status,
  createdAt: pledges.createdAt,
  updatedAt: pledges.updatedAt,
};
export type PledgeRow = Awaited<ReturnType<typeof pledgesWhere>>[number];

function pledgesWhere(db: Executor, coalitionId: string, where: SQL | undefined) {
  return db
    .select(pledgeColumns)
    .from(pledges)
    .innerJoin(organizations, and(eq(organizations.coalitionId, pledges.coalitionId), eq(organizations.id, pledges.organizationId)))
    .leftJoin(initiatives, and(eq(initiatives.coalitionId, pledges.coalitionId), eq(initiatives.id, pledges.initiativeId)))
    .where(and(eq(pledges.coalitionId, coalitionId), where));
}

export const allPledges = (db: Executor, coalitionId: string, initiativeId?: string) =>
  pledgesWhere(db, coalitionId, initiativeId ? eq(pledges.initiativeId, initiativeId) : undefined).orderBy(pledges.pledgedOn, pledges.id);

export async function findPledge(db: Executor, coalitionId: string, id: string) {
  const [row] = await pledgesWhere(db, coalitionId, eq(pledges.id, id));
  return row;
}

export function listPledges(db: Executor, coalitionId: string, query: PledgeListQuery) {
  return pledgesWhere(
    db,
    coalitionId,
    and(
      query.organizationId ? eq(pledges.organizationId, query.organizationId) : undefined,
      query.initiativeId ? eq(pledges.initiativeId, query.initiativeId) : undefined,
      query.kind ? eq(pledges.kind, query.kind) : undefined,
      query.status ? eq(pledges.status, query.status) : undefined,
      query.q ? sql`(${organizations.name} ilike ${likePattern(query.q)} or ${pledges.description} ilike ${likePattern(query.q)})` : undefined,
      afterCursor(pledges.pledgedOn, pledges.id, decodeCursor(query.cursor, 2)),
    ),
  )
    .orderBy(pledges.pledgedOn, pledges.id)
    .limit(query.limit + 1);
}
