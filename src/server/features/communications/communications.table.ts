import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';

export interface AnnouncementAudience {
  roles: string[];
  organizationTypes: string[];
  initiativeIds: string[];
  personIds: string[];
  pointsOfContact: boolean;
}

/** An announcement to a segment of the coalition; sent by background jobs, batch by batch. */
export const announcements = pgTable(
  'announcements',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    audience: jsonb().$type<AnnouncementAudience>().notNull(),
    status: text().notNull().default('draft'),
    recipients: integer().notNull().default(0),
    createdBy: uuid(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), index('announcements_created_idx').on(t.coalitionId, t.createdAt, t.id)],
);

/** What each person wants to receive. No row means the defaults (everything on). */
export const communicationPreferences = pgTable(
  'communication_preferences',
  {
    coalitionId: uuid().notNull(),
    personId: uuid().notNull(),
    announcements: boolean().notNull().default(true),
    digest: boolean().notNull().default(true),
    meetingFollowUps: boolean().notNull().default(true),
    /** Set by the one-click unsubscribe link: no announcement, digest or meeting mail at all. */
    unsubscribedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.personId] })],
);

/**
 * The record of what was sent to whom (one row per message), also what makes a retried batch
 * idempotent: the unique key refuses a second row for the same thing to the same person.
 */
export const communicationDeliveries = pgTable(
  'communication_deliveries',
  {
    coalitionId: uuid().notNull(),
    kind: text().notNull(),
    refId: text().notNull(),
    personId: uuid().notNull(),
    mailId: uuid(),
    channel: text().notNull().default('email'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.kind, t.refId, t.personId]}), index('communication_deliveries_person_idx').on(t.coalitionId, t.personId)],
);

/** One weekly digest run; its batches are jobs of N recipients each. */
export const digestRuns = pgTable(
  'digest_runs',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    weekOf: date({ mode: 'string' }).notNull(),
    status: text().notNull().default('running'),
    recipients: integer().notNull().default(0),
    batches: integer().notNull().default(0),
    batchSize: integer().notNull().default(0),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), uniqueIndex('digest_runs_week_key').on(t.coalitionId, t.weekOf)],
);

/**
 * One batch of a digest run: the people whose ids fall in (afterPersonId, lastPersonId]. The batch
 * job claims its row (status queued → done) in the same transaction as the mail it writes, so a
 * retried or duplicated job sends nothing twice and the run's progress is exact.
 */
export const digestBatches = pgTable(
  'digest_batches',
  {
    coalitionId: uuid().notNull(),
    runId: uuid().notNull(),
    batchNo: integer().notNull(),
    afterPersonId: uuid(),
    lastPersonId: uuid().notNull(),
    status: text().notNull().default('queued'),
    emailed: integer().notNull().default(0),
    empty: integer().notNull().default(0),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.runId, t.batchNo] }),
    foreignKey({ columns: [t.coalitionId, t.runId], foreignColumns: [digestRuns.coalitionId, digestRuns.id], name: 'digest_batches_run_fk' }).onDelete('cascade'),
  ],
);

/** The key unsubscribe links are signed with, one per coalition, kept in the database (any process verifies). */
export const communicationKeys = pgTable('communication_keys', {
  coalitionId: uuid().primaryKey(),
  secret: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * When a coalition's weekly digest starts itself (decision 025): a weekday (1 = Monday … 7 = Sunday)
 * and an hour in the coalition's time zone. No row means the default, Monday 08:00, on.
 */
export const digestSchedules = pgTable('digest_schedules', {
  coalitionId: uuid()
    .primaryKey()
    .references(() => coalitions.id, { onDelete: 'cascade' }),
  weekday: smallint().notNull().default(1),
  hour: smallint().notNull().default(8),
  enabled: boolean().notNull().default(true),
  /** Where the digest's links point, taken from the request of whoever saved the schedule (PUBLIC_URL wins). */
  baseUrl: text(),
  updatedBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
