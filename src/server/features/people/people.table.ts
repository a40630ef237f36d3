import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../../platform/auth/accounts.table.js';

/**
 * The coalition's people. A person linked to a user account is a member: their roles decide what
 * they may do in this coalition. A person without an account is a contact in the directory.
 */
export const people = pgTable(
  'people',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    name: text().notNull(),
    title: text(),
    organizationId: uuid(),
    email: text(),
    phone: text(),
    roles: text().array().notNull().default(sql`'{}'::text[]`),
    externalId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({
      columns: [t.coalitionId, t.organizationId],
      foreignColumns: [organizations.coalitionId, organizations.id],
      name: 'people_organization_fk',
    }),
    uniqueIndex('people_user_key').on(t.coalitionId, t.userId).where(sql`${t.userId} is not null`),
    index('people_name_idx').on(t.coalitionId, t.name, t.id),
    index('people_organization_idx').on(t.coalitionId, t.organizationId),
    index('people_user_idx').on(t.userId),
    uniqueIndex('people_external_id_key').on(t.coalitionId, t.externalId).where(sql`${t.externalId} is not null`),
  ],
);
