import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ProposalListQuery } from '../../../shared/curriculum.contract.js';
import type { Executor } from '../../db/client.js';
import { courses, hiringNeeds, organizations, people, programs, skills } from '../../db/schema.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { curriculumComments, curriculumFollowers, curriculumProposals, curriculumStatusChanges } from './curriculum.table.js';

export const proposalColumns = {
  id: curriculumProposals.id,
  institutionId: curriculumProposals.institutionId,
  institutionName: organizations.name,
  courseId: curriculumProposals.courseId,
  authorId: curriculumProposals.authorId,
  title: curriculumProposals.title,
  summary: curriculumProposals.summary,
  details: curriculumProposals.details,
  skillsAdded: curriculumProposals.skillsAdded,
  skillsRemoved: curriculumProposals.skillsRemoved,
  hiringNeedIds: curriculumProposals.hiringNeedIds,
  targetTerm: curriculumProposals.targetTerm,
  status: curriculumProposals.status,
  adoptedVersion: curriculumProposals.adoptedVersion,
  decidedAt: curriculumProposals.decidedAt,
  createdAt: curriculumProposals.createdAt,
  updatedAt: curriculumProposals.updatedAt,
  comments: sql<number>`(select count(*)::int from curriculum_comments c where c.coalition_id = ${curriculumProposals.coalitionId} and c.proposal_id = ${curriculumProposals.id})`,
  averageRelevance: sql<number | null>`(select round(avg(c.relevance)::numeric, 1)::float8 from curriculum_comments c where c.coalition_id = ${curriculumProposals.coalitionId} and c.proposal_id = ${curriculumProposals.id} and c.relevance is not null)`,
  followers: sql<number>`(select count(*)::int from curriculum_followers f where f.coalition_id = ${curriculumProposals.coalitionId} and f.proposal_id = ${curriculumProposals.id})`,
};
export type ProposalRow = Awaited<ReturnType<typeof findProposal>> & {};

function selectProposals(db: Executor) {
  return db
    .select(proposalColumns)
    .from(curriculumProposals)
    .innerJoin(organizations, and(eq(organizations.coalitionId, curriculumProposals.coalitionId), eq(organizations.id, curriculumProposals.institutionId)));
}

export async function findProposal(db: Executor, coalitionId: string, id: string) {
  const [row] = await selectProposals(db).where(and(eq(curriculumProposals.coalitionId, coalitionId), eq(curriculumProposals.id, id)));
  return row;
}

export async function listProposals(db: Executor, coalitionId: string, query: ProposalListQuery, personId: string) {
  const filters: (SQL | undefined)[] = [eq(curriculumProposals.coalitionId, coalitionId)];
  if (query.status) filters.push(eq(curriculumProposals.status, query.status));
  if (query.institutionId) filters.push(eq(curriculumProposals.institutionId, query.institutionId));
  if (query.courseId) filters.push(eq(curriculumProposals.courseId, query.courseId));
  if (query.skillId) filters.push(or(sql`${query.skillId} = any(${curriculumProposals.skillsAdded})`, sql`${query.skillId} = any(${curriculumProposals.skillsRemoved})`));
  if (query.following) filters.push(sql`exists (select 1 from ${curriculumFollowers} f where f.coalition_id = ${curriculumProposals.coalitionId} and f.proposal_id = ${curriculumProposals.id} and f.person_id = ${personId})`);
  if (query.q) {
    const like = likePattern(query.q);
    filters.push(or(ilike(curriculumProposals.title, like), ilike(curriculumProposals.summary, like), ilike(organizations.name, like), ilike(curriculumProposals.targetTerm, like)));
  }
  filters.push(afterCursor(curriculumProposals.title, curriculumProposals.id, decodeCursor(query.cursor, 2)));
  return selectProposals(db).where(and(...filters)).orderBy(curriculumProposals.title, curriculumProposals.id).limit(query.limit + 1);
}

