import { foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ProgramConfig } from '../../../shared/recognition.contract.js';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';

/** A coalition's recognition program: criteria, weights, thresholds and tiers (absent: the default). */
export const recognitionPrograms = pgTable('recognition_programs', {
  coalitionId: uuid()
    .primaryKey()
    .references(() => coalitions.id, { onDelete: 'cascade' }),
  config: jsonb().$type<ProgramConfig>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A yearly round: nominations open, the review committee decides, the Coordinator closes it. */
export const recognitionRounds = pgTable(
  'recognition_rounds',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    year: integer().notNull(),
    status: text().notNull().default('open'),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    /** The government office that formally recognizes this round's partners (the paper's government criterion). */
    endorsedByOrganizationId: uuid(),
    endorsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), uniqueIndex('recognition_rounds_year_key').on(t.coalitionId, t.year)],
);

export const recognitionNominations = pgTable(
  'recognition_nominations',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    roundId: uuid().notNull(),
    organizationId: uuid().notNull(),
    /** The score when nominated, from records (kept: the committee decided on it). */
    score: numeric({ precision: 5, scale: 1, mode: 'number' }).notNull(),
    suggestedTier: text(),
    status: text().notNull().default('nominated'),
    tier: text(),
    note: text(),
    nominatedByPersonId: uuid(),
    decidedByPersonId: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.roundId], foreignColumns: [recognitionRounds.coalitionId, recognitionRounds.id], name: 'recognition_nominations_round_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'recognition_nominations_organization_fk' }).onDelete('cascade'),
    uniqueIndex('recognition_nominations_round_organization_key').on(t.coalitionId, t.roundId, t.organizationId),
  ],
);

/** An award. Its id is global: the public credential and certificate are found by it alone. */
export const recognitionAwards = pgTable(
  'recognition_awards',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    nominationId: uuid().notNull(),
    organizationId: uuid().notNull(),
    tier: text().notNull(),
    year: integer().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.nominationId], foreignColumns: [recognitionNominations.coalitionId, recognitionNominations.id], name: 'recognition_awards_nomination_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'recognition_awards_organization_fk' }).onDelete('cascade'),
    uniqueIndex('recognition_awards_id_key').on(t.id),
    index('recognition_awards_year_idx').on(t.coalitionId, t.year),
  ],
);
