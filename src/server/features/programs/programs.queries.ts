import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CourseListQuery, ProgramListQuery } from '../../../shared/programs.contract.js';
import type { Executor } from '../../db/client.js';
import { cipSoc, curriculumProposals, organizations, people, skills } from '../../db/schema.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { courseSkillVersions, courseSkills, courses, programOutcomes, programPartners, programs } from './programs.table.js';

export const programColumns = {
  id: programs.id,
  institutionId: programs.institutionId,
  institutionName: organizations.name,
  title: programs.title,
  cip: programs.cip,
  awardLevel: programs.awardLevel,
  pathway: programs.pathway,
  description: programs.description,
  techFocused: programs.techFocused,
  specialtySkillClass: programs.specialtySkillClass,
  externalId: programs.externalId,
  createdAt: programs.createdAt,
  updatedAt: programs.updatedAt,
};
export type ProgramRow = Awaited<ReturnType<typeof findProgram>> & {};

const institutionJoin = and(eq(organizations.coalitionId, programs.coalitionId), eq(organizations.id, programs.institutionId));

export async function findProgram(db: Executor, coalitionId: string, id: string) {
  const [row] = await db.select(programColumns).from(programs).innerJoin(organizations, institutionJoin).where(and(eq(programs.coalitionId, coalitionId), eq(programs.id, id)));
  return row;
}

const taughtBy = (coalitionId: string, skillId: string) =>
  sql`exists (select 1 from ${courses} c join ${courseSkills} cs on cs.coalition_id = c.coalition_id and cs.course_id = c.id
    where c.coalition_id = ${coalitionId} and c.program_id = ${programs.id} and cs.skill_id = ${skillId})`;

export async function listPrograms(db: Executor, coalitionId: string, query: Omit<ProgramListQuery, 'limit' | 'cursor'> & { limit?: number; cursor?: string | undefined }) {
  const filters: (SQL | undefined)[] = [eq(programs.coalitionId, coalitionId)];
  if (query.institutionId) filters.push(eq(programs.institutionId, query.institutionId));
  if (query.awardLevel) filters.push(eq(programs.awardLevel, query.awardLevel));
  if (query.cip) filters.push(eq(programs.cip, query.cip));
  if (query.skillId) filters.push(taughtBy(coalitionId, query.skillId));
  if (query.soc) filters.push(sql`exists (select 1 from ${cipSoc} x where x.cip = ${programs.cip} and x.soc = ${query.soc})`);
  if (query.q) {
    const like = likePattern(query.q);
    filters.push(or(ilike(programs.title, like), ilike(organizations.name, like), ilike(programs.pathway, like), ilike(programs.cip, like), ilike(programs.externalId, like)));
  }
  filters.push(afterCursor(programs.title, programs.id, decodeCursor(query.cursor, 2)));
  const select = db.select(programColumns).from(programs).innerJoin(organizations, institutionJoin).where(and(...filters)).orderBy(programs.title, programs.id);
  return query.limit === undefined ? select : select.limit(query.limit + 1);
}

export const courseColumns = {
  id: courses.id,
  programId: courses.programId,
  programTitle: programs.title,
  institutionId: programs.institutionId,
  institutionName: organizations.name,
  code: courses.code,
  title: courses.title,
  description: courses.description,
  annualEnrollment: courses.annualEnrollment,
  skillsVersion: courses.skillsVersion,
  createdAt: courses.createdAt,
  updatedAt: courses.updatedAt,
};
export type CourseRow = Awaited<ReturnType<typeof findCourse>> & {};

function selectCourses(db: Executor) {
  return db
    .select(courseColumns)
    .from(courses)
    .innerJoin(programs, and(eq(programs.coalitionId, courses.coalitionId), eq(programs.id, courses.programId)))
    .innerJoin(organizations, institutionJoin);
}

export async function findCourse(db: Executor, coalitionId: string, id: string) {
  const [row] = await selectCourses(db).where(and(eq(courses.coalitionId, coalitionId), eq(courses.id, id)));
  return row;
}

export async function listCourses(db: Executor, coalitionId: string, query: CourseListQuery | { programIds: string[] }) {
  const filters: (SQL | undefined)[] = [eq(courses.coalitionId, coalitionId)];
  if ('programIds' in query) {
    if (query.programIds.length === 0) return [];
    return selectCourses(db)
      .where(and(eq(courses.coalitionId, coalitionId), inArray(courses.programId, query.programIds)))
      .orderBy(courses.title, courses.id);
  }
  if (query.programId) filters.push(eq(courses.programId, query.programId));
  if (query.institutionId) filters.push(eq(programs.institutionId, query.institutionId));
  if (query.skillId) filters.push(sql`exists (select 1 from ${courseSkills} cs where cs.coalition_id = ${courses.coalitionId} and cs.course_id = ${courses.id} and cs.skill_id = ${query.skillId})`);
  if (query.q) {
    const like = likePattern(query.q);
    filters.push(or(ilike(courses.title, like), ilike(courses.code, like), ilike(programs.title, like), ilike(organizations.name, like)));
  }
  filters.push(afterCursor(courses.title, courses.id, decodeCursor(query.cursor, 2)));
  return selectCourses(db).where(and(...filters)).orderBy(courses.title, courses.id).limit(query.limit + 1);
}

