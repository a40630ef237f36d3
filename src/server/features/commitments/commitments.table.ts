import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';

/** What a member organization has promised the coalition (from the paper's asks of its type, editable). */
export const commitments = pgTable(
  'commitments',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    organizationId: uuid().notNull(),
    /** The template it was drawn from, if any. */
    templateKey: text(),
    title: text().notNull(),
    description: text(),
    dueOn: date({ mode: 'string' }),
    status: text().notNull().default('open'),
    ownerId: uuid(),
    completedOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'commitments_organization_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.ownerId], foreignColumns: [people.coalitionId, people.id], name: 'commitments_owner_fk' }).onDelete('set null'),
    index('commitments_due_idx').on(t.coalitionId, t.dueOn, t.id),
    index('commitments_organization_idx').on(t.coalitionId, t.organizationId),
  ],
);
