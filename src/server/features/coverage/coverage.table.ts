import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { people } from '../people/people.table.js';

/** Which seat of the paper's recommended membership (Recommendation #2) a person fills. */
export const seatHolders = pgTable(
  'seat_holders',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    seat: text().notNull(),
    personId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.personId], foreignColumns: [people.coalitionId, people.id], name: 'seat_holders_person_fk' }).onDelete('cascade'),
    uniqueIndex('seat_holders_key').on(t.coalitionId, t.seat, t.personId),
    index('seat_holders_person_idx').on(t.coalitionId, t.personId),
  ],
);
