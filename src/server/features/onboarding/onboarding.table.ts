import { foreignKey, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';

/** A member organization's acceptance of the coalition's data-sharing agreement (one per organization). */
export const dataSharingAcceptances = pgTable(
  'data_sharing_acceptances',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    organizationId: uuid().notNull(),
    agreementVersion: text().notNull(),
    acceptedBy: uuid(),
    acceptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.organizationId] }),
    foreignKey({ columns: [t.coalitionId, t.organizationId], foreignColumns: [organizations.coalitionId, organizations.id], name: 'data_sharing_organization_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.coalitionId, t.acceptedBy], foreignColumns: [people.coalitionId, people.id], name: 'data_sharing_person_fk' }).onDelete('set null'),
  ],
);
