import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Background work kept in PostgreSQL so any app process may run it, exactly once: a process claims
 * a queued job with FOR UPDATE SKIP LOCKED and holds it with a lease it renews; a job whose lease
 * ran out (its process died) is queued again.
 */
export const jobs = pgTable(
  'jobs',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    kind: text().notNull(),
    status: text({ enum: ['queued', 'running', 'succeeded', 'failed'] }).notNull().default('queued'),
    phase: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    processed: integer().notNull().default(0),
    total: integer(),
    errors: jsonb().$type<{ row: number; column: string | null; message: string }[]>().notNull().default([]),
    result: jsonb().$type<Record<string, unknown>>(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    leaseUntil: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), index('jobs_queue_idx').on(t.status, t.createdAt)],
);

/** Uploaded files waiting for (or kept after) their import job. */
export const jobFiles = pgTable(
  'job_files',
  {
    coalitionId: uuid().notNull(),
    jobId: uuid().notNull(),
    content: bytea().notNull(),
    contentType: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.jobId] })],
);

/**
 * An upload as it arrived, in chunks of about 1 MB (seq from 0), so neither the upload nor the job
 * that reads it holds the whole file in memory. Written before the job exists (its id chosen first);
 * chunks of an upload that never became a job are pruned by maintenance after a day.
 */
export const jobFileChunks = pgTable(
  'job_file_chunks',
  {
    coalitionId: uuid().notNull(),
    jobId: uuid().notNull(),
    seq: integer().notNull(),
    data: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.jobId, t.seq] })],
);
