import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';

export const organizations = pgTable(
  'organizations',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    name: text().notNull(),
    type: text().notNull(),
    subtype: text(),
    website: text(),
    address: text(),
    description: text(),
    externalId: text(),
    attributes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    index('organizations_name_idx').on(t.coalitionId, t.name, t.id),
    index('organizations_type_idx').on(t.coalitionId, t.type),
    uniqueIndex('organizations_external_id_key')
      .on(t.coalitionId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);
