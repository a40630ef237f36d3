import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { skills } from '../labor-market/labor-market.table.js';

/** An institution's program: a K-12 pathway, certificate, degree, non-credit class or boot camp. */
export const programs = pgTable(
  'programs',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    institutionId: uuid().notNull(),
    title: text().notNull(),
    /** CIP 2020 (NN.NNNN): leads to occupations through the CIP→SOC crosswalk. */
    cip: text(),
    awardLevel: text({ enum: ['k12_pathway', 'certificate', 'associate', 'bachelor', 'non_credit', 'boot_camp'] }).notNull(),
    /** For a K-12 career pathway: its name (e.g. LA HI-TECH's "Software Systems and Development"). */
    pathway: text(),
    description: text(),
    techFocused: boolean().notNull().default(false),
    specialtySkillClass: boolean().notNull().default(false),
    externalId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.institutionId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'programs_institution_fk' }).onDelete('cascade'),
    index('programs_title_idx').on(t.coalitionId, t.title, t.id),
    index('programs_institution_idx').on(t.coalitionId, t.institutionId),
    index('programs_cip_idx').on(t.coalitionId, t.cip),
    uniqueIndex('programs_external_id_key').on(t.coalitionId, t.externalId).where(sql`${t.externalId} is not null`),
  ],
);

/** Organizations that co-deliver a program (AWS for Santa Monica College's cloud certificate). */
export const programPartners = pgTable(
  'program_partners',
  { coalitionId: uuid().notNull(), programId: uuid().notNull(), organizationId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.programId, t.organizationId] }),
    foreignKey({ columns: [t.coalitionId, t.programId], foreignColumns: [programs.coalitionId, programs.id], name: 'program_partners_program_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'program_partners_organization_fk' }).onDelete('cascade'),
  ],
);

/** Yearly enrollment and completions, with where the figure comes from. */
export const programOutcomes = pgTable(
  'program_outcomes',
  {
    coalitionId: uuid().notNull(),
    programId: uuid().notNull(),
    year: integer().notNull(),
    enrollment: integer(),
    completions: integer(),
    source: text(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.programId, t.year] }),
    foreignKey({ columns: [t.coalitionId, t.programId], foreignColumns: [programs.coalitionId, programs.id], name: 'program_outcomes_program_fk' }).onDelete('cascade'),
  ],
);

/** A course of a program; its yearly enrollment weighs the skills it teaches. */
export const courses = pgTable(
  'courses',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    programId: uuid().notNull(),
    code: text(),
    title: text().notNull(),
    description: text(),
    annualEnrollment: integer(),
    /** The version of its skills now in force (course_skill_versions). */
    skillsVersion: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.programId], foreignColumns: [programs.coalitionId, programs.id], name: 'courses_program_fk' }).onDelete('cascade'),
    index('courses_program_idx').on(t.coalitionId, t.programId),
    index('courses_title_idx').on(t.coalitionId, t.title, t.id),
  ],
);

/** The skills a course teaches now (the current version, for fast joins). */
export const courseSkills = pgTable(
  'course_skills',
  {
    coalitionId: uuid().notNull(),
    courseId: uuid().notNull(),
    skillId: text()
      .notNull()
      .references(() => skills.id),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.courseId, t.skillId] }),
    foreignKey({ columns: [t.coalitionId, t.courseId], foreignColumns: [courses.coalitionId, courses.id], name: 'course_skills_course_fk' }).onDelete('cascade'),
    index('course_skills_skill_idx').on(t.coalitionId, t.skillId),
  ],
);

export interface SkillEvidence {
  skillId: string;
  skill: string;
  demand: number;
  supply: number;
  gap: number;
  needIds: string[];
}

/**
 * Every version of a course's skills: what it added and removed, who changed it, and — when an
 * adopted curriculum proposal changed it — the proposal and the demand that stood behind each
 * added skill at that moment. Never updated: the chain from demand to course stays followable.
 */
export const courseSkillVersions = pgTable(
  'course_skill_versions',
  {
    coalitionId: uuid().notNull(),
    courseId: uuid().notNull(),
    version: integer().notNull(),
    skillIds: text().array().notNull(),
    added: text().array().notNull().default(sql`'{}'::text[]`),
    removed: text().array().notNull().default(sql`'{}'::text[]`),
    proposalId: uuid(),
    evidence: jsonb().$type<SkillEvidence[]>().notNull().default([]),
    note: text(),
    changedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.courseId, t.version] }),
    foreignKey({ columns: [t.coalitionId, t.courseId], foreignColumns: [courses.coalitionId, courses.id], name: 'course_skill_versions_course_fk' }).onDelete('cascade'),
    index('course_skill_versions_proposal_idx').on(t.coalitionId, t.proposalId),
  ],
);
