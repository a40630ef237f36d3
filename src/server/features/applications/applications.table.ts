import { date, foreignKey, index, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { opportunities } from '../opportunities/opportunities.table.js';
import { students } from '../students/students.table.js';

/** A student's application to an opportunity; its status moves through the CONTRACT statuses. */
export const applications = pgTable(
  'applications',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    studentId: uuid().notNull(),
    opportunityId: uuid().notNull(),
    status: text().notNull().default('applied'),
    note: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.studentId], foreignColumns: [students.coalitionId, students.id], name: 'applications_student_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.opportunityId], foreignColumns: [opportunities.coalitionId, opportunities.id], name: 'applications_opportunity_fk' }).onDelete('cascade'),
    // One application per student and opportunity.
    uniqueIndex('applications_student_opportunity_key').on(t.coalitionId, t.studentId, t.opportunityId),
    index('applications_opportunity_idx').on(t.coalitionId, t.opportunityId, t.status),
    index('applications_created_idx').on(t.coalitionId, t.createdAt, t.id),
  ],
);

/** Every status an application took, who moved it and when (metrics read "placed" events from here). */
export const applicationStatusChanges = pgTable(
  'application_status_changes',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    applicationId: uuid().notNull(),
    fromStatus: text(),
    toStatus: text().notNull(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    byUserId: uuid(),
    note: text(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.applicationId], foreignColumns: [applications.coalitionId, applications.id], name: 'application_status_changes_application_fk' }).onDelete('cascade'),
    index('application_status_changes_application_idx').on(t.coalitionId, t.applicationId, t.at),
    index('application_status_changes_status_idx').on(t.coalitionId, t.toStatus, t.at),
  ],
);

/** The placement an application became: hours, the supervisor's sign-off and the outcome. */
export const placements = pgTable(
  'placements',
  {
    coalitionId: uuid().notNull(),
    applicationId: uuid().notNull(),
    supervisorName: text(),
    supervisorEmail: text(),
    startedOn: date({ mode: 'string' }),
    endedOn: date({ mode: 'string' }),
    hoursCompleted: numeric({ precision: 7, scale: 1, mode: 'number' }).notNull().default(0),
    signedOffAt: timestamp({ withTimezone: true }),
    signedOffByUserId: uuid(),
    outcome: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.applicationId] }),
    foreignKey({ columns: [t.coalitionId, t.applicationId], foreignColumns: [applications.coalitionId, applications.id], name: 'placements_application_fk' }).onDelete('cascade'),
  ],
);
