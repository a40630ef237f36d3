import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';

/** What an employer declares it can give in a year, one row per kind (interns, speakers…). */
export const employerCapacities = pgTable(
  'employer_capacities',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    organizationId: uuid().notNull(),
    year: integer().notNull(),
    kind: text().notNull(),
    declared: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.organizationId, t.year, t.kind] }),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'employer_capacities_organization_fk' }).onDelete('cascade'),
  ],
);

/** A school's request for a classroom engagement, brokered by the Coordinator against capacity. */
export const engagementRequests = pgTable(
  'engagement_requests',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    kind: text().notNull(),
    capacityKind: text().notNull(),
    title: text().notNull(),
    schoolId: uuid().notNull(),
    employerId: uuid(),
    requestedOn: date({ mode: 'string' }).notNull(),
    quantity: integer().notNull().default(1),
    notes: text(),
    status: text().notNull().default('requested'),
    requestedByPersonId: uuid(),
    brokeredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.schoolId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'engagement_requests_school_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.employerId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'engagement_requests_employer_fk' }).onDelete('cascade'),
    // Two live requests for the same employer on the same day are one too many (caught in the
    // service with a clear message; this index settles a race).
    uniqueIndex('engagement_requests_employer_day_key')
      .on(t.coalitionId, t.employerId, t.requestedOn)
      .where(sql`${t.employerId} is not null and ${t.status} in ('requested', 'brokered')`),
    index('engagement_requests_created_idx').on(t.coalitionId, t.createdAt, t.id),
    index('engagement_requests_employer_idx').on(t.coalitionId, t.employerId, t.requestedOn),
  ],
);
