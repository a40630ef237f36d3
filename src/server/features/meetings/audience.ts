import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { initiativeStakeholders, initiatives, organizations, people } from '../../db/schema.js';
import type { MeetingAudience } from './meetings.table.js';

export const emptyAudience = (): MeetingAudience => ({ roles: [], organizationTypes: [], initiativeIds: [], personIds: [], pointsOfContact: false });

export const normalizeAudience = (a: Partial<MeetingAudience> | undefined): MeetingAudience => ({ ...emptyAudience(), ...(a ?? {}) });

/**
 * The people a segment names: the union of people with any of the roles, at organizations of any
 * of the types, on any of the initiatives (owner or RACI), points of contact, or named. Used for
 * meeting invitations and announcements alike, and for the composer's audience preview.
 */
export async function resolveAudience(db: Executor, coalitionId: string, audience: MeetingAudience): Promise<string[]> {
  const any: SQL[] = [];
  if (audience.roles.length) any.push(sql`${people.roles} && ${sql`array[${sql.join(audience.roles.map((r) => sql`${r}`), sql`, `)}]::text[]`}`);
  if (audience.pointsOfContact) any.push(sql`'point_of_contact' = any(${people.roles})`);
  if (audience.personIds.length) any.push(inArray(people.id, audience.personIds));
  if (audience.organizationTypes.length) {
    any.push(
      inArray(
        people.organizationId,
        db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.coalitionId, coalitionId), inArray(organizations.type, audience.organizationTypes))),
      ),
    );
  }
  if (audience.initiativeIds.length) {
    any.push(
      inArray(
        people.id,
        db
          .select({ id: initiativeStakeholders.personId })
          .from(initiativeStakeholders)
          .where(and(eq(initiativeStakeholders.coalitionId, coalitionId), inArray(initiativeStakeholders.initiativeId, audience.initiativeIds))),
      ),
    );
    any.push(
      inArray(
        people.id,
        db
          .select({ id: sql<string>`${initiatives.ownerId}` })
          .from(initiatives)
          .where(and(eq(initiatives.coalitionId, coalitionId), inArray(initiatives.id, audience.initiativeIds), sql`${initiatives.ownerId} is not null`)),
      ),
    );
  }
  if (any.length === 0) return [];
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.coalitionId, coalitionId), or(...any)));
  return rows.map((r) => r.id);
}
