import { bigint, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { initiatives } from './initiatives.table.js';

/** What an initiative needs (Recommendation #5 "resource requirements"): funding, staffing or in-kind. */
export const initiativeRequirements = pgTable(
  'initiative_requirements',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    initiativeId: uuid().notNull(),
    kind: text().notNull(),
    description: text().notNull(),
    /** Funding needed, or the estimated value of an in-kind need, in US cents. */
    amountCents: bigint({ mode: 'number' }),
    /** Staffing: people needed; in-kind: units (rooms, laptops…). */
    quantity: integer(),
    hours: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.initiativeId], foreignColumns: [initiatives.coalitionId, initiatives.id], name: 'initiative_requirements_initiative_fk' }).onDelete('cascade'),
    index('initiative_requirements_initiative_idx').on(t.coalitionId, t.initiativeId, t.createdAt, t.id),
  ],
);

/** A budget line and what it actually cost (workshops, boot camps, …). */
export const initiativeCosts = pgTable(
  'initiative_costs',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    initiativeId: uuid().notNull(),
    category: text().notNull(),
    description: text().notNull(),
    budgetCents: bigint({ mode: 'number' }).notNull(),
    actualCents: bigint({ mode: 'number' }),
    incurredOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.initiativeId], foreignColumns: [initiatives.coalitionId, initiatives.id], name: 'initiative_costs_initiative_fk' }).onDelete('cascade'),
    index('initiative_costs_initiative_idx').on(t.coalitionId, t.initiativeId, t.createdAt, t.id),
  ],
);

/** A funder's or member's pledge: cash and in-kind are kept apart; no initiative means general support. */
export const pledges = pgTable(
  'pledges',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    organizationId: uuid().notNull(),
    initiativeId: uuid(),
    kind: text().notNull(),
    /** Cash, or the estimated value of an in-kind pledge, in US cents. */
    amountCents: bigint({ mode: 'number' }).notNull(),
    description: text(),
    pledgedOn: date({ mode: 'string' }).notNull(),
    status: text().notNull().default('pledged'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'pledges_organization_fk' }),
    foreignKey({ columns: [t.coalitionId, t.initiativeId], foreignColumns: [initiatives.coalitionId, initiatives.id], name: 'pledges_initiative_fk' }),
    index('pledges_pledged_idx').on(t.coalitionId, t.pledgedOn, t.id),
    index('pledges_organization_idx').on(t.coalitionId, t.organizationId),
    index('pledges_initiative_idx').on(t.coalitionId, t.initiativeId),
  ],
);
