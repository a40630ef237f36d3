import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    // Millisecond precision: the list cursor carries a JS Date.
    at: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    actorUserId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    changes: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    index('audit_log_at_idx').on(t.coalitionId, t.at, t.id),
    index('audit_log_entity_idx').on(t.coalitionId, t.entityType, t.entityId),
  ],
);
