import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { skills } from '../labor-market/labor-market.table.js';
import { organizations } from '../organizations/organizations.table.js';

/** An opportunity hosted by an organization (employerId), of a kind the paper names. */
export const opportunities = pgTable(
  'opportunities',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    kind: text().notNull(),
    title: text().notNull(),
    description: text(),
    employerId: uuid().notNull(),
    institutionId: uuid(),
    pathway: text(),
    audiences: text().array().notNull().default(sql`'{}'::text[]`),
    compensation: text().notNull().default('unpaid'),
    payAmount: numeric({ precision: 12, scale: 2, mode: 'number' }),
    payUnit: text(),
    seats: integer(),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
    applicationDeadline: date({ mode: 'string' }),
    hoursPerWeek: integer(),
    minimumAge: integer(),
    modality: text().notNull().default('in_person'),
    location: text(),
    status: text().notNull().default('open'),
    externalId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.employerId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'opportunities_employer_fk' }),
    foreignKey({ columns: [t.coalitionId, t.institutionId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'opportunities_institution_fk' }),
    index('opportunities_title_idx').on(t.coalitionId, t.title, t.id),
    index('opportunities_employer_idx').on(t.coalitionId, t.employerId),
    // Metrics count delivered opportunities of a kind per year.
    index('opportunities_kind_idx').on(t.coalitionId, t.kind, t.status),
    uniqueIndex('opportunities_external_id_key').on(t.coalitionId, t.externalId).where(sql`${t.externalId} is not null`),
  ],
);

/** The skills an opportunity asks for, each with its importance (1–5): the matching weight. */
export const opportunitySkills = pgTable(
  'opportunity_skills',
  {
    coalitionId: uuid().notNull(),
    opportunityId: uuid().notNull(),
    skillId: text()
      .notNull()
      .references(() => skills.id),
    importance: smallint().notNull().default(3),
    /**
     * The sum of importance over all of this opportunity's skills, on every one of its rows; kept by
     * triggers (migration 0014), never written by the app. A student's matches read it from the skill
     * index, so an opportunity's share is known without visiting it (decision 023).
     */
    opportunityTotal: smallint().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.opportunityId, t.skillId] }),
    foreignKey({ columns: [t.coalitionId, t.opportunityId], foreignColumns: [opportunities.coalitionId, opportunities.id], name: 'opportunity_skills_opportunity_fk' }).onDelete('cascade'),
    // Matching reads a skill's opportunities, importance and total from the index alone.
    index('opportunity_skills_skill_idx').on(t.coalitionId, t.skillId, t.opportunityId, t.importance, t.opportunityTotal),
  ],
);
