import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';

/** A strategy session (roadmap Phase 1, Step 3): priorities are heard, initiatives proposed and ranked. */
export const strategySessions = pgTable(
  'strategy_sessions',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    title: text().notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    notes: text(),
    /** open: priorities and ballots are taken; adopted: the ranking was written onto the initiatives. */
    status: text().notNull().default('open'),
    adoptedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), index('strategy_sessions_held_idx').on(t.coalitionId, t.heldOn, t.id)],
);

/** What a member organization needs: an employer's profile of a qualified candidate, a school's preparation needs. */
export const stakeholderPriorities = pgTable(
  'stakeholder_priorities',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    sessionId: uuid().notNull(),
    organizationId: uuid().notNull(),
    authorId: uuid(),
    kind: text().notNull(),
    title: text().notNull(),
    details: text(),
    /** Ids of the labor-market `skills` table. */
    skillIds: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.sessionId], foreignColumns: [strategySessions.coalitionId, strategySessions.id], name: 'stakeholder_priorities_session_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'stakeholder_priorities_organization_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.authorId], foreignColumns: [people.coalitionId, people.id], name: 'stakeholder_priorities_author_fk' }),
    index('stakeholder_priorities_session_idx').on(t.coalitionId, t.sessionId, t.createdAt, t.id),
    index('stakeholder_priorities_organization_idx').on(t.coalitionId, t.organizationId),
    index('stakeholder_priorities_author_idx').on(t.coalitionId, t.authorId),
  ],
);
