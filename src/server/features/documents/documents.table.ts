import { customType, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { coalitions } from '../coalitions/coalitions.table.js';
import { people } from '../people/people.table.js';

/** Files live in PostgreSQL so one backup holds everything. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A document of the coalition's shared library; its content is in document_versions. */
export const documents = pgTable(
  'documents',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    title: text().notNull(),
    visibility: text().notNull(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    ownerId: uuid(),
    currentVersion: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.ownerId], foreignColumns: [people.coalitionId, people.id], name: 'documents_owner_fk' }).onDelete('set null'),
    index('documents_title_idx').on(t.coalitionId, t.title, t.id),
  ],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    coalitionId: uuid().notNull(),
    documentId: uuid().notNull(),
    version: integer().notNull(),
    filename: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    /** Text extracted for search: text-like files at upload, PDF and Office files (inline when small, else by a job). */
    extractedText: text(),
    /** none (a type without text, e.g. an image), pending (a job will extract it), done, failed. */
    textStatus: text().notNull().default('none'),
    uploadedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.documentId, t.version] }),
    foreignKey({ columns: [t.coalitionId, t.documentId], foreignColumns: [documents.coalitionId, documents.id], name: 'document_versions_document_fk' }).onDelete('cascade'),
  ],
);
