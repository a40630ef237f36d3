import { and, eq } from 'drizzle-orm';
import type { Page } from '../../../shared/common.contract.js';
import type {
  CourseCreateInput,
  CourseDto,
  CourseListQuery,
  CourseUpdateInput,
  CourseVersionDto,
  ProgramCreateInput,
  ProgramDto,
  ProgramListQuery,
  ProgramUpdateInput,
} from '../../../shared/programs.contract.js';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { resolveSkillNames } from '../skills/index.js';
import './programs.policy.js';
import * as q from './programs.queries.js';
import { courseSkillVersions, courseSkills, courses, programOutcomes, programPartners, programs, type SkillEvidence } from './programs.table.js';

/** Organization types that may offer programs: schools, colleges, universities, and non-profit providers and consortia. */
const PROGRAM_OWNER_TYPES = ['k12', 'college', 'university', 'nonprofit'];

async function courseDtos(db: Executor, coalitionId: string, rows: q.CourseRow[]): Promise<CourseDto[]> {
  const skillRows = await q.skillsOfCourses(db, coalitionId, rows.map((r) => r.id));
  return rows.map((row) => {
    const skillRefs = skillRows.filter((s) => s.courseId === row.id).map(({ id, name, kind }) => ({ id, name, kind }));
    return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), skills: skillRefs.map((s) => s.name), skillRefs };
  });
}

async function programDtos(db: Executor, coalitionId: string, rows: q.ProgramRow[]): Promise<ProgramDto[]> {
  const ids = rows.map((r) => r.id);
  const cips = [...new Set(rows.map((r) => r.cip).filter((c): c is string => c !== null))];
  const [courseRows, outcomes, partners, occupations] = await Promise.all([
    q.listCourses(db, coalitionId, { programIds: ids }),
    q.outcomesOf(db, coalitionId, ids),
    q.partnersOf(db, coalitionId, ids),
    q.occupationsOf(db, cips),
  ]);
  const allCourses = await courseDtos(db, coalitionId, courseRows);
  return rows.map((row) => {
    const own = allCourses.filter((c) => c.programId === row.id).map(({ programTitle: _p, institutionId: _i, institutionName: _n, ...c }) => c);
    const yearly = outcomes.filter((o) => o.programId === row.id).map(({ programId: _p, ...o }) => o);
    const mapped = occupations.filter((o) => o.cip === row.cip);
    return {
      ...row,
      cipTitle: mapped[0]?.cipTitle.replace(/\.$/, '') ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      partners: partners.filter((p) => p.programId === row.id).map(({ id, name }) => ({ id, name })),
      outcomes: yearly,
      latestOutcome: yearly[yearly.length - 1] ?? null,
      courses: own,
      skills: [...new Set(own.flatMap((c) => c.skills))].sort((a, b) => a.localeCompare(b)),
      occupations: mapped.map(({ soc, title }) => ({ soc, title })),
    };
  });
}

// ── Programs

export async function listPrograms(ctx: TenantCtx, query: ProgramListQuery): Promise<Page<ProgramDto>> {
  authorize(ctx, 'program.list');
  const rows = await q.listPrograms(ctx.db, ctx.coalition.id, query);
  const page = toPage(rows, query.limit, (r) => [r.title, r.id]);
  return { items: await programDtos(ctx.db, ctx.coalition.id, page.items), nextCursor: page.nextCursor };
}

export async function allPrograms(ctx: TenantCtx, query: Omit<ProgramListQuery, 'limit' | 'cursor'>): Promise<ProgramDto[]> {
  authorize(ctx, 'program.list');
  return programDtos(ctx.db, ctx.coalition.id, await q.listPrograms(ctx.db, ctx.coalition.id, query));
}

export async function getProgram(ctx: TenantCtx, id: string): Promise<ProgramDto> {
  authorize(ctx, 'program.read');
  const row = await q.findProgram(ctx.db, ctx.coalition.id, id);
  if (!row) throw notFound('Program');
  return (await programDtos(ctx.db, ctx.coalition.id, [row]))[0]!;
}

