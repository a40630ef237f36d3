import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';
import { courses } from '../programs/programs.table.js';

/**
 * A planned curriculum change posted by faculty for industry feedback (Chapter 4, "Curriculum
 * Updates"). open → under_review → adopted | declined; adopting it versions the course's skills.
 */
export const curriculumProposals = pgTable(
  'curriculum_proposals',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    institutionId: uuid().notNull(),
    courseId: uuid(),
    /** The faculty owner (a person); null once that person is removed from the directory. */
    authorId: uuid(),
    title: text().notNull(),
    summary: text().notNull(),
    /** What changes, in more detail than the summary. */
    details: text(),
    skillsAdded: text().array().notNull().default(sql`'{}'::text[]`),
    skillsRemoved: text().array().notNull().default(sql`'{}'::text[]`),
    /** Hiring needs the change answers (the demand side of the chain). */
    hiringNeedIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    targetTerm: text().notNull(),
    status: text({ enum: ['open', 'under_review', 'adopted', 'declined'] }).notNull().default('open'),
    /** The course skill version that adopting it created. */
    adoptedVersion: integer(),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.institutionId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'curriculum_proposals_institution_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.courseId], foreignColumns: [courses.coalitionId, courses.id], name: 'curriculum_proposals_course_fk' }),
    index('curriculum_proposals_title_idx').on(t.coalitionId, t.title, t.id),
    index('curriculum_proposals_status_idx').on(t.coalitionId, t.status),
    index('curriculum_proposals_course_idx').on(t.coalitionId, t.courseId),
  ],
);

/** Feedback: industry comments with a relevance rating and proposed skills; the owner's official answers. */
export const curriculumComments = pgTable(
  'curriculum_comments',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    proposalId: uuid().notNull(),
    authorId: uuid(),
    body: text().notNull(),
    /** 1 (not relevant) … 5 (essential), as the commenter rates the change's relevance to industry. */
    relevance: integer(),
    proposedSkills: text().array().notNull().default(sql`'{}'::text[]`),
    official: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.proposalId], foreignColumns: [curriculumProposals.coalitionId, curriculumProposals.id], name: 'curriculum_comments_proposal_fk' }).onDelete('cascade'),
    index('curriculum_comments_proposal_idx').on(t.coalitionId, t.proposalId, t.createdAt),
  ],
);

export const curriculumFollowers = pgTable(
  'curriculum_followers',
  {
    coalitionId: uuid().notNull(),
    proposalId: uuid().notNull(),
    personId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.proposalId, t.personId] }),
    foreignKey({ columns: [t.coalitionId, t.proposalId], foreignColumns: [curriculumProposals.coalitionId, curriculumProposals.id], name: 'curriculum_followers_proposal_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.personId], foreignColumns: [people.coalitionId, people.id], name: 'curriculum_followers_person_fk' }).onDelete('cascade'),
  ],
);

/** Each move through the workflow, with the owner's note. */
export const curriculumStatusChanges = pgTable(
  'curriculum_status_changes',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    proposalId: uuid().notNull(),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    byPersonId: uuid(),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.proposalId], foreignColumns: [curriculumProposals.coalitionId, curriculumProposals.id], name: 'curriculum_status_changes_proposal_fk' }).onDelete('cascade'),
    index('curriculum_status_changes_proposal_idx').on(t.coalitionId, t.proposalId, t.at),
  ],
);
