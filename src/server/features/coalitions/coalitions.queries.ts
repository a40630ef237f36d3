import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { people } from '../../db/schema.js';
import { coalitions, invitations } from './coalitions.table.js';

export const coalitionColumns = {
  id: coalitions.id,
  slug: coalitions.slug,
  name: coalitions.name,
  region: coalitions.region,
  timeZone: coalitions.timeZone,
  mission: coalitions.mission,
  createdAt: coalitions.createdAt,
  updatedAt: coalitions.updatedAt,
};

export async function findCoalitionById(db: Executor, coalitionId: string) {
  const [row] = await db.select(coalitionColumns).from(coalitions).where(eq(coalitions.id, coalitionId));
  return row;
}

export async function findCoalitionBySlug(db: Executor, slug: string) {
  const [row] = await db.select(coalitionColumns).from(coalitions).where(eq(coalitions.slug, slug));
  return row;
}

export async function coalitionsOfUser(db: Executor, userId: string) {
  return db
    .select(coalitionColumns)
    .from(coalitions)
    .innerJoin(people, and(eq(people.coalitionId, coalitions.id), eq(people.userId, userId)))
    .orderBy(coalitions.name);
}

export const invitationColumns = {
  id: invitations.id,
  email: invitations.email,
  name: invitations.name,
  roles: invitations.roles,
  organizationId: invitations.organizationId,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
};

export async function openInvitations(db: Executor, coalitionId: string) {
  return db
    .select(invitationColumns)
    .from(invitations)
    .where(and(eq(invitations.coalitionId, coalitionId), isNull(invitations.revokedAt)))
    .orderBy(sql`${invitations.createdAt} desc`);
}

export async function memberByEmail(db: Executor, coalitionId: string, email: string) {
  const [row] = await db
    .select({ id: people.id, userId: people.userId, roles: people.roles })
    .from(people)
    .where(and(eq(people.coalitionId, coalitionId), sql`lower(${people.email}) = ${email.toLowerCase()}`));
  return row;
}