async function assertInstitution(tx: Executor, coalitionId: string, institutionId: string) {
  const [org] = await q.organizationsByIds(tx, coalitionId, [institutionId]);
  if (!org) throw invalidField('institutionId', 'No such organization in this coalition');
  if (!PROGRAM_OWNER_TYPES.includes(org.type)) throw invalidField('institutionId', `${org.name} is not a school, college, university or non-profit provider`);
}

async function writePartners(tx: Executor, coalitionId: string, programId: string, partnerIds: string[]) {
  const unique = [...new Set(partnerIds)];
  const found = await q.organizationsByIds(tx, coalitionId, unique);
  const missing = unique.findIndex((id) => !found.some((o) => o.id === id));
  if (missing >= 0) throw invalidField(`partnerIds.${partnerIds.indexOf(unique[missing]!)}`, 'No such organization in this coalition');
  await tx.delete(programPartners).where(and(eq(programPartners.coalitionId, coalitionId), eq(programPartners.programId, programId)));
  if (unique.length) await tx.insert(programPartners).values(unique.map((organizationId) => ({ coalitionId, programId, organizationId })));
}

async function writeOutcomes(tx: Executor, coalitionId: string, programId: string, outcomes: ProgramCreateInput['outcomes']) {
  await tx.delete(programOutcomes).where(and(eq(programOutcomes.coalitionId, coalitionId), eq(programOutcomes.programId, programId)));
  if (outcomes.length) {
    await tx.insert(programOutcomes).values(outcomes.map((o) => ({ coalitionId, programId, year: o.year, enrollment: o.enrollment ?? null, completions: o.completions ?? null, source: o.source ?? null })));
  }
}

export async function createProgram(ctx: TenantCtx, input: ProgramCreateInput): Promise<ProgramDto> {
  authorize(ctx, 'program.create', { institutionId: input.institutionId });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await assertInstitution(tx, ctx.coalition.id, input.institutionId);
    await tx.insert(programs).values({
      coalitionId: ctx.coalition.id,
      id,
      institutionId: input.institutionId,
      title: input.title,
      cip: input.cip ?? null,
      awardLevel: input.awardLevel,
      pathway: input.pathway ?? null,
      description: input.description ?? null,
      techFocused: input.techFocused,
      specialtySkillClass: input.specialtySkillClass,
      externalId: input.externalId ?? null,
    });
    await writePartners(tx, ctx.coalition.id, id, input.partnerIds);
    await writeOutcomes(tx, ctx.coalition.id, id, input.outcomes);
    for (const [i, course] of input.courses.entries()) await insertCourse(tx, ctx, id, course, `courses.${i}.skills`);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'program', entityId: id, changes: { title: input.title, institutionId: input.institutionId, awardLevel: input.awardLevel, courses: input.courses.map((c) => c.title) } });
  });
  return getProgram(ctx, id);
}

