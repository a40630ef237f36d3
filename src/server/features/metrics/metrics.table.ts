import { index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';

/** A coalition's yearly target for a metric (typed in by the Coordinator; actuals never are). */
export const metricTargets = pgTable(
  'metric_targets',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    year: integer().notNull(),
    key: text().notNull(),
    target: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.year, t.key] })],
);

/** Status and evidence of each roadmap phase, step and recommendation, per coalition. */
export const roadmapProgress = pgTable(
  'roadmap_progress',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    ref: text().notNull(),
    status: text().notNull().default('not_started'),
    evidence: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.ref] }), index('roadmap_progress_status_idx').on(t.coalitionId, t.status)],
);
