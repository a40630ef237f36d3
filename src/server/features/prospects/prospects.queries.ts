import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ProspectListQuery } from '../../../shared/prospects.contract.js';
import type { Executor } from '../../db/client.js';
import { people } from '../../db/schema.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { prospectActivities, prospectContacts, prospects } from './prospects.table.js';

const columns = {
  id: prospects.id,
  name: prospects.name,
  type: prospects.type,
  stage: prospects.stage,
  website: prospects.website,
  notes: prospects.notes,
  ownerId: prospects.ownerId,
  ownerName: people.name,
  nextStep: prospects.nextStep,
  nextStepOn: prospects.nextStepOn,
  illustrative: prospects.illustrative,
  organizationId: prospects.organizationId,
  createdAt: prospects.createdAt,
  updatedAt: prospects.updatedAt,
};

const withOwner = (db: Executor) =>
  db
    .select(columns)
    .from(prospects)
    .leftJoin(people, and(eq(people.coalitionId, prospects.coalitionId), eq(people.id, prospects.ownerId)));

export type ProspectRow = Awaited<ReturnType<typeof findProspect>> & {};

export async function findProspect(db: Executor, coalitionId: string, id: string) {
  const [row] = await withOwner(db).where(and(eq(prospects.coalitionId, coalitionId), eq(prospects.id, id)));
  return row;
}

export async function listProspects(db: Executor, coalitionId: string, query: ProspectListQuery) {
  const filters: (SQL | undefined)[] = [eq(prospects.coalitionId, coalitionId)];
  if (query.stage) filters.push(eq(prospects.stage, query.stage));
  if (query.q) {
    const pattern = likePattern(query.q);
    const contactMatch = sql`exists (select 1 from ${prospectContacts} c where c.coalition_id = ${prospects.coalitionId} and c.prospect_id = ${prospects.id} and (c.name ilike ${pattern} or c.email ilike ${pattern}))`;
    filters.push(or(ilike(prospects.name, pattern), contactMatch));
  }
  filters.push(afterCursor(prospects.name, prospects.id, decodeCursor(query.cursor, 2)));
  return withOwner(db)
    .where(and(...filters))
    .orderBy(prospects.name, prospects.id)
    .limit(query.limit + 1);
}

export async function contactsOf(db: Executor, coalitionId: string, prospectIds: string[]) {
  if (prospectIds.length === 0) return [];
  return db
    .select()
    .from(prospectContacts)
    .where(and(eq(prospectContacts.coalitionId, coalitionId), inArray(prospectContacts.prospectId, prospectIds)))
    .orderBy(desc(prospectContacts.decisionMaker), asc(prospectContacts.name));
}

export async function activitiesOf(db: Executor, coalitionId: string, prospectId: string) {
  return db
    .select({
      id: prospectActivities.id,
      occurredOn: prospectActivities.occurredOn,
      kind: prospectActivities.kind,
      summary: prospectActivities.summary,
      byPersonId: prospectActivities.byPersonId,
      byName: people.name,
      createdAt: prospectActivities.createdAt,
    })
    .from(prospectActivities)
    .leftJoin(people, and(eq(people.coalitionId, prospectActivities.coalitionId), eq(people.id, prospectActivities.byPersonId)))
    .where(and(eq(prospectActivities.coalitionId, coalitionId), eq(prospectActivities.prospectId, prospectId)))
    .orderBy(desc(prospectActivities.occurredOn), desc(prospectActivities.createdAt));
}

export async function stageCounts(db: Executor, coalitionId: string) {
  return db
    .select({ stage: prospects.stage, count: sql<number>`count(*)::int` })
    .from(prospects)
    .where(eq(prospects.coalitionId, coalitionId))
    .groupBy(prospects.stage);
}

export async function personInCoalition(db: Executor, coalitionId: string, personId: string): Promise<boolean> {
  const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.coalitionId, coalitionId), eq(people.id, personId)));
  return Boolean(row);
}
