import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RiskListQuery } from '../../../shared/initiatives.contract.js';
import { people } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { initiativeTasks, initiatives } from './initiatives.table.js';
import { initiativeRisks, riskTasks } from './risks.table.js';

const score = sql<number>`(${initiativeRisks.likelihood} * ${initiativeRisks.impact})`;

const riskColumns = {
  id: initiativeRisks.id,
  initiativeId: initiativeRisks.initiativeId,
  initiativeTitle: initiatives.title,
  initiativeOwnerId: initiatives.ownerId,
  title: initiativeRisks.title,
  description: initiativeRisks.description,
  likelihood: initiativeRisks.likelihood,
  impact: initiativeRisks.impact,
  impactOn: initiativeRisks.impactOn,
  ownerId: initiativeRisks.ownerId,
  ownerName: people.name,
  mitigation: initiativeRisks.mitigation,
  status: initiativeRisks.status,
  createdAt: initiativeRisks.createdAt,
  updatedAt: initiativeRisks.updatedAt,
};
export type RiskRow = Awaited<ReturnType<typeof risksWhere>>[number];

function risksWhere(db: Executor, coalitionId: string, where: SQL | undefined) {
  return db
    .select(riskColumns)
    .from(initiativeRisks)
    .innerJoin(initiatives, and(eq(initiatives.coalitionId, initiativeRisks.coalitionId), eq(initiatives.id, initiativeRisks.initiativeId)))
    .leftJoin(people, and(eq(people.coalitionId, initiativeRisks.coalitionId), eq(people.id, initiativeRisks.ownerId)))
    .where(and(eq(initiativeRisks.coalitionId, coalitionId), where));
}

export async function findRisk(db: Executor, coalitionId: string, id: string) {
  const [row] = await risksWhere(db, coalitionId, eq(initiativeRisks.id, id));
  return row;
}

const levelFilter = (level: 'low' | 'medium' | 'high') => (level === 'high' ? sql`${score} >= 10` : level === 'medium' ? sql`${score} between 5 and 9` : sql`${score} <= 4`);

export function listRisks(db: Executor, coalitionId: string, query: RiskListQuery) {
  return risksWhere(
    db,
    coalitionId,
    and(
      query.initiativeId ? eq(initiativeRisks.initiativeId, query.initiativeId) : undefined,
      query.status ? eq(initiativeRisks.status, query.status) : undefined,
      query.ownerId ? eq(initiativeRisks.ownerId, query.ownerId) : undefined,
      query.level ? levelFilter(query.level) : undefined,
      query.impactOn ? sql`${query.impactOn} = any(${initiativeRisks.impactOn})` : undefined,
      query.q ? sql`(${initiativeRisks.title} ilike ${likePattern(query.q)} or ${initiativeRisks.description} ilike ${likePattern(query.q)})` : undefined,
      afterCursor(initiativeRisks.title, initiativeRisks.id, decodeCursor(query.cursor, 2)),
    ),
  )
    .orderBy(initiativeRisks.title, initiativeRisks.id)
    .limit(query.limit + 1);
}

export function allRisks(db: Executor, coalitionId: string, initiativeId?: string) {
  return risksWhere(db, coalitionId, initiativeId ? eq(initiativeRisks.initiativeId, initiativeId) : undefined).orderBy(sql`${score} desc`, initiativeRisks.title, initiativeRisks.id);
}

export async function tasksOfRisks(db: Executor, coalitionId: string, riskIds: string[]) {
  if (riskIds.length === 0) return [];
  return db
    .select({ riskId: riskTasks.riskId, id: initiativeTasks.id, name: initiativeTasks.name, initiativeId: initiativeTasks.initiativeId })
    .from(riskTasks)
    .innerJoin(initiativeTasks, and(eq(initiativeTasks.coalitionId, riskTasks.coalitionId), eq(initiativeTasks.id, riskTasks.taskId)))
    .where(and(eq(riskTasks.coalitionId, coalitionId), inArray(riskTasks.riskId, riskIds)))
    .orderBy(initiativeTasks.startsOn, initiativeTasks.name);
}

export async function existingTasks(db: Executor, coalitionId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: initiativeTasks.id }).from(initiativeTasks).where(and(eq(initiativeTasks.coalitionId, coalitionId), inArray(initiativeTasks.id, ids)));
  return new Set(rows.map((r) => r.id));
}