export async function coursesByIds(db: Executor, coalitionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: courses.id, title: courses.title, code: courses.code, programId: courses.programId, programTitle: programs.title, institutionId: programs.institutionId })
    .from(courses)
    .innerJoin(programs, and(eq(programs.coalitionId, courses.coalitionId), eq(programs.id, courses.programId)))
    .where(and(eq(courses.coalitionId, coalitionId), inArray(courses.id, ids)));
}

export async function needsByIds(db: Executor, coalitionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: hiringNeeds.id, title: hiringNeeds.title, employerName: organizations.name })
    .from(hiringNeeds)
    .innerJoin(organizations, and(eq(organizations.coalitionId, hiringNeeds.coalitionId), eq(organizations.id, hiringNeeds.employerId)))
    .where(and(eq(hiringNeeds.coalitionId, coalitionId), inArray(hiringNeeds.id, ids)));
}

export async function peopleByIds(db: Executor, coalitionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, organizationName: organizations.name })
    .from(people)
    .leftJoin(organizations, and(eq(organizations.coalitionId, people.coalitionId), eq(organizations.id, people.organizationId)))
    .where(and(eq(people.coalitionId, coalitionId), inArray(people.id, ids)));
}

export async function skillRefs(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: skills.id, name: skills.name, kind: skills.kind }).from(skills).where(inArray(skills.id, ids));
}

export async function followedBy(db: Executor, coalitionId: string, proposalIds: string[], personId: string) {
  if (proposalIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ proposalId: curriculumFollowers.proposalId })
    .from(curriculumFollowers)
    .where(and(eq(curriculumFollowers.coalitionId, coalitionId), eq(curriculumFollowers.personId, personId), inArray(curriculumFollowers.proposalId, proposalIds)));
  return new Set(rows.map((r) => r.proposalId));
}

export async function followerIds(db: Executor, coalitionId: string, proposalId: string): Promise<string[]> {
  const rows = await db.select({ personId: curriculumFollowers.personId }).from(curriculumFollowers).where(and(eq(curriculumFollowers.coalitionId, coalitionId), eq(curriculumFollowers.proposalId, proposalId)));
  return rows.map((r) => r.personId);
}

export async function follow(db: Executor, coalitionId: string, proposalId: string, personId: string) {
  await db.insert(curriculumFollowers).values({ coalitionId, proposalId, personId }).onConflictDoNothing();
}

export async function comments(db: Executor, coalitionId: string, proposalId: string) {
  return db
    .select()
    .from(curriculumComments)
    .where(and(eq(curriculumComments.coalitionId, coalitionId), eq(curriculumComments.proposalId, proposalId)))
    .orderBy(asc(curriculumComments.createdAt), asc(curriculumComments.id));
}

export async function statusHistory(db: Executor, coalitionId: string, proposalId: string) {
  return db
    .select()
    .from(curriculumStatusChanges)
    .where(and(eq(curriculumStatusChanges.coalitionId, coalitionId), eq(curriculumStatusChanges.proposalId, proposalId)))
    .orderBy(asc(curriculumStatusChanges.at), asc(curriculumStatusChanges.id));
}

/** People with an account at the employers whose hiring needs ask for any of these skills. */
export async function employersAskingFor(db: Executor, coalitionId: string, skillIds: string[]) {
  if (skillIds.length === 0) return [];
  const result = await db.execute<{ personId: string; skillId: string; needId: string }>(sql`
    select distinct p.id as "personId", hs.skill_id as "skillId", n.id as "needId"
    from hiring_need_skills hs
    join hiring_needs n on n.coalition_id = hs.coalition_id and n.id = hs.need_id
    join people p on p.coalition_id = n.coalition_id and p.organization_id = n.employer_id
    where hs.coalition_id = ${coalitionId} and hs.skill_id = any(${sql.param(skillIds)}::text[])
      and p.user_id is not null and not ('student' = all(p.roles))`);
  return result.rows;
}

export async function organizationsByIds(db: Executor, coalitionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: organizations.id, name: organizations.name, type: organizations.type }).from(organizations).where(and(eq(organizations.coalitionId, coalitionId), inArray(organizations.id, ids)));
}
