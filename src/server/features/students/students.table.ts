import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { skills } from '../labor-market/labor-market.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';

/**
 * A student's education record. Linked to the person (and so the account) of the student when
 * they have one. Equity attributes live apart (student_equity) so no employer-facing query can
 * select them by accident.
 */
export const students = pgTable(
  'students',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    personId: uuid(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text(),
    institutionId: uuid().notNull(),
    pathway: text(),
    graduationYear: integer(),
    dateOfBirth: date({ mode: 'string' }),
    hoursPerWeek: integer(),
    availableFrom: date({ mode: 'string' }),
    externalId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** FERPA directory-information opt-out: since when the student is left out of directory listings (null: listed). */
    directoryOptOutAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.institutionId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'students_institution_fk' }),
    // No cascade: a composite SET NULL would null coalition_id too; a person with a student record is unlinked first.
    foreignKey({ columns: [t.coalitionId, t.personId], foreignColumns: [people.coalitionId, people.id], name: 'students_person_fk' }),
    uniqueIndex('students_person_key').on(t.coalitionId, t.personId).where(sql`${t.personId} is not null`),
    uniqueIndex('students_external_id_key').on(t.coalitionId, t.externalId).where(sql`${t.externalId} is not null`),
    index('students_name_idx').on(t.coalitionId, t.lastName, t.firstName, t.id),
    index('students_institution_idx').on(t.coalitionId, t.institutionId),
  ],
);

/** Rows that belong to a student go with the student. */
const studentRef = (t: { coalitionId: AnyPgColumn; studentId: AnyPgColumn }, name: string) =>
  foreignKey({ columns: [t.coalitionId, t.studentId], foreignColumns: [students.coalitionId, students.id], name }).onDelete('cascade');

/**
 * A student's skills, one row per piece of evidence: declared (ref ''), a course (ref = its title),
 * a portfolio item (ref = its id) or completed work-based learning (ref = the application id).
 */
export const studentSkills = pgTable(
  'student_skills',
  {
    coalitionId: uuid().notNull(),
    studentId: uuid().notNull(),
    skillId: text()
      .notNull()
      .references(() => skills.id),
    source: text().notNull(),
    ref: text().notNull().default(''),
    evidence: text(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.studentId, t.skillId, t.source, t.ref] }),
    studentRef(t, 'student_skills_student_fk'),
    // Matching joins opportunity_skills to this by skill; with the source, from the index alone.
    index('student_skills_skill_idx').on(t.coalitionId, t.skillId, t.studentId, t.source),
  ],
);

export const portfolioItems = pgTable(
  'portfolio_items',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    studentId: uuid().notNull(),
    title: text().notNull(),
    url: text(),
    description: text(),
    completedOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), studentRef(t, 'portfolio_items_student_fk'), index('portfolio_items_student_idx').on(t.coalitionId, t.studentId)],
);

/** A guardian's recorded consent for a minor; revoking keeps the row (revokedAt). */
export const guardianConsents = pgTable(
  'guardian_consents',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    studentId: uuid().notNull(),
    guardianName: text().notNull(),
    relationship: text().notNull(),
    method: text().notNull(),
    givenOn: date({ mode: 'string' }).notNull(),
    recordedByUserId: uuid(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedByUserId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    studentRef(t, 'guardian_consents_student_fk'),
    uniqueIndex('guardian_consents_active_key').on(t.coalitionId, t.studentId).where(sql`${t.revokedAt} is null`),
  ],
);

/** Employers a student chose to show their profile to. */
export const studentShares = pgTable(
  'student_shares',
  {
    coalitionId: uuid().notNull(),
    studentId: uuid().notNull(),
    organizationId: uuid().notNull(),
    sharedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.studentId, t.organizationId] }),
    studentRef(t, 'student_shares_student_fk'),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'student_shares_organization_fk' }).onDelete('cascade'),
    index('student_shares_organization_idx').on(t.coalitionId, t.organizationId, t.studentId),
  ],
);

/** Self-reported equity attributes (null = not reported): aggregates only, counts under 10 suppressed. */
export const studentEquity = pgTable(
  'student_equity',
  {
    coalitionId: uuid().notNull(),
    studentId: uuid().notNull(),
    firstGeneration: boolean(),
    lowIncome: boolean(),
    noFourYearDegreePath: boolean(),
    careerChanger: boolean(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.studentId] }), studentRef(t, 'student_equity_student_fk')],
);

/** Every read of a student's record by someone other than the student: who, which, when, through what. */
export const studentAccessLog = pgTable(
  'student_access_log',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    studentId: uuid().notNull(),
    actorUserId: uuid(),
    actorPersonId: uuid(),
    actorOrganizationId: uuid(),
    route: text().notNull(),
    reason: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    studentRef(t, 'student_access_log_student_fk'),
    index('student_access_log_student_idx').on(t.coalitionId, t.studentId, t.at, t.id),
  ],
);

/**
 * A student's request to correct their education record (FERPA's right to seek amendment): the
 * student asks, the institution's staff accept or reject it with a note; both are audited.
 */
export const studentCorrectionRequests = pgTable(
  'student_correction_requests',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    studentId: uuid().notNull(),
    field: text().notNull(),
    requestedValue: text().notNull(),
    reason: text().notNull(),
    status: text({ enum: ['open', 'accepted', 'rejected'] }).notNull().default('open'),
    requestedByUserId: uuid(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    resolvedByUserId: uuid(),
    resolvedAt: timestamp({ withTimezone: true, precision: 3 }),
    resolutionNote: text(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    studentRef(t, 'student_correction_requests_student_fk'),
    index('student_correction_requests_student_idx').on(t.coalitionId, t.studentId, t.createdAt, t.id),
    index('student_correction_requests_status_idx').on(t.coalitionId, t.status, t.createdAt, t.id),
  ],
);

/** A coalition's retention periods for student-related records (no row: the documented defaults). */
export const studentRetentionPolicies = pgTable('student_retention_policies', {
  coalitionId: uuid()
    .primaryKey()
    .references(() => coalitions.id, { onDelete: 'cascade' }),
  accessLogYears: integer().notNull(),
  withdrawnApplicationYears: integer().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid(),
});
