import { bigint, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

/**
 * The daily rollup of the application-based metrics (decision 018): per local day, how many
 * applications first reached placed (internships), hired, hired from a non-job opportunity, and
 * how many students first took part, in that calendar year. "First in the year" makes the days of
 * a year add up to the distinct counts the raw computation gives.
 */
export const metricDailyRollups = pgTable(
  'metric_daily_rollups',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    internshipPlacements: integer().notNull().default(0),
    jobPlacements: integer().notNull().default(0),
    conversionsToHire: integer().notNull().default(0),
    studentsImpacted: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.day] })],
);

/**
 * What the rollup covers: status changes before `through`. Triggers bump `version` on any change
 * the rollup may already hold (a status change dated before `through`, an opportunity's kind, an
 * application's student or opportunity); the rollup is used only while `builtVersion = version`.
 */
export const metricRollupState = pgTable('metric_rollup_state', {
  coalitionId: uuid()
    .primaryKey()
    .references(() => coalitions.id, { onDelete: 'cascade' }),
  through: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  version: bigint({ mode: 'number' }).notNull().default(0),
  builtVersion: bigint({ mode: 'number' }),
  refreshedAt: timestamp({ withTimezone: true }),
});
