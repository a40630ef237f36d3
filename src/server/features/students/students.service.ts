import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../../../shared/common.contract.js';
import type { StudentDto, StudentListItemDto, StudentListQuery, StudentUpdateInput, studentCreateInput } from '../../../shared/students.contract.js';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { encodeCursor } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { toListItem, toStudentDto } from './students.dto.js';
import './students.policy.js';
import * as q from './students.queries.js';
import { claimOf, replaceStatedSkills } from './students.skills.js';
import { studentEquity, students } from './students.table.js';
import { isStaff, listedInDirectory, logStudentAccess, relationTo, visibleStudents } from './students.visibility.js';

type CreateInput = z.infer<typeof studentCreateInput>;

/** Loads a student the caller may see (else 404), with the caller's relation to it. */
export async function loadVisible(ctx: TenantCtx, id: string, db: Executor = ctx.db) {
  const row = await q.findStudent(db, ctx.coalition.id, id, visibleStudents(ctx.principal));
  return row && { ...row, relation: relationTo(ctx.principal, row) };
}

export async function listStudents(ctx: TenantCtx, query: StudentListQuery): Promise<Page<StudentListItemDto>> {
  authorize(ctx, 'student.list');
  const rows = await q.listStudents(ctx.db, ctx.coalition.id, query, and(visibleStudents(ctx.principal), listedInDirectory(ctx.principal)));
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const skills = await q.skillRowsOf(ctx.db, ctx.coalition.id, items.map((r) => r.id));
  await logStudentAccess(ctx.db, ctx, items, 'GET /students', 'list');
  return {
    items: items.map((row) => toListItem(row, skills, relationTo(ctx.principal, row))),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.lastName, last.firstName, last.id]) : null,
  };
}

export async function getStudent(ctx: TenantCtx, id: string): Promise<StudentDto> {
  const row = await authorizeRecord(ctx, 'student.read', () => loadVisible(ctx, id), 'Student');
  await logStudentAccess(ctx.db, ctx, [row], 'GET /students/:id', 'record');
  return toStudentDto(ctx.db, ctx.coalition.id, row, row.relation);
}

async function checkInstitution(db: Executor, ctx: TenantCtx, institutionId: string) {
  const school = await q.organizationById(db, ctx.coalition.id, institutionId);
  if (!school) throw invalidField('institutionId', 'No such organization in this coalition');
  if (!['k12', 'college', 'university'].includes(school.type)) throw invalidField('institutionId', `${school.name} is not a school, college or university`);
}

const hasEquity = (equity: CreateInput['equity']) => Object.values(equity).some((v) => v !== undefined && v !== null);

async function saveEquity(tx: Executor, coalitionId: string, studentId: string, equity: NonNullable<StudentUpdateInput['equity']>) {
  const values = { firstGeneration: equity.firstGeneration ?? null, lowIncome: equity.lowIncome ?? null, noFourYearDegreePath: equity.noFourYearDegreePath ?? null, careerChanger: equity.careerChanger ?? null };
  await tx.insert(studentEquity).values({ coalitionId, studentId, ...values }).onConflictDoUpdate({ target: [studentEquity.coalitionId, studentEquity.studentId], set: values });
}

export async function createStudent(ctx: TenantCtx, input: CreateInput): Promise<StudentDto> {
  // A student (not staff) creating a record creates their own, linked to their account.
  const forSelf = !isStaff(ctx.principal) && ctx.principal.roles.has('student');
  authorize(ctx, 'student.create', { institutionId: input.institutionId, forSelf });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await checkInstitution(tx, ctx, input.institutionId);
    let personId: string | null = null;
    if (forSelf) {
      if (await q.findStudentOfPerson(tx, ctx.coalition.id, ctx.principal.personId)) throw new AppError('conflict', 'You already have a student record');
      personId = ctx.principal.personId;
    } else if (input.email) {
      personId = (await q.unlinkedStudentPersonByEmail(tx, ctx.coalition.id, input.email))?.id ?? null;
    }
    const { skills, equity, ...columns } = input;
    await tx.insert(students).values({ coalitionId: ctx.coalition.id, id, personId, ...columns });
    await replaceStatedSkills(tx, ctx.coalition.id, id, skills);
    if (hasEquity(equity)) await saveEquity(tx, ctx.coalition.id, id, equity);
    // Names of skills and the institution; never the date of birth or equity answers.
    await recordAudit(tx, ctx, { action: 'create', entityType: 'student', entityId: id, changes: { name: `${input.firstName} ${input.lastName}`, institutionId: input.institutionId, skills: skills.map((s) => claimOf(s).name), linkedToAccount: personId !== null } });
  });
  return getStudent(ctx, id);
}

export async function updateStudent(ctx: TenantCtx, id: string, patch: StudentUpdateInput): Promise<StudentDto> {
  const before = await authorizeRecord(ctx, 'student.update', () => loadVisible(ctx, id), 'Student');
  const { skills, equity, ...columns } = patch;
  const changes: Record<string, unknown> = changedFields(before as Record<string, unknown>, columns);
  if (changes.institutionId) authorize(ctx, 'student.assignInstitution', { institutionId: columns.institutionId });
  if (changes.externalId) authorize(ctx, 'student.assignIdentity', before);
  if (changes.dateOfBirth) {
    if (before.dateOfBirth !== null) authorize(ctx, 'student.correctDateOfBirth', before);
    changes.dateOfBirth = 'changed';
  }
  await ctx.db.transaction(async (tx) => {
    if (columns.institutionId) await checkInstitution(tx, ctx, columns.institutionId);
    if (skills) {
      const stated = async () => (await q.skillRowsOf(tx, ctx.coalition.id, [id])).filter((s) => s.source === 'declared' || s.source === 'course').map((s) => `${s.name} (${s.evidence ?? s.source})`).sort();
      const had = await stated();
      await replaceStatedSkills(tx, ctx.coalition.id, id, skills);
      const has = await stated();
      if (JSON.stringify(had) !== JSON.stringify(has)) changes.skills = { from: had, to: has };
    }
    if (equity) {
      const had = JSON.stringify(await q.equityOf(tx, ctx.coalition.id, id));
      const merged = { ...(await q.equityOf(tx, ctx.coalition.id, id)), ...Object.fromEntries(Object.entries(equity).filter(([, v]) => v !== undefined)) };
      await saveEquity(tx, ctx.coalition.id, id, merged);
      // That they changed, never the answers: equity attributes are for aggregates only.
      if (had !== JSON.stringify(await q.equityOf(tx, ctx.coalition.id, id))) changes.equity = 'changed';
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(students)
      .set({ ...columns, updatedAt: new Date() })
      .where(and(eq(students.coalitionId, ctx.coalition.id), eq(students.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'student', entityId: id, changes });
  });
  return getStudent(ctx, id);
}

export async function deleteStudent(ctx: TenantCtx, id: string): Promise<void> {
  const before = await authorizeRecord(ctx, 'student.delete', () => loadVisible(ctx, id), 'Student');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(students).where(and(eq(students.coalitionId, ctx.coalition.id), eq(students.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'student', entityId: id, changes: { name: `${before.firstName} ${before.lastName}` } });
  });
}
