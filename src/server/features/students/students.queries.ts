import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { StudentListQuery } from '../../../shared/students.contract.js';
import { organizations, people, skills, users } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { decodeCursor, likePattern } from '../../platform/pagination.js';
import { guardianConsents, portfolioItems, studentEquity, studentShares, studentSkills, students } from './students.table.js';

export const studentColumns = {
  id: students.id,
  personId: students.personId,
  externalId: students.externalId,
  firstName: students.firstName,
  lastName: students.lastName,
  email: students.email,
  institutionId: students.institutionId,
  institutionName: organizations.name,
  institutionType: organizations.type,
  pathway: students.pathway,
  graduationYear: students.graduationYear,
  dateOfBirth: students.dateOfBirth,
  hoursPerWeek: students.hoursPerWeek,
  availableFrom: students.availableFrom,
  hasAccount: sql<boolean>`${people.userId} is not null`,
  createdAt: students.createdAt,
  updatedAt: students.updatedAt,
  directoryOptOutAt: students.directoryOptOutAt,
};
export type StudentRow = NonNullable<Awaited<ReturnType<typeof findStudent>>>;

export function selectStudents(db: Executor) {
  return db
    .select(studentColumns)
    .from(students)
    .innerJoin(organizations, and(eq(organizations.coalitionId, students.coalitionId), eq(organizations.id, students.institutionId)))
    .leftJoin(people, and(eq(people.coalitionId, students.coalitionId), eq(people.id, students.personId)));
}

/** One student, if `visible` (the caller's visibility predicate) lets them see it. */
export async function findStudent(db: Executor, coalitionId: string, id: string, visible: SQL | undefined) {
  const [row] = await selectStudents(db).where(and(eq(students.coalitionId, coalitionId), eq(students.id, id), visible));
  return row;
}

export async function findStudentOfPerson(db: Executor, coalitionId: string, personId: string) {
  const [row] = await db.select({ id: students.id }).from(students).where(and(eq(students.coalitionId, coalitionId), eq(students.personId, personId)));
  return row;
}

/** Sorted by last name, first name, id; the cursor is that triple. */
export async function listStudents(db: Executor, coalitionId: string, query: StudentListQuery, visible: SQL | undefined) {
  const filters: (SQL | undefined)[] = [eq(students.coalitionId, coalitionId), visible];
  if (query.institutionId) filters.push(eq(students.institutionId, query.institutionId));
  if (query.pathway) filters.push(sql`lower(${students.pathway}) = lower(${query.pathway})`);
  if (query.graduationYear) filters.push(eq(students.graduationYear, query.graduationYear));
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(
      or(
        ilike(students.firstName, pattern),
        ilike(students.lastName, pattern),
        sql`(${students.firstName} || ' ' || ${students.lastName}) ilike ${pattern}`,
        ilike(students.email, pattern),
        ilike(students.externalId, pattern),
      ),
    );
  }
  const cursor = decodeCursor(query.cursor, 3);
  if (cursor) filters.push(sql`(${students.lastName}, ${students.firstName}, ${students.id}) > (${cursor[0]}, ${cursor[1]}, ${cursor[2]}::uuid)`);
  return selectStudents(db)
    .where(and(...filters))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id))
    .limit(query.limit + 1);
}

export async function skillRowsOf(db: Executor, coalitionId: string, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .select({ studentId: studentSkills.studentId, id: skills.id, name: skills.name, source: studentSkills.source, ref: studentSkills.ref, evidence: studentSkills.evidence })
    .from(studentSkills)
    .innerJoin(skills, eq(skills.id, studentSkills.skillId))
    .where(and(eq(studentSkills.coalitionId, coalitionId), inArray(studentSkills.studentId, studentIds)))
    .orderBy(skills.name);
}

export async function portfolioOf(db: Executor, coalitionId: string, studentId: string) {
  return db
    .select()
    .from(portfolioItems)
    .where(and(eq(portfolioItems.coalitionId, coalitionId), eq(portfolioItems.studentId, studentId)))
    .orderBy(sql`${portfolioItems.completedOn} desc nulls last`, portfolioItems.id);
}

export async function activeConsentOf(db: Executor, coalitionId: string, studentId: string) {
  const [row] = await db
    .select({
      id: guardianConsents.id,
      guardianName: guardianConsents.guardianName,
      relationship: guardianConsents.relationship,
      method: guardianConsents.method,
      givenOn: guardianConsents.givenOn,
      recordedBy: users.name,
      recordedAt: guardianConsents.recordedAt,
    })
    .from(guardianConsents)
    .leftJoin(users, eq(users.id, guardianConsents.recordedByUserId))
    .where(and(eq(guardianConsents.coalitionId, coalitionId), eq(guardianConsents.studentId, studentId), isNull(guardianConsents.revokedAt)));
  return row;
}

export async function sharesOf(db: Executor, coalitionId: string, studentId: string) {
  return db
    .select({ employerId: studentShares.organizationId, employerName: organizations.name, sharedAt: studentShares.sharedAt })
    .from(studentShares)
    .innerJoin(organizations, and(eq(organizations.coalitionId, studentShares.coalitionId), eq(organizations.id, studentShares.organizationId)))
    .where(and(eq(studentShares.coalitionId, coalitionId), eq(studentShares.studentId, studentId)))
    .orderBy(organizations.name);
}

export async function equityOf(db: Executor, coalitionId: string, studentId: string) {
  const [row] = await db
    .select({ firstGeneration: studentEquity.firstGeneration, lowIncome: studentEquity.lowIncome, noFourYearDegreePath: studentEquity.noFourYearDegreePath, careerChanger: studentEquity.careerChanger })
    .from(studentEquity)
    .where(and(eq(studentEquity.coalitionId, coalitionId), eq(studentEquity.studentId, studentId)));
  return row ?? { firstGeneration: null, lowIncome: null, noFourYearDegreePath: null, careerChanger: null };
}

export async function organizationById(db: Executor, coalitionId: string, id: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name, type: organizations.type })
    .from(organizations)
    .where(and(eq(organizations.coalitionId, coalitionId), eq(organizations.id, id)));
  return row;
}

/** A student-role person with this e-mail and no student record yet: the account to link a new record to. */
export async function unlinkedStudentPersonByEmail(db: Executor, coalitionId: string, email: string) {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.coalitionId, coalitionId),
        sql`lower(${people.email}) = ${email.toLowerCase()}`,
        sql`'student' = any(${people.roles})`,
        sql`not exists (select 1 from ${students} where ${students.coalitionId} = ${people.coalitionId} and ${students.personId} = ${people.id})`,
      ),
    );
  return row;
}
