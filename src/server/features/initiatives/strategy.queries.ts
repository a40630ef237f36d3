import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PriorityListQuery } from '../../../shared/initiatives.contract.js';
import type { ListQuery } from '../../../shared/common.contract.js';
import { organizations, people, skills } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { initiativeBallots, initiatives } from './initiatives.table.js';
import { stakeholderPriorities, strategySessions } from './strategy.table.js';

const sessionColumns = {
  id: strategySessions.id,
  title: strategySessions.title,
  heldOn: strategySessions.heldOn,
  notes: strategySessions.notes,
  status: strategySessions.status,
  adoptedAt: strategySessions.adoptedAt,
  createdAt: strategySessions.createdAt,
  updatedAt: strategySessions.updatedAt,
  // Correlated on the outer row by its qualified name (drizzle renders columns unqualified here).
  priorities: sql<number>`(select count(*)::int from stakeholder_priorities p where p.coalition_id = strategy_sessions.coalition_id and p.session_id = strategy_sessions.id)`,
  proposals: sql<number>`(select count(*)::int from initiatives i where i.coalition_id = strategy_sessions.coalition_id and i.strategy_session_id = strategy_sessions.id)`,
  ballots: sql<number>`(select count(distinct b.person_id)::int from initiative_ballots b where b.coalition_id = strategy_sessions.coalition_id and b.session_id = strategy_sessions.id)`,
};
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export async function findSession(db: Executor, coalitionId: string, id: string) {
  const [row] = await db
    .select(sessionColumns)
    .from(strategySessions)
    .where(and(eq(strategySessions.coalitionId, coalitionId), eq(strategySessions.id, id)));
  return row;
}

export async function listSessions(db: Executor, coalitionId: string, query: ListQuery) {
  return db
    .select(sessionColumns)
    .from(strategySessions)
    .where(
      and(
        eq(strategySessions.coalitionId, coalitionId),
        query.q ? sql`${strategySessions.title} ilike ${likePattern(query.q)}` : undefined,
        afterCursor(strategySessions.heldOn, strategySessions.id, decodeCursor(query.cursor, 2)),
      ),
    )
    .orderBy(strategySessions.heldOn, strategySessions.id)
    .limit(query.limit + 1);
}

const priorityColumns = {
  id: stakeholderPriorities.id,
  sessionId: stakeholderPriorities.sessionId,
  organizationId: stakeholderPriorities.organizationId,
  organizationName: organizations.name,
  organizationType: organizations.type,
  authorId: stakeholderPriorities.authorId,
  authorName: people.name,
  kind: stakeholderPriorities.kind,
  title: stakeholderPriorities.title,
  details: stakeholderPriorities.details,
  skillIds: stakeholderPriorities.skillIds,
  createdAt: stakeholderPriorities.createdAt,
  updatedAt: stakeholderPriorities.updatedAt,
};
export type PriorityRow = Awaited<ReturnType<typeof listPriorities>>[number];

function prioritiesQuery(db: Executor, coalitionId: string, where: SQL | undefined) {
  return db
    .select(priorityColumns)
    .from(stakeholderPriorities)
    .innerJoin(organizations, and(eq(organizations.coalitionId, stakeholderPriorities.coalitionId), eq(organizations.id, stakeholderPriorities.organizationId)))
    .leftJoin(people, and(eq(people.coalitionId, stakeholderPriorities.coalitionId), eq(people.id, stakeholderPriorities.authorId)))
    .where(and(eq(stakeholderPriorities.coalitionId, coalitionId), where));
}

export async function findPriority(db: Executor, coalitionId: string, sessionId: string, id: string) {
  const [row] = await prioritiesQuery(db, coalitionId, and(eq(stakeholderPriorities.sessionId, sessionId), eq(stakeholderPriorities.id, id)));
  return row;
}

export async function listPriorities(db: Executor, coalitionId: string, sessionId: string, query: PriorityListQuery) {
  return prioritiesQuery(
    db,
    coalitionId,
    and(
      eq(stakeholderPriorities.sessionId, sessionId),
      query.kind ? eq(stakeholderPriorities.kind, query.kind) : undefined,
      query.organizationId ? eq(stakeholderPriorities.organizationId, query.organizationId) : undefined,
      query.q ? or(sql`${stakeholderPriorities.title} ilike ${likePattern(query.q)}`, sql`${stakeholderPriorities.details} ilike ${likePattern(query.q)}`) : undefined,
      afterCursor(stakeholderPriorities.title, stakeholderPriorities.id, decodeCursor(query.cursor, 2)),
    ),
  )
    .orderBy(stakeholderPriorities.title, stakeholderPriorities.id)
    .limit(query.limit + 1);
}

/** Skills named by id or by name (case-insensitive), in the order asked; null where unknown. */
export async function resolveSkills(db: Executor, wanted: string[]) {
  if (wanted.length === 0) return [];
  const lower = wanted.map((w) => w.toLowerCase());
  const rows = await db
    .select({ id: skills.id, name: skills.name, kind: skills.kind })
    .from(skills)
    .where(or(inArray(skills.id, wanted), inArray(sql`lower(${skills.name})`, lower)));
  return wanted.map((w) => rows.find((r) => r.id === w || r.name.toLowerCase() === w.toLowerCase()) ?? null);
}

export async function skillsById(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; name: string; kind: string }>();
  const rows = await db.select({ id: skills.id, name: skills.name, kind: skills.kind }).from(skills).where(inArray(skills.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function organizationExists(db: Executor, coalitionId: string, id: string) {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.coalitionId, coalitionId), eq(organizations.id, id)));
  return Boolean(row);
}

export async function proposalsOf(db: Executor, coalitionId: string, sessionId: string) {
  return db
    .select({ id: initiatives.id, title: initiatives.title, category: initiatives.category, ownerId: initiatives.ownerId, status: initiatives.status, priorityRank: initiatives.priorityRank, strategicPriorities: initiatives.strategicPriorities, recommendations: initiatives.recommendations })
    .from(initiatives)
    .where(and(eq(initiatives.coalitionId, coalitionId), eq(initiatives.strategySessionId, sessionId)))
    .orderBy(asc(initiatives.title));
}

export async function ballotsOf(db: Executor, coalitionId: string, sessionId: string) {
  return db
    .select({ personId: initiativeBallots.personId, initiativeId: initiativeBallots.initiativeId, rank: initiativeBallots.rank, castAt: initiativeBallots.castAt })
    .from(initiativeBallots)
    .where(and(eq(initiativeBallots.coalitionId, coalitionId), eq(initiativeBallots.sessionId, sessionId)))
    .orderBy(initiativeBallots.personId, initiativeBallots.rank);
}
