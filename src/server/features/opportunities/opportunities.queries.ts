import { and, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OpportunityListQuery } from '../../../shared/opportunities.contract.js';
import { placedOrBeyond } from '../../../shared/applications.contract.js';
import { applications, organizations, skills } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { opportunities, opportunitySkills } from './opportunities.table.js';

const institution = alias(organizations, 'institution');

export const opportunityColumns = {
  id: opportunities.id,
  kind: opportunities.kind,
  title: opportunities.title,
  description: opportunities.description,
  employerId: opportunities.employerId,
  employerName: organizations.name,
  employerWebsite: organizations.website,
  institutionId: opportunities.institutionId,
  institutionName: institution.name,
  pathway: opportunities.pathway,
  audiences: opportunities.audiences,
  compensation: opportunities.compensation,
  payAmount: opportunities.payAmount,
  payUnit: opportunities.payUnit,
  seats: opportunities.seats,
  seatsFilled: sql<number>`(select count(*)::int from ${applications} where ${applications.coalitionId} = ${opportunities.coalitionId} and ${applications.opportunityId} = ${opportunities.id} and ${inArray(applications.status, [...placedOrBeyond])})`,
  startsOn: opportunities.startsOn,
  endsOn: opportunities.endsOn,
  applicationDeadline: opportunities.applicationDeadline,
  hoursPerWeek: opportunities.hoursPerWeek,
  minimumAge: opportunities.minimumAge,
  modality: opportunities.modality,
  location: opportunities.location,
  status: opportunities.status,
  externalId: opportunities.externalId,
  createdAt: opportunities.createdAt,
  updatedAt: opportunities.updatedAt,
  /** The row's skills, most important first, in the same statement (a list page is one round trip, not two). */
  skills: sql<{ id: string; name: string; importance: number }[] | null>`(select json_agg(json_build_object('id', ${skills.id}, 'name', ${skills.name}, 'importance', ${opportunitySkills.importance}) order by ${opportunitySkills.importance} desc, ${skills.name}) from ${opportunitySkills} inner join ${skills} on ${skills.id} = ${opportunitySkills.skillId} where ${opportunitySkills.coalitionId} = ${opportunities.coalitionId} and ${opportunitySkills.opportunityId} = ${opportunities.id})`,
};

function selectOpportunities(db: Executor) {
  return db
    .select(opportunityColumns)
    .from(opportunities)
    .innerJoin(organizations, and(eq(organizations.coalitionId, opportunities.coalitionId), eq(organizations.id, opportunities.employerId)))
    .leftJoin(institution, and(eq(institution.coalitionId, opportunities.coalitionId), eq(institution.id, opportunities.institutionId)));
}
export type OpportunityRow = NonNullable<Awaited<ReturnType<typeof findOpportunity>>>;

/** Who sees drafts: the host's staff and the Coordinator (null = everything). */
export interface OpportunityViewer {
  seesAllDrafts: boolean;
  organizationId: string | null;
}
function visibleTo(viewer: OpportunityViewer): SQL | undefined {
  if (viewer.seesAllDrafts) return undefined;
  return viewer.organizationId ? or(ne(opportunities.status, 'draft'), eq(opportunities.employerId, viewer.organizationId)) : ne(opportunities.status, 'draft');
}

export async function findOpportunity(db: Executor, coalitionId: string, id: string, viewer?: OpportunityViewer) {
  const [row] = await selectOpportunities(db).where(and(eq(opportunities.coalitionId, coalitionId), eq(opportunities.id, id), viewer ? visibleTo(viewer) : undefined));
  return row;
}

export async function listOpportunities(db: Executor, coalitionId: string, query: OpportunityListQuery, viewer: OpportunityViewer) {
  const filters: (SQL | undefined)[] = [eq(opportunities.coalitionId, coalitionId), visibleTo(viewer)];
  if (query.kind) filters.push(eq(opportunities.kind, query.kind));
  if (query.status) filters.push(eq(opportunities.status, query.status));
  if (query.employerId) filters.push(eq(opportunities.employerId, query.employerId));
  if (query.institutionId) filters.push(eq(opportunities.institutionId, query.institutionId));
  if (query.audience) filters.push(sql`(${query.audience} = any(${opportunities.audiences}) or cardinality(${opportunities.audiences}) = 0)`);
  if (query.compensation) filters.push(eq(opportunities.compensation, query.compensation));
  if (query.pathway) filters.push(sql`lower(${opportunities.pathway}) = lower(${query.pathway})`);
  if (query.skill) {
    filters.push(
      sql`exists (select 1 from ${opportunitySkills} inner join ${skills} on ${skills.id} = ${opportunitySkills.skillId} where ${opportunitySkills.coalitionId} = ${opportunities.coalitionId} and ${opportunitySkills.opportunityId} = ${opportunities.id} and ${ilike(skills.name, likePattern(query.skill))})`,
    );
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(or(ilike(opportunities.title, pattern), ilike(opportunities.description, pattern), ilike(opportunities.externalId, pattern), ilike(organizations.name, pattern)));
  }
  filters.push(afterCursor(opportunities.title, opportunities.id, decodeCursor(query.cursor, 2)));
  return selectOpportunities(db)
    .where(and(...filters))
    .orderBy(opportunities.title, opportunities.id)
    .limit(query.limit + 1);
}

export async function skillsOf(db: Executor, coalitionId: string, opportunityIds: string[]) {
  if (opportunityIds.length === 0) return [];
  return db
    .select({ opportunityId: opportunitySkills.opportunityId, id: skills.id, name: skills.name, importance: opportunitySkills.importance })
    .from(opportunitySkills)
    .innerJoin(skills, eq(skills.id, opportunitySkills.skillId))
    .where(and(eq(opportunitySkills.coalitionId, coalitionId), inArray(opportunitySkills.opportunityId, opportunityIds)))
    .orderBy(sql`${opportunitySkills.importance} desc`, skills.name);
}

export async function countApplications(db: Executor, coalitionId: string, opportunityId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.coalitionId, coalitionId), eq(applications.opportunityId, opportunityId)));
  return row?.n ?? 0;
}

export async function organizationById(db: Executor, coalitionId: string, id: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name, type: organizations.type })
    .from(organizations)
    .where(and(eq(organizations.coalitionId, coalitionId), eq(organizations.id, id)));
  return row;
}
