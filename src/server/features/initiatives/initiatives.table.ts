import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { people } from '../people/people.table.js';
import { strategySessions } from './strategy.table.js';

export interface InitiativeGoal {
  metricKey: string;
  target: number;
  description: string | null;
}
export interface InitiativeRecruitingWindow {
  label: string;
  opensOn: string;
  closesOn: string;
}

/** A coalition initiative (Recommendation #3) with its owner, the initiative leader. */
export const initiatives = pgTable(
  'initiatives',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    title: text().notNull(),
    category: text().notNull(),
    customCategory: text(),
    description: text(),
    status: text().notNull().default('proposed'),
    ownerId: uuid(),
    strategySessionId: uuid(),
    /** Written when a strategy session's ranking is adopted; 1 is the top priority. */
    priorityRank: integer(),
    strategicPriorities: text().array().notNull().default(sql`'{}'::text[]`),
    recommendations: integer().array().notNull().default(sql`'{}'::integer[]`),
    goals: jsonb().$type<InitiativeGoal[]>().notNull().default([]),
    startsOn: date({ mode: 'string' }),
    targetFinishOn: date({ mode: 'string' }),
    recruitingWindow: jsonb().$type<InitiativeRecruitingWindow | null>(),
    baselineSavedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.ownerId], foreignColumns: [people.coalitionId, people.id], name: 'initiatives_owner_fk' }),
    foreignKey({ columns: [t.coalitionId, t.strategySessionId], foreignColumns: [strategySessions.coalitionId, strategySessions.id], name: 'initiatives_strategy_session_fk' }),
    index('initiatives_title_idx').on(t.coalitionId, t.title, t.id),
    index('initiatives_owner_idx').on(t.coalitionId, t.ownerId),
    index('initiatives_session_idx').on(t.coalitionId, t.strategySessionId),
  ],
);

/** The RACI table: who is responsible, accountable, consulted or informed, and each one's duties. */
export const initiativeStakeholders = pgTable(
  'initiative_stakeholders',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    initiativeId: uuid().notNull(),
    personId: uuid().notNull(),
    raci: text().notNull(),
    role: text(),
    responsibilities: text(),
    /** Pushes the initiative forward inside the person's own organization. */
    pointOfContact: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.initiativeId], foreignColumns: [initiatives.coalitionId, initiatives.id], name: 'initiative_stakeholders_initiative_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.personId], foreignColumns: [people.coalitionId, people.id], name: 'initiative_stakeholders_person_fk' }).onDelete('cascade'),
    uniqueIndex('initiative_stakeholders_person_key').on(t.coalitionId, t.initiativeId, t.personId),
    index('initiative_stakeholders_person_idx').on(t.coalitionId, t.personId),
  ],
);

/** A task or milestone of an initiative's action plan (Recommendation #5). */
export const initiativeTasks = pgTable(
  'initiative_tasks',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    initiativeId: uuid().notNull(),
    name: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    durationDays: integer().notNull(),
    milestone: boolean().notNull().default(false),
    assigneeId: uuid(),
    progress: integer().notNull().default(0),
    notes: text(),
    /** The early dates when the initiative's baseline was saved; slippage is measured against them. */
    baselineStart: date({ mode: 'string' }),
    baselineFinish: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.initiativeId], foreignColumns: [initiatives.coalitionId, initiatives.id], name: 'initiative_tasks_initiative_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.assigneeId], foreignColumns: [people.coalitionId, people.id], name: 'initiative_tasks_assignee_fk' }),
    index('initiative_tasks_initiative_idx').on(t.coalitionId, t.initiativeId, t.startsOn, t.id),
    index('initiative_tasks_assignee_idx').on(t.coalitionId, t.assigneeId),
  ],
);

/** Finish-to-start: `taskId` starts after `dependsOnId` finishes (possibly in another initiative). */
export const taskDependencies = pgTable(
  'task_dependencies',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    taskId: uuid().notNull(),
    dependsOnId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.taskId, t.dependsOnId] }),
    foreignKey({ columns: [t.coalitionId, t.taskId], foreignColumns: [initiativeTasks.coalitionId, initiativeTasks.id], name: 'task_dependencies_task_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.dependsOnId], foreignColumns: [initiativeTasks.coalitionId, initiativeTasks.id], name: 'task_dependencies_depends_on_fk' }).onDelete('cascade'),
    index('task_dependencies_depends_on_idx').on(t.coalitionId, t.dependsOnId),
  ],
);

/** A member's ranking of a strategy session's proposed initiatives (1 = most important). */
export const initiativeBallots = pgTable(
  'initiative_ballots',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    sessionId: uuid().notNull(),
    personId: uuid().notNull(),
    initiativeId: uuid().notNull(),
    rank: integer().notNull(),
    castAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.sessionId, t.personId, t.initiativeId] }),
    foreignKey({ columns: [t.coalitionId, t.sessionId], foreignColumns: [strategySessions.coalitionId, strategySessions.id], name: 'initiative_ballots_session_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.personId], foreignColumns: [people.coalitionId, people.id], name: 'initiative_ballots_person_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.initiativeId], foreignColumns: [initiatives.coalitionId, initiatives.id], name: 'initiative_ballots_initiative_fk' }).onDelete('cascade'),
    index('initiative_ballots_initiative_idx').on(t.coalitionId, t.initiativeId),
    index('initiative_ballots_person_idx').on(t.coalitionId, t.personId),
  ],
);
