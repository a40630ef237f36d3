import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const coalitions = pgTable(
  'coalitions',
  {
    id: uuid().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    region: text().notNull(),
    timeZone: text().notNull().default('America/Los_Angeles'),
    mission: text(),
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('coalitions_slug_key').on(t.slug)],
);

export const invitations = pgTable(
  'invitations',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    tokenHash: text().notNull(),
    email: text().notNull(),
    name: text(),
    roles: text().array().notNull(),
    organizationId: uuid(),
    invitedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    // Looked up by token alone (the link carries no coalition); unique across the table.
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_email_idx').on(t.coalitionId, t.email),
  ],
);
