import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../../features/coalitions/coalitions.table.js';
import { people } from '../../features/people/people.table.js';

/**
 * What a member should know about: a comment on a proposal they follow, a request routed to them…
 * Addressed to a person (a membership), so each coalition's notifications stay in that coalition.
 * `kind` is a dotted name (curriculum.comment); `payload` carries ids and titles for the link.
 */
export const notifications = pgTable(
  'notifications',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    personId: uuid().notNull(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.personId], foreignColumns: [people.coalitionId, people.id], name: 'notifications_person_fk' }).onDelete('cascade'),
    index('notifications_person_idx').on(t.coalitionId, t.personId, t.createdAt, t.id),
  ],
);
