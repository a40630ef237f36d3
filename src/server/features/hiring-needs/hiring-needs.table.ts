import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { skills } from '../labor-market/labor-market.table.js';

export interface RecruitingWindow {
  kind: 'internship_application' | 'hiring_season';
  label: string | null;
  startsOn: string;
  endsOn: string;
}

/**
 * An employer's declared need for one occupation: with its skills, the employer's "profile of a
 * qualified candidate" (Chapter 4). Positions are per year; they weigh the skills' demand.
 */
export const hiringNeeds = pgTable(
  'hiring_needs',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    employerId: uuid().notNull(),
    soc: text().notNull(),
    title: text().notNull(),
    level: text({ enum: ['entry', 'middle', 'management'] }).notNull().default('entry'),
    positions: integer().notNull(),
    location: text(),
    workplace: text({ enum: ['onsite', 'hybrid', 'remote'] }).notNull().default('onsite'),
    degreeRequired: boolean().notNull().default(false),
    degreeLevel: text({ enum: ['associate', 'bachelor', 'master', 'doctoral'] }),
    description: text(),
    recruitingCalendar: jsonb().$type<RecruitingWindow[]>().notNull().default([]),
    externalId: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.employerId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'hiring_needs_employer_fk' }).onDelete('cascade'),
    index('hiring_needs_title_idx').on(t.coalitionId, t.title, t.id),
    index('hiring_needs_employer_idx').on(t.coalitionId, t.employerId),
    index('hiring_needs_soc_idx').on(t.coalitionId, t.soc),
    uniqueIndex('hiring_needs_external_id_key').on(t.coalitionId, t.externalId).where(sql`${t.externalId} is not null`),
  ],
);

/** A skill a need asks for: importance (required 1, preferred ½) weighs its demand; level is what is expected. */
export const hiringNeedSkills = pgTable(
  'hiring_need_skills',
  {
    coalitionId: uuid().notNull(),
    needId: uuid().notNull(),
    skillId: text()
      .notNull()
      .references(() => skills.id),
    level: text({ enum: ['beginner', 'intermediate', 'advanced'] }),
    importance: text({ enum: ['required', 'preferred'] }).notNull().default('required'),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.needId, t.skillId] }),
    foreignKey({ columns: [t.coalitionId, t.needId], foreignColumns: [hiringNeeds.coalitionId, hiringNeeds.id], name: 'hiring_need_skills_need_fk' }).onDelete('cascade'),
    index('hiring_need_skills_skill_idx').on(t.coalitionId, t.skillId),
  ],
);