export async function skillsOfCourses(db: Executor, coalitionId: string, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return db
    .select({ courseId: courseSkills.courseId, id: skills.id, name: skills.name, kind: skills.kind })
    .from(courseSkills)
    .innerJoin(skills, eq(skills.id, courseSkills.skillId))
    .where(and(eq(courseSkills.coalitionId, coalitionId), inArray(courseSkills.courseId, courseIds)))
    .orderBy(skills.name);
}

export async function outcomesOf(db: Executor, coalitionId: string, programIds: string[]) {
  if (programIds.length === 0) return [];
  return db
    .select({ programId: programOutcomes.programId, year: programOutcomes.year, enrollment: programOutcomes.enrollment, completions: programOutcomes.completions, source: programOutcomes.source })
    .from(programOutcomes)
    .where(and(eq(programOutcomes.coalitionId, coalitionId), inArray(programOutcomes.programId, programIds)))
    .orderBy(asc(programOutcomes.year));
}

export async function partnersOf(db: Executor, coalitionId: string, programIds: string[]) {
  if (programIds.length === 0) return [];
  return db
    .select({ programId: programPartners.programId, id: organizations.id, name: organizations.name })
    .from(programPartners)
    .innerJoin(organizations, and(eq(organizations.coalitionId, programPartners.coalitionId), eq(organizations.id, programPartners.organizationId)))
    .where(and(eq(programPartners.coalitionId, coalitionId), inArray(programPartners.programId, programIds)))
    .orderBy(organizations.name);
}

export async function occupationsOf(db: Executor, cips: string[]) {
  if (cips.length === 0) return [];
  return db.select({ cip: cipSoc.cip, cipTitle: cipSoc.cipTitle, soc: cipSoc.soc, title: cipSoc.socTitle }).from(cipSoc).where(inArray(cipSoc.cip, cips)).orderBy(cipSoc.soc);
}

export async function organizationsByIds(db: Executor, coalitionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: organizations.id, name: organizations.name, type: organizations.type }).from(organizations).where(and(eq(organizations.coalitionId, coalitionId), inArray(organizations.id, ids)));
}

export async function versionsOf(db: Executor, coalitionId: string, courseId: string) {
  return db
    .select({
      version: courseSkillVersions.version,
      skillIds: courseSkillVersions.skillIds,
      added: courseSkillVersions.added,
      removed: courseSkillVersions.removed,
      note: courseSkillVersions.note,
      proposalId: courseSkillVersions.proposalId,
      evidence: courseSkillVersions.evidence,
      changedBy: courseSkillVersions.changedBy,
      changedByName: people.name,
      createdAt: courseSkillVersions.createdAt,
      proposalTitle: curriculumProposals.title,
      proposalStatus: curriculumProposals.status,
      comments: sql<number>`(select count(*)::int from curriculum_comments cc where cc.coalition_id = ${courseSkillVersions.coalitionId} and cc.proposal_id = ${courseSkillVersions.proposalId})`,
      averageRelevance: sql<number | null>`(select round(avg(cc.relevance)::numeric, 1)::float8 from curriculum_comments cc where cc.coalition_id = ${courseSkillVersions.coalitionId} and cc.proposal_id = ${courseSkillVersions.proposalId} and cc.relevance is not null)`,
    })
    .from(courseSkillVersions)
    .leftJoin(people, and(eq(people.coalitionId, courseSkillVersions.coalitionId), eq(people.id, courseSkillVersions.changedBy)))
    .leftJoin(curriculumProposals, and(eq(curriculumProposals.coalitionId, courseSkillVersions.coalitionId), eq(curriculumProposals.id, courseSkillVersions.proposalId)))
    .where(and(eq(courseSkillVersions.coalitionId, coalitionId), eq(courseSkillVersions.courseId, courseId)))
    .orderBy(desc(courseSkillVersions.version));
}

export async function skillNamesByIds(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: skills.id, name: skills.name }).from(skills).where(inArray(skills.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Curriculum proposals that name any of these courses (they keep a course from being removed). */
export async function proposalsOnCourses(db: Executor, coalitionId: string, courseIds: string[]): Promise<number> {
  if (courseIds.length === 0) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(curriculumProposals).where(and(eq(curriculumProposals.coalitionId, coalitionId), inArray(curriculumProposals.courseId, courseIds)));
  return row?.n ?? 0;
}
