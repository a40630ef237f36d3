import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { people } from '../people/people.table.js';
import { initiativeTasks, initiatives } from './initiatives.table.js';

/** The risk register (Recommendation #7): likelihood × impact on cost, timeline or scope. */
export const initiativeRisks = pgTable(
  'initiative_risks',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    initiativeId: uuid().notNull(),
    title: text().notNull(),
    description: text(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    impactOn: text().array().notNull().default(sql`'{}'::text[]`),
    ownerId: uuid(),
    mitigation: text(),
    status: text().notNull().default('open'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.initiativeId], foreignColumns: [initiatives.coalitionId, initiatives.id], name: 'initiative_risks_initiative_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.ownerId], foreignColumns: [people.coalitionId, people.id], name: 'initiative_risks_owner_fk' }),
    index('initiative_risks_title_idx').on(t.coalitionId, t.title, t.id),
    index('initiative_risks_initiative_idx').on(t.coalitionId, t.initiativeId),
    index('initiative_risks_owner_idx').on(t.coalitionId, t.ownerId),
  ],
);

/** The tasks a risk threatens. */
export const riskTasks = pgTable(
  'risk_tasks',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    riskId: uuid().notNull(),
    taskId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.riskId, t.taskId] }),
    foreignKey({ columns: [t.coalitionId, t.riskId], foreignColumns: [initiativeRisks.coalitionId, initiativeRisks.id], name: 'risk_tasks_risk_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.taskId], foreignColumns: [initiativeTasks.coalitionId, initiativeTasks.id], name: 'risk_tasks_task_fk' }).onDelete('cascade'),
    index('risk_tasks_task_idx').on(t.coalitionId, t.taskId),
  ],
);
