import { boolean, date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';

/** An organization the intermediary is recruiting (Chapter 4, Phase 1, Step 2: "Recruit coalition members"). */
export const prospects = pgTable(
  'prospects',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    name: text().notNull(),
    type: text().notNull(),
    stage: text().notNull().default('identified'),
    website: text(),
    notes: text(),
    /** The person at the intermediary who owns the relationship. */
    ownerId: uuid(),
    nextStep: text(),
    nextStepOn: date({ mode: 'string' }),
    /** Marks seeded or sample records that do not describe a real relationship. */
    illustrative: boolean().notNull().default(false),
    /** Set when the prospect became a member organization. */
    organizationId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.ownerId], foreignColumns: [people.coalitionId, people.id], name: 'prospects_owner_fk' }).onDelete('set null'),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'prospects_organization_fk' }).onDelete('set null'),
    index('prospects_name_idx').on(t.coalitionId, t.name, t.id),
    index('prospects_stage_idx').on(t.coalitionId, t.stage),
  ],
);

/** The decision makers and influencers at a prospect, invited with their roles when it joins. */
export const prospectContacts = pgTable(
  'prospect_contacts',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    prospectId: uuid().notNull(),
    name: text().notNull(),
    title: text(),
    email: text(),
    /** The coverage seat this person would fill (coverage room's seat keys). */
    seat: text(),
    roles: text().array().notNull().default(sql`'{}'::text[]`),
    decisionMaker: boolean().notNull().default(false),
    /** The person record made when the prospect joined. */
    personId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.prospectId], foreignColumns: [prospects.coalitionId, prospects.id], name: 'prospect_contacts_prospect_fk' }).onDelete('cascade'),
    index('prospect_contacts_prospect_idx').on(t.coalitionId, t.prospectId),
  ],
);

/** The history of contacts with a prospect; stage changes are written here too. */
export const prospectActivities = pgTable(
  'prospect_activities',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    prospectId: uuid().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    kind: text().notNull(),
    summary: text().notNull(),
    byPersonId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.prospectId], foreignColumns: [prospects.coalitionId, prospects.id], name: 'prospect_activities_prospect_fk' }).onDelete('cascade'),
    index('prospect_activities_prospect_idx').on(t.coalitionId, t.prospectId, t.occurredOn),
  ],
);
