import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { actionItems, meetingAgendaItems, meetingInvitees, meetings, people } from '../db/schema.js';
import { fromWallClock, wallClock } from '../features/meetings/time-zone.js';
import { newId } from '../platform/auth/secrets.js';

const noAudience = { roles: [] as string[], organizationTypes: [] as string[], initiativeIds: [] as string[], personIds: [] as string[], pointsOfContact: false };

/**
 * Two past and three upcoming meetings around today, at 10:00 in the coalition's time zone, so the
 * meetings pages are never empty: minutes, attendance, an open action item carried forward, a done one.
 */
export async function seedMeetings(tx: Executor, coalitionId: string, timeZone: string, now = new Date()): Promise<void> {
  const staff = await tx
    .select({ id: people.id, roles: people.roles })
    .from(people)
    .where(and(eq(people.coalitionId, coalitionId), sql`not ('student' = any(${people.roles}))`));
  const students = await tx.select({ id: people.id }).from(people).where(and(eq(people.coalitionId, coalitionId), sql`'student' = any(${people.roles})`));
  const coordinator = staff.find((p) => p.roles.includes('coordinator'))?.id ?? null;
  const at = (days: number, hour = 10) => {
    const today = wallClock(now, timeZone);
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
    return fromWallClock({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute: 0, second: 0 }, timeZone);
  };
  const plan = [
    { days: -42, title: 'Coalition meeting: kickoff review', kind: 'coalition_meeting', minutes: 'Reviewed Table 1 and the hiring demands; agreed to map internship calendars.', decisions: ['Adopt the coalition calendar for the program year'], invite: staff, attended: 0.7 },
    { days: -14, title: 'Leadership Council: spring priorities', kind: 'leadership_council', minutes: 'Council reviewed initiative progress and funding gaps.', decisions: ['Prioritize the soft-skill workshop series'], invite: staff.filter((p) => p.roles.includes('coordinator') || p.roles.includes('leadership_council')), attended: 1 },
    { days: 7, title: 'Coalition meeting: monthly update', kind: 'coalition_meeting', invite: staff },
    { days: 21, title: 'Student focus group: internships', kind: 'focus_group', invite: [...students, ...staff.filter((p) => p.roles.includes('coordinator'))] },
    { days: 35, title: 'Working session: curriculum alignment', kind: 'working_session', invite: staff },
  ] as const;
  const ids: string[] = [];
  for (const m of plan) {
    const id = newId();
    ids.push(id);
    const past = m.days < 0;
    await tx.insert(meetings).values({
      coalitionId,
      id,
      title: m.title,
      kind: m.kind,
      startsAt: at(m.days),
      durationMinutes: 90,
      location: m.kind === 'focus_group' ? null : 'Bixel Exchange, 800 W 6th St, Los Angeles',
      videoUrl: 'https://meet.example.org/la-tech',
      audience: { ...noAudience, personIds: m.invite.map((p) => p.id) },
      minutes: 'minutes' in m ? m.minutes : null,
      decisions: 'decisions' in m ? [...m.decisions] : [],
      createdBy: coordinator,
    });
    const attendedCount = past && 'attended' in m ? Math.ceil(m.invite.length * m.attended) : 0;
    if (m.invite.length) {
      await tx.insert(meetingInvitees).values(
        m.invite.map((p, i) => ({ coalitionId, meetingId: id, personId: p.id, rsvp: past ? 'yes' : 'pending', attended: i < attendedCount, checkedInAt: i < attendedCount ? at(m.days) : null })),
      );
    }
  }
  const employer = staff.find((p) => !p.roles.includes('coordinator') && !p.roles.includes('leadership_council'))?.id ?? coordinator;
  await tx.insert(actionItems).values([
    { coalitionId, id: newId(), meetingId: ids[0]!, title: 'Share each member’s internship calendar', ownerId: employer, dueOn: at(-20).toISOString().slice(0, 10), status: 'done', doneAt: at(-21) },
    { coalitionId, id: newId(), meetingId: ids[1]!, title: 'Draft the soft-skill workshop schedule', ownerId: coordinator, dueOn: at(10).toISOString().slice(0, 10) },
    { coalitionId, id: newId(), meetingId: ids[1]!, title: 'Confirm employer hosts for job shadowing', ownerId: employer, dueOn: at(3).toISOString().slice(0, 10) },
  ]);
  await tx.insert(meetingAgendaItems).values({ coalitionId, id: newId(), meetingId: ids[2]!, title: 'Summer internship stipends', notes: 'Proposed by a member employer', status: 'accepted', proposedBy: employer, position: 0 });
}
