import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { people } from '../people/people.table.js';

export interface MeetingAudience {
  roles: string[];
  organizationTypes: string[];
  initiativeIds: string[];
  personIds: string[];
  pointsOfContact: boolean;
}

/** One meeting (one occurrence of a recurring series: they share series_id). */
export const meetings = pgTable(
  'meetings',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    seriesId: uuid(),
    title: text().notNull(),
    kind: text().notNull(),
    startsAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    durationMinutes: integer().notNull(),
    location: text(),
    videoUrl: text(),
    description: text(),
    audience: jsonb().$type<MeetingAudience>().notNull(),
    minutes: text(),
    decisions: jsonb().$type<string[]>().notNull().default([]),
    agendaOrder: text().array().notNull().default(sql`'{}'::text[]`),
    agendaHidden: text().array().notNull().default(sql`'{}'::text[]`),
    followUpSentAt: timestamp({ withTimezone: true }),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), index('meetings_starts_idx').on(t.coalitionId, t.startsAt, t.id), index('meetings_series_idx').on(t.coalitionId, t.seriesId)],
);

/** Who is invited, their RSVP, and whether they came (attendance feeds the recognition metrics). */
export const meetingInvitees = pgTable(
  'meeting_invitees',
  {
    coalitionId: uuid().notNull(),
    meetingId: uuid().notNull(),
    personId: uuid().notNull(),
    rsvp: text().notNull().default('pending'),
    attended: boolean().notNull().default(false),
    checkedInAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.meetingId, t.personId] }),
    foreignKey({ columns: [t.coalitionId, t.meetingId], foreignColumns: [meetings.coalitionId, meetings.id], name: 'meeting_invitees_meeting_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.personId], foreignColumns: [people.coalitionId, people.id], name: 'meeting_invitees_person_fk' }).onDelete('cascade'),
    index('meeting_invitees_person_idx').on(t.coalitionId, t.personId),
  ],
);

/** Items members propose for a meeting's agenda; the Coordinator accepts, orders and edits them. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    meetingId: uuid().notNull(),
    title: text().notNull(),
    notes: text(),
    status: text().notNull().default('proposed'),
    position: integer().notNull().default(0),
    proposedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.meetingId], foreignColumns: [meetings.coalitionId, meetings.id], name: 'meeting_agenda_items_meeting_fk' }).onDelete('cascade'),
    index('meeting_agenda_items_meeting_idx').on(t.coalitionId, t.meetingId, t.position),
  ],
);

/** An action item agreed at a meeting: open until done, carried into every later agenda. */
export const actionItems = pgTable(
  'action_items',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    meetingId: uuid().notNull(),
    title: text().notNull(),
    notes: text(),
    ownerId: uuid(),
    dueOn: date({ mode: 'string' }).notNull(),
    status: text().notNull().default('open'),
    doneAt: timestamp({ withTimezone: true }),
    initiativeId: uuid(),
    taskId: uuid(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.meetingId], foreignColumns: [meetings.coalitionId, meetings.id], name: 'action_items_meeting_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.ownerId], foreignColumns: [people.coalitionId, people.id], name: 'action_items_owner_fk' }).onDelete('set null'),
    index('action_items_meeting_idx').on(t.coalitionId, t.meetingId),
    index('action_items_owner_idx').on(t.coalitionId, t.ownerId, t.status, t.dueOn),
    index('action_items_open_idx').on(t.coalitionId, t.status, t.dueOn),
  ],
);

/** A person's private calendar subscription: only the token's hash is kept; revoking ends it. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    personId: uuid().notNull(),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.personId], foreignColumns: [people.coalitionId, people.id], name: 'calendar_feeds_person_fk' }).onDelete('cascade'),
    // Looked up by token alone (the URL carries no coalition).
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    index('calendar_feeds_person_idx').on(t.coalitionId, t.personId),
  ],
);
