import { and, eq, sql, type SQL } from 'drizzle-orm';
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
 * The check-ins that count as attendance: attended, by someone with an organization, at a meeting in
 * the given calendar year of the coalition's time zone (`timeZone`: an SQL expression).
 */
function countedCheckIns(coalitionId: string, year: number, timeZone: SQL): SQL {
  const localYear = sql`extract(year from ${meetings.startsAt} at time zone ${timeZone})`;
  return and(eq(meetingInvitees.coalitionId, coalitionId), eq(meetingInvitees.attended, true), sql`${people.organizationId} is not null`, sql`${localYear} = ${year}`)!;
}

/**
 * Meeting attendance per organization in a calendar year of the coalition's time zone, computed
 * from check-ins (for the metrics and recognition rooms). People without an organization are left out.
 */
export async function attendanceByOrganization(db: Executor, coalitionId: string, year: number): Promise<OrganizationAttendance[]> {
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
    .where(countedCheckIns(coalitionId, year, sql`${coalitions.timeZone}`))
    .groupBy(people.organizationId)
    .orderBy(people.organizationId);
  return rows;
}

/**
 * The year's attendance as one number (the sum of attendanceByOrganization's `attendances`), as a
 * scalar subquery for another room's statement (the metrics dashboard reads it with its records).
 */
export function attendanceTotal(coalitionId: string, year: number, timeZone: string): SQL {
  return sql`(select count(*)::int from ${meetingInvitees}
    join ${meetings} on ${meetings.coalitionId} = ${meetingInvitees.coalitionId} and ${meetings.id} = ${meetingInvitees.meetingId}
    join ${people} on ${people.coalitionId} = ${meetingInvitees.coalitionId} and ${people.id} = ${meetingInvitees.personId}
    where ${countedCheckIns(coalitionId, year, sql`${timeZone}::text`)})`;
}