export async function updateProgram(ctx: TenantCtx, id: string, patch: ProgramUpdateInput): Promise<ProgramDto> {
  const before = await authorizeRecord(ctx, 'program.update', () => getProgram(ctx, id), 'Program');
  if (patch.institutionId && patch.institutionId !== before.institutionId) authorize(ctx, 'program.update', { institutionId: patch.institutionId });
  await ctx.db.transaction(async (tx) => {
    const { partnerIds, outcomes, ...fields } = patch;
    if (fields.institutionId) await assertInstitution(tx, ctx.coalition.id, fields.institutionId);
    const changes: Record<string, unknown> = changedFields(before as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    if (partnerIds !== undefined) {
      await writePartners(tx, ctx.coalition.id, id, partnerIds);
      changes.partnerIds = { from: before.partners.map((p) => p.id), to: partnerIds };
    }
    if (outcomes !== undefined) {
      await writeOutcomes(tx, ctx.coalition.id, id, outcomes);
      changes.outcomes = { from: before.outcomes, to: outcomes };
    }
    if (Object.keys(changes).length === 0) return;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    await tx.update(programs).set({ ...set, updatedAt: new Date() }).where(and(eq(programs.coalitionId, ctx.coalition.id), eq(programs.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'program', entityId: id, changes });
  });
  return getProgram(ctx, id);
}

export async function deleteProgram(ctx: TenantCtx, id: string): Promise<void> {
  const before = await authorizeRecord(ctx, 'program.delete', () => getProgram(ctx, id), 'Program');
  await ctx.db.transaction(async (tx) => {
    const proposals = await q.proposalsOnCourses(tx, ctx.coalition.id, before.courses.map((c) => c.id));
    if (proposals > 0) throw new AppError('conflict', `${proposals} curriculum proposal(s) concern this program's courses: they keep its history, so it cannot be removed`);
    await tx.delete(programs).where(and(eq(programs.coalitionId, ctx.coalition.id), eq(programs.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'program', entityId: id, changes: { title: before.title, institutionId: before.institutionId } });
  });
}

// ── Courses

export async function listCourses(ctx: TenantCtx, query: CourseListQuery): Promise<Page<CourseDto>> {
  authorize(ctx, 'program.list');
  const rows = await q.listCourses(ctx.db, ctx.coalition.id, query);
  const page = toPage(rows, query.limit, (r) => [r.title, r.id]);
  return { items: await courseDtos(ctx.db, ctx.coalition.id, page.items), nextCursor: page.nextCursor };
}

export async function getCourse(ctx: TenantCtx, id: string): Promise<CourseDto> {
  authorize(ctx, 'program.read');
  const row = await q.findCourse(ctx.db, ctx.coalition.id, id);
  if (!row) throw notFound('Course');
  return (await courseDtos(ctx.db, ctx.coalition.id, [row]))[0]!;
}

async function insertCourse(tx: Executor, ctx: TenantCtx, programId: string, input: CourseCreateInput, skillsField: string): Promise<string> {
  const id = newId();
  await tx.insert(courses).values({
    coalitionId: ctx.coalition.id,
    id,
    programId,
    code: input.code ?? null,
    title: input.title,
    description: input.description ?? null,
    annualEnrollment: input.annualEnrollment ?? null,
    skillsVersion: 1,
  });
  const resolved = await resolveSkillNames(tx, input.skills, skillsField);
  const skillIds = resolved.map((s) => s.id);
  if (skillIds.length) await tx.insert(courseSkills).values(skillIds.map((skillId) => ({ coalitionId: ctx.coalition.id, courseId: id, skillId })));
  await tx.insert(courseSkillVersions).values({ coalitionId: ctx.coalition.id, courseId: id, version: 1, skillIds, added: skillIds, removed: [], note: 'Created', changedBy: ctx.principal.personId });
  return id;
}

export async function createCourse(ctx: TenantCtx, programId: string, input: CourseCreateInput): Promise<CourseDto> {
  const program = await authorizeRecord(ctx, 'course.create', () => q.findProgram(ctx.db, ctx.coalition.id, programId), 'Program');
  const id = await ctx.db.transaction(async (tx) => {
    const courseId = await insertCourse(tx, ctx, program.id, input, 'skills');
    await recordAudit(tx, ctx, { action: 'create', entityType: 'course', entityId: courseId, changes: { title: input.title, programId, skills: input.skills } });
    return courseId;
  });
  return getCourse(ctx, id);
}

export interface CourseSkillChange {
  add: string[];
  remove: string[];
  proposalId?: string | null;
  evidence?: SkillEvidence[];
  note?: string | null;
}

/**
 * A new version of a course's skills (current ∪ add − remove). Used by course edits and by an
 * adopted curriculum proposal, inside the caller's transaction. Returns the new version number.
 */
export async function changeCourseSkills(tx: Executor, ctx: TenantCtx, courseId: string, change: CourseSkillChange): Promise<{ version: number; added: string[]; removed: string[] }> {
  const [course] = await tx
    .select({ skillsVersion: courses.skillsVersion })
    .from(courses)
    .where(and(eq(courses.coalitionId, ctx.coalition.id), eq(courses.id, courseId)))
    .for('update');
  if (!course) throw notFound('Course');
  const current = (await tx.select({ skillId: courseSkills.skillId }).from(courseSkills).where(and(eq(courseSkills.coalitionId, ctx.coalition.id), eq(courseSkills.courseId, courseId)))).map((r) => r.skillId);
  const added = change.add.filter((id) => !current.includes(id));
  const removed = change.remove.filter((id) => current.includes(id) && !change.add.includes(id));
  const next = [...current.filter((id) => !removed.includes(id)), ...added];
  const version = course.skillsVersion + 1;
  if (removed.length) {
    for (const skillId of removed) await tx.delete(courseSkills).where(and(eq(courseSkills.coalitionId, ctx.coalition.id), eq(courseSkills.courseId, courseId), eq(courseSkills.skillId, skillId)));
  }
  if (added.length) await tx.insert(courseSkills).values(added.map((skillId) => ({ coalitionId: ctx.coalition.id, courseId, skillId })));
  await tx.insert(courseSkillVersions).values({
    coalitionId: ctx.coalition.id,
    courseId,
    version,
    skillIds: next,
    added,
    removed,
    proposalId: change.proposalId ?? null,
    evidence: change.evidence ?? [],
    note: change.note ?? null,
    changedBy: ctx.principal.personId,
  });
  await tx.update(courses).set({ skillsVersion: version, updatedAt: new Date() }).where(and(eq(courses.coalitionId, ctx.coalition.id), eq(courses.id, courseId)));
  return { version, added, removed };
}

export async function updateCourse(ctx: TenantCtx, id: string, patch: CourseUpdateInput): Promise<CourseDto> {
  const before = await authorizeRecord(ctx, 'course.update', () => getCourse(ctx, id), 'Course');
  await ctx.db.transaction(async (tx) => {
    const { skills, note, ...fields } = patch;
    const changes: Record<string, unknown> = changedFields(before as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    if (skills !== undefined) {
      const wanted = (await resolveSkillNames(tx, skills, 'skills')).map((s) => s.id);
      const current = before.skillRefs.map((s) => s.id);
      const add = wanted.filter((s) => !current.includes(s));
      const remove = current.filter((s) => !wanted.includes(s));
      if (add.length || remove.length) {
        const result = await changeCourseSkills(tx, ctx, id, { add, remove, note: note ?? null });
        changes.skills = { from: before.skills, to: skills, version: result.version };
      }
    }
    if (Object.keys(changes).length === 0) return;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length) await tx.update(courses).set({ ...set, updatedAt: new Date() }).where(and(eq(courses.coalitionId, ctx.coalition.id), eq(courses.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'course', entityId: id, changes });
  });
  return getCourse(ctx, id);
}

export async function deleteCourse(ctx: TenantCtx, id: string): Promise<void> {
  const before = await authorizeRecord(ctx, 'course.delete', () => q.findCourse(ctx.db, ctx.coalition.id, id), 'Course');
  await ctx.db.transaction(async (tx) => {
    const proposals = await q.proposalsOnCourses(tx, ctx.coalition.id, [id]);
    if (proposals > 0) throw new AppError('conflict', `${proposals} curriculum proposal(s) concern this course: they keep its history, so it cannot be removed`);
    await tx.delete(courses).where(and(eq(courses.coalitionId, ctx.coalition.id), eq(courses.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'course', entityId: id, changes: { title: before.title, programId: before.programId } });
  });
}

/** Every version of a course's skills, newest first, with the proposal and demand behind each change. */
export async function courseVersions(ctx: TenantCtx, id: string): Promise<{ items: CourseVersionDto[] }> {
  authorize(ctx, 'program.read');
  const course = await q.findCourse(ctx.db, ctx.coalition.id, id);
  if (!course) throw notFound('Course');
  const rows = await q.versionsOf(ctx.db, ctx.coalition.id, id);
  const names = await q.skillNamesByIds(ctx.db, [...new Set(rows.flatMap((r) => [...r.skillIds, ...r.removed]))]);
  const name = (skillId: string) => names.get(skillId) ?? skillId;
  return {
    items: rows.map((r) => ({
      version: r.version,
      skills: r.skillIds.map(name),
      added: r.added.map(name),
      removed: r.removed.map(name),
      note: r.note,
      changedBy: r.changedBy && r.changedByName ? { personId: r.changedBy, name: r.changedByName } : null,
      createdAt: r.createdAt.toISOString(),
      proposal: r.proposalId && r.proposalTitle ? { id: r.proposalId, title: r.proposalTitle, status: r.proposalStatus!, comments: r.comments, averageRelevance: r.averageRelevance } : null,
      evidence: r.evidence,
    })),
  };
}
