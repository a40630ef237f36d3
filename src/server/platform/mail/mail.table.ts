import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every message is recorded here, sent or not: without SMTP this is the outbox the Coordinator
 * reads; with SMTP it is the record of what went out. Nothing is silently dropped.
 * coalition_id is null for account mail (password resets) that belongs to no coalition.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid().primaryKey(),
    coalitionId: uuid(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    kind: text().notNull(),
    /** Extra headers for the transport, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
    headers: jsonb().$type<Record<string, string>>(),
    status: text({ enum: ['outbox', 'sent', 'failed'] }).notNull(),
    error: text(),
    // Millisecond precision: the list cursor carries a JS Date.
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('mail_messages_coalition_idx').on(t.coalitionId, t.createdAt)],
);
