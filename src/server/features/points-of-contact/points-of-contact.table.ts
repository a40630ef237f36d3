import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';

/** Who answers for a member organization on a topic (Chapter 4, Step 3: "establish a point of contact"). */
export const contactAssignments = pgTable(
  'contact_assignments',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    organizationId: uuid().notNull(),
    topic: text({ enum: ['work_based_learning', 'curriculum', 'career_placement'] }).notNull(),
    personId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'contact_assignments_organization_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.personId], foreignColumns: [people.coalitionId, people.id], name: 'contact_assignments_person_fk' }).onDelete('cascade'),
    uniqueIndex('contact_assignments_key').on(t.coalitionId, t.organizationId, t.topic, t.personId),
    index('contact_assignments_person_idx').on(t.coalitionId, t.personId),
  ],
);

/** A request to a member organization on a topic, and the people it was routed to. */
export const contactRequests = pgTable(
  'contact_requests',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    organizationId: uuid().notNull(),
    topic: text().notNull(),
    fromPersonId: uuid(),
    subject: text().notNull(),
    body: text().notNull(),
    routedTo: uuid().array().notNull(),
    /** How the recipients were found: the topic's contacts, the organization's points of contact, or the Coordinator. */
    routedBy: text({ enum: ['topic', 'organization', 'coordinator'] }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'contact_requests_organization_fk' }).onDelete('cascade'),
    index('contact_requests_organization_idx').on(t.coalitionId, t.organizationId, t.createdAt),
  ],
);
