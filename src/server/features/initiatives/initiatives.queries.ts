import { and, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { InitiativeListQuery } from '../../../shared/initiatives.contract.js';
import { organizations, people } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { initiativeStakeholders, initiativeTasks, initiatives, taskDependencies } from './initiatives.table.js';
import { strategySessions } from './strategy.table.js';

export const initiativeColumns = {
  id: initiatives.id,
  title: initiatives.title,
  category: initiatives.category,
  customCategory: initiatives.customCategory,
  description: initiatives.description,
  status: initiatives.status,
  ownerId: initiatives.ownerId,
  strategySessionId: initiatives.strategySessionId,
  priorityRank: initiatives.priorityRank,
  strategicPriorities: initiatives.strategicPriorities,
  recommendations: initiatives.recommendations,
  goals: initiatives.goals,
  startsOn: initiatives.startsOn,
  targetFinishOn: initiatives.targetFinishOn,
  recruitingWindow: initiatives.recruitingWindow,
  baselineSavedAt: initiatives.baselineSavedAt,
  createdAt: initiatives.createdAt,
  updatedAt: initiatives.updatedAt,
};
export type InitiativeRow = NonNullable<Awaited<ReturnType<typeof findInitiative>>>;

export async function findInitiative(db: Executor, coalitionId: string, id: string) {
  const [row] = await db
    .select(initiativeColumns)
    .from(initiatives)
    .where(and(eq(initiatives.coalitionId, coalitionId), eq(initiatives.id, id)));
  return row;
}

export async function listInitiatives(db: Executor, coalitionId: string, query: InitiativeListQuery) {
  const filters: (SQL | undefined)[] = [eq(initiatives.coalitionId, coalitionId)];
  if (query.status) filters.push(eq(initiatives.status, query.status));
  if (query.category) filters.push(eq(initiatives.category, query.category));
  if (query.ownerId) filters.push(eq(initiatives.ownerId, query.ownerId));
  if (query.strategySessionId) filters.push(eq(initiatives.strategySessionId, query.strategySessionId));
  if (query.q) filters.push(or(ilike(initiatives.title, likePattern(query.q)), ilike(initiatives.description, likePattern(query.q))));
  filters.push(afterCursor(initiatives.title, initiatives.id, decodeCursor(query.cursor, 2)));
  return db
    .select(initiativeColumns)
    .from(initiatives)
    .where(and(...filters))
    .orderBy(initiatives.title, initiatives.id)
    .limit(query.limit + 1);
}

/** People with their organization, for the DTOs' person references. */
export async function personRefs(db: Executor, coalitionId: string, personIds: (string | null)[]) {
  const ids = [...new Set(personIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map<string, PersonRef>();
  const rows = await db
    .select({ personId: people.id, name: people.name, organizationId: people.organizationId, organizationName: organizations.name })
    .from(people)
    .leftJoin(organizations, and(eq(organizations.coalitionId, people.coalitionId), eq(organizations.id, people.organizationId)))
    .where(and(eq(people.coalitionId, coalitionId), inArray(people.id, ids)));
  return new Map(rows.map((r) => [r.personId, r]));
}
export interface PersonRef {
  personId: string;
  name: string;
  organizationId: string | null;
  organizationName: string | null;
}

export async function personExists(db: Executor, coalitionId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.coalitionId, coalitionId), eq(people.id, id)));
  return Boolean(row);
}

export async function findSession(db: Executor, coalitionId: string, id: string) {
  const [row] = await db
    .select({ id: strategySessions.id, status: strategySessions.status })
    .from(strategySessions)
    .where(and(eq(strategySessions.coalitionId, coalitionId), eq(strategySessions.id, id)));
  return row;
}

export async function stakeholdersOf(db: Executor, coalitionId: string, initiativeIds: string[]) {
  if (initiativeIds.length === 0) return [];
  return db
    .select({
      id: initiativeStakeholders.id,
      initiativeId: initiativeStakeholders.initiativeId,
      personId: initiativeStakeholders.personId,
      raci: initiativeStakeholders.raci,
      role: initiativeStakeholders.role,
      responsibilities: initiativeStakeholders.responsibilities,
      pointOfContact: initiativeStakeholders.pointOfContact,
      createdAt: initiativeStakeholders.createdAt,
      updatedAt: initiativeStakeholders.updatedAt,
      name: people.name,
      organizationId: people.organizationId,
      organizationName: organizations.name,
    })
    .from(initiativeStakeholders)
    .innerJoin(people, and(eq(people.coalitionId, initiativeStakeholders.coalitionId), eq(people.id, initiativeStakeholders.personId)))
    .leftJoin(organizations, and(eq(organizations.coalitionId, people.coalitionId), eq(organizations.id, people.organizationId)))
    .where(and(eq(initiativeStakeholders.coalitionId, coalitionId), inArray(initiativeStakeholders.initiativeId, initiativeIds)))
    .orderBy(sql`case ${initiativeStakeholders.raci} when 'accountable' then 0 when 'responsible' then 1 when 'consulted' then 2 else 3 end`, people.name);
}
export type StakeholderRow = Awaited<ReturnType<typeof stakeholdersOf>>[number];

export async function findStakeholder(db: Executor, coalitionId: string, initiativeId: string, id: string) {
  const [row] = await db
    .select()
    .from(initiativeStakeholders)
    .where(and(eq(initiativeStakeholders.coalitionId, coalitionId), eq(initiativeStakeholders.initiativeId, initiativeId), eq(initiativeStakeholders.id, id)));
  return row;
}

/** Task count and duration-weighted progress (a milestone weighs one day). */
export async function taskStatsOf(db: Executor, coalitionId: string, initiativeIds: string[]) {
  if (initiativeIds.length === 0) return new Map<string, { taskCount: number; progressPercent: number }>();
  const rows = await db
    .select({
      initiativeId: initiativeTasks.initiativeId,
      taskCount: sql<number>`count(*)::int`,
      progressPercent: sql<number>`coalesce(round(sum(${initiativeTasks.progress} * greatest(${initiativeTasks.durationDays}, 1))::numeric / nullif(sum(greatest(${initiativeTasks.durationDays}, 1)), 0)), 0)::int`,
    })
    .from(initiativeTasks)
    .where(and(eq(initiativeTasks.coalitionId, coalitionId), inArray(initiativeTasks.initiativeId, initiativeIds)))
    .groupBy(initiativeTasks.initiativeId);
  return new Map(rows.map((r) => [r.initiativeId, r]));
}

/** Tasks of other initiatives that wait for this initiative's tasks. */
export async function outsideDependents(db: Executor, coalitionId: string, initiativeId: string) {
  const before = sql`(select ${initiativeTasks.id} from ${initiativeTasks} where ${initiativeTasks.coalitionId} = ${coalitionId} and ${initiativeTasks.initiativeId} = ${initiativeId})`;
  return db
    .selectDistinct({ id: initiativeTasks.id, name: initiativeTasks.name })
    .from(taskDependencies)
    .innerJoin(initiativeTasks, and(eq(initiativeTasks.coalitionId, taskDependencies.coalitionId), eq(initiativeTasks.id, taskDependencies.taskId)))
    .where(and(eq(taskDependencies.coalitionId, coalitionId), sql`${taskDependencies.dependsOnId} in ${before}`, ne(initiativeTasks.initiativeId, initiativeId)));
}
