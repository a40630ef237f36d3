import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { attendanceByOrganization } from './index.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let student: Session;
let outsider: Session;
let employerPersonId = '';
let coalitionId = '';
const LA = '/api/v1/coalitions/la-tech';

async function personIdOf(session: Session) {
  const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: session })).json();
  const membership = me.coalitions.find((c: { slug: string }) => c.slug === 'la-tech');
  return { personId: membership.personId as string, coalitionId: membership.coalitionId as string };
}

async function schedule(payload: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: `${LA}/meetings`, as: coordinator, payload: { kind: 'coalition_meeting', durationMinutes: 90, ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia-meetings@example.org');
  expect((await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-meet', name: 'Bay Meetings', region: 'Bay Area' } })).statusCode).toBe(201);
  ({ personId: employerPersonId, coalitionId } = await personIdOf(employer));
});
afterAll(() => t?.close());

describe('meetings', () => {
  it('carries an open action item of one meeting into the next agenda until it is done', async () => {
    const first = await schedule({ title: 'January coalition meeting', startsAt: '2031-01-14T17:00:00Z', audience: { roles: ['coordinator'], personIds: [employerPersonId] } });
    const second = await schedule({ title: 'February coalition meeting', startsAt: '2031-02-11T17:00:00Z' });
    const item = await t.request({ method: 'POST', url: `${LA}/meetings/${first.id}/action-items`, as: coordinator, payload: { title: 'Share the internship calendar', ownerId: employerPersonId, dueOn: '2031-02-01' } });
    expect(item.statusCode, item.body).toBe(201);
    const itemId = item.json().id;

    const agenda = (await t.request({ method: 'GET', url: `${LA}/meetings/${second.id}/agenda`, as: coordinator })).json();
    expect(agenda.previousMeetingId).toBe(first.id);
    expect(agenda.sections.map((s: { key: string }) => s.key).slice(0, 3)).toEqual(['prior_action_items', 'initiative_updates', 'labor_market']);
    const prior = agenda.sections.find((s: { key: string }) => s.key === 'prior_action_items');
    expect(prior.items.map((i: { id: string }) => i.id)).toContain(itemId);
    // The first meeting's own agenda does not carry its own item.
    const own = (await t.request({ method: 'GET', url: `${LA}/meetings/${first.id}/agenda`, as: coordinator })).json();
    expect(own.sections[0].items.map((i: { id: string }) => i.id)).not.toContain(itemId);
    // Labor-market highlights come from the seeded projections.
    expect(agenda.sections.find((s: { key: string }) => s.key === 'labor_market').items.length).toBeGreaterThan(0);

    // Its owner marks it done: it leaves the carried items and shows as progress.
    const done = await t.request({ method: 'PATCH', url: `${LA}/meetings/${first.id}/action-items/${itemId}`, as: employer, payload: { status: 'done' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().doneAt).toEqual(expect.any(String));
    const after = (await t.request({ method: 'GET', url: `${LA}/meetings/${second.id}/agenda`, as: coordinator })).json();
    expect(after.sections.find((s: { key: string }) => s.key === 'prior_action_items').items.map((i: { id: string }) => i.id)).not.toContain(itemId);
  });

  it('serves an .ics a real iCalendar parser reads, with the right start, end and a stable UID', async () => {
    const m = await schedule({ title: 'Leadership Council; budget, and plans', kind: 'leadership_council', startsAt: '2031-03-04T18:30:00Z', durationMinutes: 75, location: 'Bixel Exchange, 800 W 6th St, Los Angeles', description: 'A long description that goes on and on so the line is folded at seventy-five octets — with ünïcödé too.' });
    const res = await t.request({ method: 'GET', url: `${LA}/meetings/${m.id}/calendar.ics`, as: coordinator });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('\r\n');
    expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const vevent = new ICAL.Component(ICAL.parse(res.body)).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).toBe('2031-03-04T18:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2031-03-04T19:45:00.000Z');
    expect(event.summary).toBe('Leadership Council; budget, and plans');
    expect(event.location).toBe('Bixel Exchange, 800 W 6th St, Los Angeles');
    expect(event.description).toContain('ünïcödé');
    expect(event.uid).toMatch(new RegExp(`^meeting-${m.id}@localhost`));
    expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
    const again = await t.request({ method: 'GET', url: `${LA}/meetings/${m.id}/calendar.ics`, as: coordinator });
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(again.body)).getFirstSubcomponent('vevent')!).uid).toBe(event.uid);
  });

  it('gives each person a private, revocable feed of their meetings', async () => {
    const m = await schedule({ title: 'Employer focus group', kind: 'focus_group', startsAt: '2031-04-01T16:00:00Z', audience: { personIds: [employerPersonId] } });
    const feed = await t.request({ method: 'POST', url: `${LA}/calendar-feed`, as: employer });
    expect(feed.statusCode).toBe(201);
    const path = new URL(feed.json().url).pathname;
    const res = await t.request({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    const uids = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids.some((u) => String(u).startsWith(`meeting-${m.id}@`))).toBe(true);
    expect((await t.request({ method: 'DELETE', url: `${LA}/calendar-feed`, as: employer })).json().revoked).toBe(1);
    expect((await t.request({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it('keeps a monthly meeting at the same Los Angeles time across daylight saving', async () => {
    const m = await schedule({ title: 'Monthly working session', kind: 'working_session', startsAt: '2031-02-12T17:00:00Z', recurrence: { frequency: 'monthly', count: 3 } });
    const list = (await t.request({ method: 'GET', url: `${LA}/meetings?q=Monthly working&limit=10`, as: coordinator })).json();
    const series = list.items.filter((i: { seriesId: string | null }) => i.seriesId === m.seriesId);
    // 9:00 PST in February, 9:00 PDT in March and April.
    expect(series.map((i: { startsAt: string }) => i.startsAt)).toEqual(['2031-02-12T17:00:00.000Z', '2031-03-12T16:00:00.000Z', '2031-04-12T16:00:00.000Z']);
    expect(m.timeZone).toBe('America/Los_Angeles');
  });

  it('records attendance, minutes and decisions, and mails the follow-up through the outbox', async () => {
    const m = await schedule({ title: 'Follow-up meeting', startsAt: '2031-05-06T17:00:00Z', audience: { personIds: [employerPersonId] } });
    const checkIn = await t.request({ method: 'POST', url: `${LA}/meetings/${m.id}/attendance`, as: coordinator, payload: { personId: employerPersonId } });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    expect(checkIn.json().find((i: { personId: string }) => i.personId === employerPersonId).attended).toBe(true);
    await t.request({ method: 'POST', url: `${LA}/meetings/${m.id}/action-items`, as: coordinator, payload: { title: 'Draft the apprenticeship MOU', ownerId: employerPersonId, dueOn: '2031-05-20' } });
    const early = await t.request({ method: 'POST', url: `${LA}/meetings/${m.id}/follow-up`, as: coordinator });
    expect(early.statusCode).toBe(422);
    const patched = await t.request({ method: 'PATCH', url: `${LA}/meetings/${m.id}`, as: coordinator, payload: { minutes: 'We reviewed the pipeline.', decisions: ['Adopt the spring calendar'] } });
    expect(patched.json()).toMatchObject({ minutes: 'We reviewed the pipeline.', decisions: ['Adopt the spring calendar'], attended: 1 });
    expect((await t.request({ method: 'POST', url: `${LA}/meetings/${m.id}/follow-up`, as: coordinator })).statusCode).toBe(202);
    await t.runJobs();
    const outbox = (await t.request({ method: 'GET', url: `${LA}/outbox?limit=200`, as: coordinator })).json().items;
    const mail = outbox.find((o: { toAddress: string; subject: string }) => o.toAddress === demo.employer && o.subject === 'Follow-up: Follow-up meeting');
    expect(mail.textBody).toContain('Draft the apprenticeship MOU (due 2031-05-20)');
    expect(mail.textBody).toContain('Adopt the spring calendar');
    const coordinatorMail = outbox.find((o: { toAddress: string; subject: string }) => o.toAddress === demo.coordinator && o.subject === 'Follow-up: Follow-up meeting');
    expect(coordinatorMail.textBody).toContain('You have no action items from this meeting.');
    expect((await t.request({ method: 'GET', url: `${LA}/meetings/${m.id}`, as: coordinator })).json().followUpSentAt).toEqual(expect.any(String));
    const rows = await attendanceByOrganization(t.database.db, coalitionId, 2031);
    expect(rows.reduce((n, r) => n + r.attendances, 0)).toBe(1);
  });

  it('turns an action item into an initiative task assigned to its owner', async () => {
    const m = await schedule({ title: 'Task meeting', startsAt: '2031-06-03T17:00:00Z' });
    const item = (await t.request({ method: 'POST', url: `${LA}/meetings/${m.id}/action-items`, as: coordinator, payload: { title: 'Recruit mentors', ownerId: employerPersonId, dueOn: '2031-06-30' } })).json();
    const initiative = (await t.request({ method: 'GET', url: `${LA}/initiatives?limit=1`, as: coordinator })).json().items[0];
    const res = await t.request({ method: 'POST', url: `${LA}/meetings/${m.id}/action-items/${item.id}/task`, as: coordinator, payload: { initiativeId: initiative.id, durationDays: 5 } });
    expect(res.statusCode, res.body).toBe(200);
    const task = (await t.request({ method: 'GET', url: `${LA}/initiatives/${initiative.id}/tasks/${res.json().taskId}`, as: coordinator })).json();
    expect(task).toMatchObject({ name: 'Recruit mentors', startsOn: '2031-06-26', durationDays: 5 });
    expect(task.assignee.personId).toBe(employerPersonId);
    expect((await t.request({ method: 'POST', url: `${LA}/meetings/${m.id}/action-items/${item.id}/task`, as: coordinator, payload: { initiativeId: initiative.id } })).statusCode).toBe(409);
  });

  it('edits a meeting (422 on the field), and cancels it with a reason the invitees are told', async () => {
    const m = await schedule({ title: 'Budget check-in', startsAt: '2031-08-05T17:00:00Z', audience: { personIds: [employerPersonId] } });
    const bad = await t.request({ method: 'PATCH', url: `${LA}/meetings/${m.id}`, as: coordinator, payload: { videoUrl: 'not a link' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('videoUrl');
    const edited = await t.request({ method: 'PATCH', url: `${LA}/meetings/${m.id}`, as: coordinator, payload: { title: 'Budget review', startsAt: '2031-08-06T18:30:00Z', location: 'Room 4', videoUrl: 'https://meet.example.org/budget', description: '1. Budget\n2. Grants' } });
    expect(edited.json()).toMatchObject({ title: 'Budget review', startsAt: '2031-08-06T18:30:00.000Z', location: 'Room 4', videoUrl: 'https://meet.example.org/budget' });
    expect((await t.request({ method: 'DELETE', url: `${LA}/meetings/${m.id}`, as: employer, payload: { reason: 'x' } })).statusCode).toBe(403);
    const tooLong = await t.request({ method: 'DELETE', url: `${LA}/meetings/${m.id}`, as: coordinator, payload: { reason: 'x'.repeat(1001) } });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0].path).toBe('reason');
    expect((await t.request({ method: 'DELETE', url: `${LA}/meetings/${m.id}`, as: coordinator, payload: { reason: 'Moved to the quarterly meeting' } })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `${LA}/meetings/${m.id}`, as: coordinator })).statusCode).toBe(404);
    const told = (await t.request({ method: 'GET', url: `${LA}/notifications?limit=50`, as: employer })).json().items.filter((n: { kind: string }) => n.kind === 'meeting.cancelled');
    expect(told.map((n: { payload: unknown }) => n.payload)).toContainEqual({ title: 'Budget review', startsAt: '2031-08-06T18:30:00.000Z', reason: 'Moved to the quarterly meeting' });
    // The one who cancelled is not told; a cancel without a body still works.
    const mine = (await t.request({ method: 'GET', url: `${LA}/notifications?limit=50`, as: coordinator })).json().items;
    expect(mine.filter((n: { kind: string; payload: { title?: string } }) => n.kind === 'meeting.cancelled' && n.payload.title === 'Budget review')).toEqual([]);
    const plain = await schedule({ title: 'Short-lived', startsAt: '2031-08-07T17:00:00Z', audience: { personIds: [employerPersonId] } });
    expect((await t.request({ method: 'DELETE', url: `${LA}/meetings/${plain.id}`, as: coordinator })).statusCode).toBe(204);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const before = (await t.request({ method: 'GET', url: `${LA}/meetings?limit=200`, as: coordinator })).json().items.length;
    const res = await t.request({ method: 'POST', url: `${LA}/meetings`, as: coordinator, payload: { title: 'Bad', kind: 'picnic', startsAt: 'tomorrow', durationMinutes: 0 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['kind', 'startsAt', 'durationMinutes']));
    const ghost = await t.request({ method: 'POST', url: `${LA}/meetings`, as: coordinator, payload: { title: 'Ghost', kind: 'focus_group', startsAt: '2031-01-01T00:00:00Z', durationMinutes: 30, audience: { personIds: ['00000000-0000-4000-8000-000000000000'] } } });
    expect(ghost.statusCode).toBe(422);
    expect(ghost.json().errors[0].path).toBe('audience.personIds.0');
    expect((await t.request({ method: 'GET', url: `${LA}/meetings?limit=200`, as: coordinator })).json().items.length).toBe(before);
  });

  it('shows a student only the meetings they are invited to, and lets them schedule none', async () => {
    const m = await schedule({ title: 'Council only', kind: 'leadership_council', startsAt: '2031-07-01T17:00:00Z', audience: { roles: ['leadership_council'] } });
    expect((await t.request({ method: 'GET', url: `${LA}/meetings/${m.id}`, as: student })).statusCode).toBe(404);
    const list = (await t.request({ method: 'GET', url: `${LA}/meetings?limit=200`, as: student })).json().items;
    expect(list.map((i: { id: string }) => i.id)).not.toContain(m.id);
    expect((await t.request({ method: 'POST', url: `${LA}/meetings`, as: student, payload: { title: 'x', kind: 'focus_group', startsAt: '2031-01-01T00:00:00Z', durationMinutes: 30 } })).statusCode).toBe(403);
    const focus = await schedule({ title: 'Student focus group', kind: 'focus_group', startsAt: '2031-07-02T17:00:00Z', audience: { roles: ['student'] } });
    expect((await t.request({ method: 'PUT', url: `${LA}/meetings/${focus.id}/rsvp`, as: student, payload: { rsvp: 'yes' } })).json().myRsvp).toBe('yes');
  });

  it("hides another coalition's meetings as 404", async () => {
    const m = await schedule({ title: 'Private to LA', startsAt: '2031-08-01T17:00:00Z' });
    expect((await t.request({ method: 'GET', url: `${LA}/meetings/${m.id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-meet/meetings/${m.id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-meet/meetings/${m.id}/agenda`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-meet/meetings/${m.id}/calendar.ics`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/coalitions/bay-meet/meetings/${m.id}`, as: outsider, payload: { title: 'Hijacked' } })).statusCode).toBe(404);
  });
});
