import { and, asc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { MeetingListQuery } from '../../../shared/meetings.contract.js';
import type { Executor } from '../../db/client.js';
import { organizations, people } from '../../db/schema.js';
import { decodeCursor, likePattern } from '../../platform/pagination.js';
import { meetingInvitees, meetings } from './meetings.table.js';

const invitedCount = sql<number>`(select count(*)::int from ${meetingInvitees} i where i.coalition_id = ${meetings.coalitionId} and i.meeting_id = ${meetings.id})`;
const attendedCount = sql<number>`(select count(*)::int from ${meetingInvitees} i where i.coalition_id = ${meetings.coalitionId} and i.meeting_id = ${meetings.id} and i.attended)`;
const rsvpOf = (personId: string) =>
  sql<string | null>`(select i.rsvp from ${meetingInvitees} i where i.coalition_id = ${meetings.coalitionId} and i.meeting_id = ${meetings.id} and i.person_id = ${personId})`;

const columns = (personId: string) => ({
  id: meetings.id,
  seriesId: meetings.seriesId,
  title: meetings.title,
  kind: meetings.kind,
  startsAt: meetings.startsAt,
  durationMinutes: meetings.durationMinutes,
  location: meetings.location,
  videoUrl: meetings.videoUrl,
  description: meetings.description,
  audience: meetings.audience,
  minutes: meetings.minutes,
  decisions: meetings.decisions,
  agendaOrder: meetings.agendaOrder,
  agendaHidden: meetings.agendaHidden,
  followUpSentAt: meetings.followUpSentAt,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
  invited: invitedCount,
  attended: attendedCount,
  myRsvp: rsvpOf(personId),
});
export type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & {};

/** `personId` is the caller's: their RSVP (null when not invited) comes with the row. */
export async function findMeeting(db: Executor, coalitionId: string, id: string, personId: string) {
  const [row] = await db.select(columns(personId)).from(meetings).where(and(eq(meetings.coalitionId, coalitionId), eq(meetings.id, id)));
  return row;
}

export async function listMeetings(db: Executor, coalitionId: string, personId: string, query: MeetingListQuery, onlyInvited: boolean) {
  const filters: (SQL | undefined)[] = [eq(meetings.coalitionId, coalitionId)];
  if (query.from) filters.push(gte(meetings.startsAt, new Date(query.from)));
  if (query.to) filters.push(lt(meetings.startsAt, new Date(query.to)));
  if (query.kind) filters.push(eq(meetings.kind, query.kind));
  if (query.q) filters.push(sql`${meetings.title} ilike ${likePattern(query.q)}`);
  if (onlyInvited || query.mine) filters.push(sql`${rsvpOf(personId)} is not null`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    const at = new Date(String(cursor[0]));
    filters.push(or(gt(meetings.startsAt, at), and(eq(meetings.startsAt, at), gt(meetings.id, String(cursor[1])))));
  }
  return db
    .select(columns(personId))
    .from(meetings)
    .where(and(...filters))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(query.limit + 1);
}

export async function listInvitees(db: Executor, coalitionId: string, meetingId: string) {
  return db
    .select({
      personId: meetingInvitees.personId,
      name: people.name,
      email: people.email,
      organizationName: organizations.name,
      rsvp: meetingInvitees.rsvp,
      attended: meetingInvitees.attended,
      checkedInAt: meetingInvitees.checkedInAt,
    })
    .from(meetingInvitees)
    .innerJoin(people, and(eq(people.coalitionId, meetingInvitees.coalitionId), eq(people.id, meetingInvitees.personId)))
    .leftJoin(organizations, and(eq(organizations.coalitionId, people.coalitionId), eq(organizations.id, people.organizationId)))
    .where(and(eq(meetingInvitees.coalitionId, coalitionId), eq(meetingInvitees.meetingId, meetingId)))
    .orderBy(people.name, people.id);
}

/** Adds people newly in the audience; drops those no longer in it unless they already answered or came. */
export async function syncInvitees(tx: Executor, coalitionId: string, meetingId: string, personIds: string[]) {
  if (personIds.length) {
    await tx
      .insert(meetingInvitees)
      .values(personIds.map((personId) => ({ coalitionId, meetingId, personId })))
      .onConflictDoNothing();
  }
  const keep = personIds.length ? sql`and not (${inArray(meetingInvitees.personId, personIds)})` : sql``;
  await tx.execute(sql`delete from ${meetingInvitees} where coalition_id = ${coalitionId} and meeting_id = ${meetingId} and rsvp = 'pending' and not attended ${keep}`);
}

export async function findPerson(db: Executor, coalitionId: string, personId: string) {
  const [row] = await db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(and(eq(people.coalitionId, coalitionId), eq(people.id, personId)));
  return row;
}

/** The meeting that came before this one (by start), whose date opens the "since" window. */
export async function previousMeeting(db: Executor, coalitionId: string, startsAt: Date) {
  const [row] = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.coalitionId, coalitionId), lt(meetings.startsAt, startsAt)))
    .orderBy(sql`${meetings.startsAt} desc`, sql`${meetings.id} desc`)
    .limit(1);
  return row;
}
