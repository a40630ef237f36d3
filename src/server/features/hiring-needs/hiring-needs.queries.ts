import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { HiringNeedListQuery } from '../../../shared/hiring-needs.contract.js';
import type { Executor } from '../../db/client.js';
import { courseSkills, courses, onetOccupations, organizations, programs, skills, socCodes, socCrosswalk } from '../../db/schema.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { hiringNeedSkills, hiringNeeds } from './hiring-needs.table.js';

export const needColumns = {
  id: hiringNeeds.id,
  employerId: hiringNeeds.employerId,
  employerName: organizations.name,
  soc: hiringNeeds.soc,
  title: hiringNeeds.title,
  level: hiringNeeds.level,
  positions: hiringNeeds.positions,
  location: hiringNeeds.location,
  workplace: hiringNeeds.workplace,
  degreeRequired: hiringNeeds.degreeRequired,
  degreeLevel: hiringNeeds.degreeLevel,
  description: hiringNeeds.description,
  recruitingCalendar: hiringNeeds.recruitingCalendar,
  externalId: hiringNeeds.externalId,
  createdAt: hiringNeeds.createdAt,
  updatedAt: hiringNeeds.updatedAt,
};
export type NeedRow = Awaited<ReturnType<typeof listNeeds>>[number];

function selectNeeds(db: Executor) {
  return db
    .select(needColumns)
    .from(hiringNeeds)
    .innerJoin(organizations, and(eq(organizations.coalitionId, hiringNeeds.coalitionId), eq(organizations.id, hiringNeeds.employerId)));
}

export async function findNeed(db: Executor, coalitionId: string, id: string) {
  const [row] = await selectNeeds(db).where(and(eq(hiringNeeds.coalitionId, coalitionId), eq(hiringNeeds.id, id)));
  return row;
}

export async function listNeeds(db: Executor, coalitionId: string, query: HiringNeedListQuery & { all?: boolean }) {
  const filters: (SQL | undefined)[] = [eq(hiringNeeds.coalitionId, coalitionId)];
  if (query.employerId) filters.push(eq(hiringNeeds.employerId, query.employerId));
  if (query.soc) filters.push(eq(hiringNeeds.soc, query.soc));
  if (query.level) filters.push(eq(hiringNeeds.level, query.level));
  if (query.skillId) {
    filters.push(sql`exists (select 1 from ${hiringNeedSkills} s where s.coalition_id = ${hiringNeeds.coalitionId} and s.need_id = ${hiringNeeds.id} and s.skill_id = ${query.skillId})`);
  }
  if (query.q) {
    const like = likePattern(query.q);
    filters.push(or(ilike(hiringNeeds.title, like), ilike(organizations.name, like), ilike(hiringNeeds.soc, like), ilike(hiringNeeds.externalId, like)));
  }
  const base = selectNeeds(db).orderBy(hiringNeeds.title, hiringNeeds.id);
  if (query.all) return base.where(and(...filters));
  filters.push(afterCursor(hiringNeeds.title, hiringNeeds.id, decodeCursor(query.cursor, 2)));
  return base.where(and(...filters)).limit(query.limit + 1);
}

export async function skillsOfNeeds(db: Executor, coalitionId: string, needIds: string[]) {
  if (needIds.length === 0) return [];
  return db
    .select({ needId: hiringNeedSkills.needId, skillId: skills.id, name: skills.name, kind: skills.kind, level: hiringNeedSkills.level, importance: hiringNeedSkills.importance })
    .from(hiringNeedSkills)
    .innerJoin(skills, eq(skills.id, hiringNeedSkills.skillId))
    .where(and(eq(hiringNeedSkills.coalitionId, coalitionId), inArray(hiringNeedSkills.needId, needIds)))
    .orderBy(asc(hiringNeedSkills.position), asc(skills.name));
}

/** Titles for SOC codes: SOC 2018 as loaded, else the crosswalk's names for either version. */
export async function socTitles(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const [loaded, crossed] = await Promise.all([
    db.select({ code: socCodes.code, title: socCodes.title, version: socCodes.version }).from(socCodes).where(inArray(socCodes.code, codes)),
    db.select().from(socCrosswalk).where(or(inArray(socCrosswalk.soc2018, codes), inArray(socCrosswalk.soc2010, codes))),
  ]);
  const titles = new Map<string, string>();
  for (const c of crossed) {
    if (codes.includes(c.soc2010) && !titles.has(c.soc2010)) titles.set(c.soc2010, c.soc2010Title);
    if (codes.includes(c.soc2018)) titles.set(c.soc2018, c.soc2018Title);
  }
  for (const row of loaded.sort((a, b) => a.version.localeCompare(b.version))) titles.set(row.code, row.title);
  return titles;
}

/** What the degree flags look at: skills taught outside degree programs here, job zones, SOC 2010 codes. */
export async function flagInputs(db: Executor, coalitionId: string, socs: string[]) {
  const [taught, zones, crossed] = await Promise.all([
    db
      .selectDistinct({ skillId: courseSkills.skillId, program: programs.title, institution: organizations.name })
      .from(courseSkills)
      .innerJoin(courses, and(eq(courses.coalitionId, courseSkills.coalitionId), eq(courses.id, courseSkills.courseId)))
      .innerJoin(programs, and(eq(programs.coalitionId, courses.coalitionId), eq(programs.id, courses.programId)))
      .innerJoin(organizations, and(eq(organizations.coalitionId, programs.coalitionId), eq(organizations.id, programs.institutionId)))
      .where(and(eq(courseSkills.coalitionId, coalitionId), inArray(programs.awardLevel, ['certificate', 'non_credit', 'boot_camp']))),
    socs.length ? db.select({ soc: onetOccupations.soc, jobZone: onetOccupations.jobZone }).from(onetOccupations).where(inArray(onetOccupations.soc, socs)) : [],
    socs.length ? db.select().from(socCrosswalk).where(or(inArray(socCrosswalk.soc2010, socs), inArray(socCrosswalk.soc2018, socs))) : [],
  ]);
  const nonDegree = new Map<string, string[]>();
  for (const t of taught) nonDegree.set(t.skillId, [...(nonDegree.get(t.skillId) ?? []), `${t.program} (${t.institution})`]);
  const jobZones = new Map<string, number>();
  for (const z of zones) if (z.jobZone !== null) jobZones.set(z.soc, Math.max(jobZones.get(z.soc) ?? 0, z.jobZone));
  const as2018 = new Set(crossed.map((c) => c.soc2018));
  const successors = new Map<string, { soc: string; title: string }[]>();
  for (const c of crossed) if (!as2018.has(c.soc2010)) successors.set(c.soc2010, [...(successors.get(c.soc2010) ?? []), { soc: c.soc2018, title: c.soc2018Title }]);
  return { nonDegree, jobZones, successors };
}
export type FlagInputs = Awaited<ReturnType<typeof flagInputs>>;

export async function employerOf(db: Executor, coalitionId: string, id: string) {
  const [row] = await db.select({ id: organizations.id, name: organizations.name, type: organizations.type }).from(organizations).where(and(eq(organizations.coalitionId, coalitionId), eq(organizations.id, id)));
  return row;
}
