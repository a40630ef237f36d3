import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { coalitions, people } from '../../db/schema.js';
import { meetingInvitees, meetings } from './meetings.table.js';

export interface OrganizationAttendance {
  organizationId: string;
  /** Check-ins by the organization's people (one per person per meeting). */
  attendances: number;
  /** Distinct meetings at least one of them attended. */
  meetingsAttended: number;
}

/**
 * Meeting attendance per organization in a calendar year of the coalition's time zone, computed
 * from check-ins (for the metrics and recognition rooms). People without an organization are left out.
 */
export async function attendanceByOrganization(db: Executor, coalitionId: string, year: number): Promise<OrganizationAttendance[]> {
  const localYear = sql`extract(year from ${meetings.startsAt} at time zone ${coalitions.timeZone})`;
  const rows = await db
    .select({
      organizationId: sql<string>`${people.organizationId}`,
      attendances: sql<number>`count(*)::int`,
      meetingsAttended: sql<number>`count(distinct ${meetings.id})::int`,
    })
    .from(meetingInvitees)
    .innerJoin(meetings, and(eq(meetings.coalitionId, meetingInvitees.coalitionId), eq(meetings.id, meetingInvitees.meetingId)))
    .innerJoin(coalitions, eq(coalitions.id, meetings.coalitionId))
    .innerJoin(people, and(eq(people.coalitionId, meetingInvitees.coalitionId), eq(people.id, meetingInvitees.personId)))
    .where(and(eq(meetingInvitees.coalitionId, coalitionId), eq(meetingInvitees.attended, true), sql`${people.organizationId} is not null`, sql`${localYear} = ${year}`))
    .groupBy(people.organizationId)
    .orderBy(people.organizationId);
  return rows;
}
