import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { initiatives, initiativeStakeholders, organizations, people } from '../../db/schema.js';
import { seatHolders } from './coverage.table.js';

export async function seatHolderRows(db: Executor, coalitionId: string) {
  return db
    .select({
      seat: seatHolders.seat,
      personId: people.id,
      name: people.name,
      title: people.title,
      organizationId: people.organizationId,
      organizationName: organizations.name,
      member: sql<boolean>`${people.userId} is not null`,
    })
    .from(seatHolders)
    .innerJoin(people, and(eq(people.coalitionId, seatHolders.coalitionId), eq(people.id, seatHolders.personId)))
    .leftJoin(organizations, and(eq(organizations.coalitionId, people.coalitionId), eq(organizations.id, people.organizationId)))
    .where(eq(seatHolders.coalitionId, coalitionId))
    .orderBy(people.name);
}

export async function personWithOrganization(db: Executor, coalitionId: string, personId: string) {
  const [row] = await db
    .select({ id: people.id, organizationType: organizations.type })
    .from(people)
    .leftJoin(organizations, and(eq(organizations.coalitionId, people.coalitionId), eq(organizations.id, people.organizationId)))
    .where(and(eq(people.coalitionId, coalitionId), eq(people.id, personId)));
  return row;
}

/** Every initiative with the people its RACI table makes accountable. */
export async function initiativeDecisionMakers(db: Executor, coalitionId: string) {
  return db
    .select({
      initiativeId: initiatives.id,
      title: initiatives.title,
      status: initiatives.status,
      personId: people.id,
      name: people.name,
    })
    .from(initiatives)
    .leftJoin(
      initiativeStakeholders,
      and(eq(initiativeStakeholders.coalitionId, initiatives.coalitionId), eq(initiativeStakeholders.initiativeId, initiatives.id), eq(initiativeStakeholders.raci, 'accountable')),
    )
    .leftJoin(people, and(eq(people.coalitionId, initiativeStakeholders.coalitionId), eq(people.id, initiativeStakeholders.personId)))
    .where(eq(initiatives.coalitionId, coalitionId))
    .orderBy(initiatives.title, initiatives.id, people.name);
}
