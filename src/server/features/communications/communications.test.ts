import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcements, mailMessages, opportunities, opportunitySkills, people, studentSkills, students } from '../../db/schema.js';
import { newId } from '../../platform/auth/secrets.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { ANNOUNCEMENT_JOB } from './announcements.service.js';
import { unsubscribeSigner } from './unsubscribe.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let educator: Session;
let student: Session;
let outsider: Session;
const ids = { coalition: '', coordinator: '', employer: '', educator: '', student: '', employerOrg: '' };
const LA = '/api/v1/coalitions/la-tech';
const BAY = '/api/v1/coalitions/bay-comms';

async function personIdOf(session: Session) {
  const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: session })).json();
  const membership = me.coalitions.find((c: { slug: string }) => c.slug === 'la-tech');
  return { personId: membership.personId as string, coalitionId: membership.coalitionId as string };
}

/** Mail rows written for an address, with their headers (the outbox DTO does not carry headers). */
async function mailTo(address: string, kind: string) {
  return t.database.db.select().from(mailMessages).where(and(eq(mailMessages.toAddress, address), eq(mailMessages.kind, kind)));
}

async function tokenFor(personId: string) {
  return (await unsubscribeSigner(t.database.db, ids.coalition))(personId);
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia-comms@example.org');
  expect((await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-comms', name: 'Bay Communications', region: 'Bay Area' } })).statusCode).toBe(201);
  for (const [key, session] of [['coordinator', coordinator], ['employer', employer], ['educator', educator], ['student', student]] as const) {
    const { personId, coalitionId } = await personIdOf(session);
    ids[key] = personId;
    ids.coalition = coalitionId;
  }
  const [org] = await t.database.db.select({ id: people.organizationId }).from(people).where(and(eq(people.coalitionId, ids.coalition), eq(people.id, ids.employer)));
  ids.employerOrg = org!.id!;

  // The student unsubscribes with the one-click link (RFC 8058 POST, as a mail provider sends it);
  // the employer turns announcements off but keeps the digest; the Coordinator turns the digest off.
  const token = await tokenFor(ids.student);
  const info = await t.request({ method: 'GET', url: `/api/v1/unsubscribe/${token}` });
  expect(info.statusCode, info.body).toBe(200);
  expect(info.json()).toMatchObject({ coalitionName: expect.any(String), unsubscribed: false, email: 's•••@la-tech.demo' });
  const oneClick = await t.request({ method: 'POST', url: `/api/v1/unsubscribe/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
  expect(oneClick.statusCode, oneClick.body).toBe(200);
  expect(oneClick.json().unsubscribed).toBe(true);
  expect((await t.request({ method: 'PUT', url: `${LA}/communications/preferences`, as: employer, payload: { announcements: false } })).statusCode).toBe(200);
  expect((await t.request({ method: 'PUT', url: `${LA}/communications/preferences`, as: coordinator, payload: { digest: false } })).statusCode).toBe(200);
});
afterAll(() => t?.close());

describe('unsubscribe link and preferences', () => {
  it('reads and changes only one’s own preferences; the link needs no sign-in and refuses a forged token', async () => {
    const mine = (await t.request({ method: 'GET', url: `${LA}/communications/preferences`, as: student })).json();
    expect(mine).toMatchObject({ email: demo.student, announcements: true, digest: true, meetingFollowUps: true, unsubscribedAt: expect.any(String) });
    const employerPrefs = (await t.request({ method: 'GET', url: `${LA}/communications/preferences`, as: employer })).json();
    expect(employerPrefs).toMatchObject({ announcements: false, digest: true, unsubscribedAt: null });

    const token = await tokenFor(ids.student);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await t.request({ method: 'POST', url: `/api/v1/unsubscribe/${forged}` })).statusCode).toBe(404);
    // The same person id under another coalition's prefix is not valid either.
    const otherCoalition = `${'A'.repeat(22)}${token.slice(22)}`;
    expect((await t.request({ method: 'GET', url: `/api/v1/unsubscribe/${otherCoalition}` })).statusCode).toBe(404);
    // A malformed link is refused by the route's schema (params and query answer 400 naming the field).
    const malformed = await t.request({ method: 'GET', url: `/api/v1/unsubscribe/not-a-token` });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify(malformed.json().errors)).toContain('token');
    // Once more is harmless (idempotent) and keeps the first moment.
    expect((await t.request({ method: 'POST', url: `/api/v1/unsubscribe/${token}` })).json().unsubscribed).toBe(true);
    expect((await t.request({ method: 'GET', url: `${LA}/communications/preferences`, as: student })).json().unsubscribedAt).toBe(mine.unsubscribedAt);
  });

  it('refuses an empty change with a 422 naming the field and writes nothing', async () => {
    const before = (await t.request({ method: 'GET', url: `${LA}/communications/preferences`, as: educator })).json();
    const res = await t.request({ method: 'PUT', url: `${LA}/communications/preferences`, as: educator, payload: {} });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('announcements');
    const wrongType = await t.request({ method: 'PUT', url: `${LA}/communications/preferences`, as: educator, payload: { digest: 'sometimes' } });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().errors.map((e: { path: string }) => e.path)).toContain('digest');
    expect((await t.request({ method: 'GET', url: `${LA}/communications/preferences`, as: educator })).json()).toEqual(before);
  });

  it('lets someone unsubscribe and resubscribe from the preferences page', async () => {
    const off = (await t.request({ method: 'PUT', url: `${LA}/communications/preferences`, as: educator, payload: { subscribed: false } })).json();
    expect(off.unsubscribedAt).toEqual(expect.any(String));
    const on = (await t.request({ method: 'PUT', url: `${LA}/communications/preferences`, as: educator, payload: { subscribed: true } })).json();
    expect(on).toMatchObject({ unsubscribedAt: null, announcements: true, digest: true });
  });
});

describe('announcements', () => {
  const audience = () => ({ personIds: [ids.employer, ids.educator, ids.student, ids.coordinator] });

  it('previews a segment (counts and a sample) without sending; an empty or foreign segment is a 422 naming the field', async () => {
    const mailBefore = (await t.database.db.select({ n: count() }).from(mailMessages))[0]!.n;
    const res = await t.request({ method: 'POST', url: `${LA}/announcements/preview`, as: coordinator, payload: { audience: audience() } });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    // Four people: the employer opted out of announcements, the student unsubscribed.
    expect(preview).toMatchObject({ total: 4, mailable: 2, optedOut: 2, withoutEmail: 0 });
    expect(preview.sample.map((p: { id: string }) => p.id).sort()).toEqual([...audience().personIds].sort());
    expect(preview.sample.find((p: { id: string }) => p.id === ids.student).mailable).toBe(false);
    const byRole = (await t.request({ method: 'POST', url: `${LA}/announcements/preview`, as: coordinator, payload: { audience: { pointsOfContact: true } } })).json();
    expect(byRole.sample.map((p: { id: string }) => p.id)).toContain(ids.educator);
    expect((await t.database.db.select({ n: count() }).from(mailMessages))[0]!.n).toBe(mailBefore);

    const empty = await t.request({ method: 'POST', url: `${LA}/announcements/preview`, as: coordinator, payload: { audience: {} } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].path).toBe('audience');
    const foreign = await t.request({ method: 'POST', url: `${LA}/announcements/preview`, as: coordinator, payload: { audience: { initiativeIds: [newId()] } } });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('audience.initiativeIds.0');
    expect((await t.request({ method: 'POST', url: `${LA}/announcements/preview`, as: employer, payload: { audience: audience() } })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `${LA}/announcements/preview`, as: outsider, payload: { audience: audience() } })).statusCode).toBe(404);
  });

  it('sends to the segment through a background job: mail with List-Unsubscribe to those who may be mailed, a delivery record and a notification for everyone, nothing twice', async () => {
    const created = await t.request({ method: 'POST', url: `${LA}/announcements`, as: coordinator, payload: { subject: 'Spring apprenticeship fair', body: 'Join us on April 2 at the Bixel Exchange.', audience: audience() } });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', recipients: 0 });
    const edited = await t.request({ method: 'PATCH', url: `${LA}/announcements/${draft.id}`, as: coordinator, payload: { body: 'Join us on April 2 at the Bixel Exchange, 10 am.' } });
    expect(edited.json().body).toContain('10 am');
    const sent = await t.request({ method: 'POST', url: `${LA}/announcements/${draft.id}/send`, as: coordinator });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('queued');
    await t.runJobs();

    const after = (await t.request({ method: 'GET', url: `${LA}/announcements/${draft.id}`, as: coordinator })).json();
    expect(after).toMatchObject({ status: 'sent', recipients: 4, deliveries: { email: 2, suppressed: 2, no_address: 0 }, sentAt: expect.any(String) });
    const [educatorMail] = await mailTo(demo.educator, 'announcement');
    expect(educatorMail?.subject).toBe('Spring apprenticeship fair');
    expect(educatorMail?.textBody).toContain('10 am');
    expect(educatorMail?.headers?.['List-Unsubscribe']).toMatch(/^<http:\/\/localhost(:80)?\/api\/v1\/unsubscribe\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}>$/);
    expect(educatorMail?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(educatorMail?.textBody).toMatch(/Unsubscribe from all coalition mail: http:\/\/localhost(:80)?\/unsubscribe\//);
    expect(await mailTo(demo.coordinator, 'announcement')).toHaveLength(1);
    // Nobody who unsubscribed or opted out is mailed.
    expect(await mailTo(demo.student, 'announcement')).toHaveLength(0);
    expect(await mailTo(demo.employer, 'announcement')).toHaveLength(0);

    const deliveries = (await t.request({ method: 'GET', url: `${LA}/announcements/${draft.id}/deliveries`, as: coordinator })).json();
    expect(Object.fromEntries(deliveries.items.map((d: { personId: string; channel: string }) => [d.personId, d.channel]))).toEqual({
      [ids.employer]: 'suppressed',
      [ids.student]: 'suppressed',
      [ids.educator]: 'email',
      [ids.coordinator]: 'email',
    });
    // In-app: every recipient but the author is notified, the unsubscribed student too (it is not mail).
    const inbox = (await t.request({ method: 'GET', url: `${LA}/notifications`, as: student })).json();
    expect(inbox.items.find((n: { kind: string; payload: { announcementId: string } }) => n.kind === 'communications.announcement' && n.payload.announcementId === draft.id)).toBeTruthy();
    // A recipient reads it; it is listed for them.
    expect((await t.request({ method: 'GET', url: `${LA}/announcements/${draft.id}`, as: student })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `${LA}/announcements`, as: student })).json().items.map((a: { id: string }) => a.id)).toContain(draft.id);

    // A duplicated job (a retry after a crash) finds every delivery recorded and mails nobody again.
    await t.database.db.update(announcements).set({ status: 'queued' }).where(and(eq(announcements.coalitionId, ids.coalition), eq(announcements.id, draft.id)));
    await enqueueJob(t.database.db, { coalitionId: ids.coalition, kind: ANNOUNCEMENT_JOB, payload: { announcementId: draft.id, baseUrl: 'http://localhost', slug: 'la-tech' }, createdBy: null });
    await t.runJobs();
    expect(await mailTo(demo.educator, 'announcement')).toHaveLength(1);
    expect(await mailTo(demo.coordinator, 'announcement')).toHaveLength(1);

    // Sent is final.
    expect((await t.request({ method: 'PATCH', url: `${LA}/announcements/${draft.id}`, as: coordinator, payload: { subject: 'Changed' } })).statusCode).toBe(409);
    expect((await t.request({ method: 'POST', url: `${LA}/announcements/${draft.id}/send`, as: coordinator })).statusCode).toBe(409);
  });

  it('retries a send that failed half-way: the failed attempt wrote nothing, the retry mails everyone once', async () => {
    const mailer = t.app.services.mailer;
    const original = mailer.enqueueMany;
    let failures = 0;
    // The first chunk fails after its delivery records were written in the same transaction.
    mailer.enqueueMany = async (db, messages) => {
      if (failures++ === 0) throw new Error('SMTP relay unreachable');
      return original.call(mailer, db, messages);
    };
    try {
      const res = await t.request({ method: 'POST', url: `${LA}/announcements`, as: coordinator, payload: { subject: 'Retry me', body: 'Second time lucky.', audience: { personIds: [ids.educator, ids.coordinator] }, send: true } });
      expect(res.statusCode, res.body).toBe(201);
      await t.runJobs();
      const id = res.json().id;
      const runs = await t.database.db.execute<{ status: string; errors: { message: string }[]; attempt: string | null }>(
        sql`select status, errors, payload->>'attempt' as attempt from jobs where kind = ${ANNOUNCEMENT_JOB} and payload->>'announcementId' = ${id} order by created_at`,
      );
      expect(runs.rows.map((r) => r.status)).toEqual(['failed', 'succeeded']);
      expect(runs.rows[0]!.errors[0]!.message).toContain('Attempt 1 of 3 failed: SMTP relay unreachable; retrying');
      expect(runs.rows[1]!.attempt).toBe('2');
      const after = (await t.request({ method: 'GET', url: `${LA}/announcements/${id}`, as: coordinator })).json();
      expect(after).toMatchObject({ status: 'sent', deliveries: { email: 2, suppressed: 0, no_address: 0 } });
      const mails = await t.database.db.select().from(mailMessages).where(and(eq(mailMessages.kind, 'announcement'), eq(mailMessages.subject, 'Retry me')));
      expect(mails.map((m) => m.toAddress).sort()).toEqual([demo.coordinator, demo.educator].sort());
    } finally {
      mailer.enqueueMany = original;
    }
  });

  it('refuses bad input with a 422 naming the field and writes nothing', async () => {
    const before = (await t.database.db.select({ n: count() }).from(announcements).where(eq(announcements.coalitionId, ids.coalition)))[0]!.n;
    const noSubject = await t.request({ method: 'POST', url: `${LA}/announcements`, as: coordinator, payload: { subject: '  ', body: 'Hello', audience: audience() } });
    expect(noSubject.statusCode).toBe(422);
    expect(noSubject.json().errors.map((e: { path: string }) => e.path)).toContain('subject');
    const badRole = await t.request({ method: 'POST', url: `${LA}/announcements`, as: coordinator, payload: { subject: 'Hi', body: 'Hello', audience: { roles: ['wizard'] } } });
    expect(badRole.statusCode).toBe(422);
    expect(badRole.json().errors.map((e: { path: string }) => e.path)).toContain('audience.roles.0');
    const stranger = await t.request({ method: 'POST', url: `${LA}/announcements`, as: coordinator, payload: { subject: 'Hi', body: 'Hello', audience: { personIds: [ids.student, newId()] } } });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors[0].path).toBe('audience.personIds.1');
    expect((await t.database.db.select({ n: count() }).from(announcements).where(eq(announcements.coalitionId, ids.coalition)))[0]!.n).toBe(before);
  });

  it('keeps another coalition’s announcements out of reach (404), and drafts from members', async () => {
    const bayPerson = (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: outsider })).json().coalitions.find((c: { slug: string }) => c.slug === 'bay-comms').personId;
    const bay = await t.request({ method: 'POST', url: `${BAY}/announcements`, as: outsider, payload: { subject: 'Bay news', body: 'Only for the bay.', audience: { personIds: [bayPerson] } } });
    expect(bay.statusCode, bay.body).toBe(201);
    const bayId = bay.json().id;
    for (const [method, suffix] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['POST', '/send'], ['GET', '/deliveries']] as const) {
      const res = await t.request({ method, url: `${LA}/announcements/${bayId}${suffix}`, as: coordinator, ...(method === 'PATCH' ? { payload: { subject: 'Taken over' } } : {}) });
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
    }
    expect((await t.request({ method: 'GET', url: `${BAY}/announcements/${bayId}`, as: coordinator })).statusCode).toBe(404);
    const draft = (await t.request({ method: 'POST', url: `${LA}/announcements`, as: coordinator, payload: { subject: 'Draft only', body: 'Not yet', audience: { personIds: [ids.student] } } })).json();
    expect((await t.request({ method: 'GET', url: `${LA}/announcements/${draft.id}`, as: student })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `${LA}/announcements/${draft.id}`, as: coordinator })).statusCode).toBe(204);
  });
});

describe('weekly digest', () => {
  const WEEK = '2031-05-05';
  let itemTitle = '';

  beforeAll(async () => {
    // An action item due that week for each of four people, an apprenticeship starting that week,
    // and a new opportunity asking for a skill the student has.
    const meeting = (await t.request({ method: 'POST', url: `${LA}/meetings`, as: coordinator, payload: { title: 'Digest meeting', kind: 'coalition_meeting', startsAt: '2031-04-28T17:00:00Z', durationMinutes: 60 } })).json();
    itemTitle = 'Send the mentor roster';
    for (const owner of [ids.educator, ids.employer, ids.student, ids.coordinator]) {
      const res = await t.request({ method: 'POST', url: `${LA}/meetings/${meeting.id}/action-items`, as: coordinator, payload: { title: itemTitle, ownerId: owner, dueOn: '2031-05-08' } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const db = t.database.db;
    await db.insert(opportunities).values({ coalitionId: ids.coalition, id: newId(), kind: 'apprenticeship', title: 'Cloud support apprenticeship', employerId: ids.employerOrg, startsOn: '2031-05-12', status: 'open' });
    const [record] = await db.select({ id: students.id }).from(students).where(and(eq(students.coalitionId, ids.coalition), eq(students.personId, ids.student)));
    const [skill] = await db.select({ skillId: studentSkills.skillId }).from(studentSkills).where(and(eq(studentSkills.coalitionId, ids.coalition), eq(studentSkills.studentId, record!.id))).limit(1);
    const fresh = newId();
    await db.insert(opportunities).values({ coalitionId: ids.coalition, id: fresh, kind: 'internship', title: 'Summer data internship', employerId: ids.employerOrg, status: 'open', createdAt: new Date('2031-05-01T12:00:00Z') });
    await db.insert(opportunitySkills).values({ coalitionId: ids.coalition, opportunityId: fresh, skillId: skill!.skillId, importance: 3 });
  });

  it('shows each person their own digest: upcoming opportunities for their roles, matches for students, their action items', async () => {
    const mine = (await t.request({ method: 'GET', url: `${LA}/communications/digest-preview?weekOf=2031-05-07`, as: employer })).json();
    expect(mine.weekOf).toBe(WEEK);
    expect(mine.actionItems.map((i: { title: string }) => i.title)).toContain(itemTitle);
    expect(mine.upcoming.map((o: { title: string }) => o.title)).toContain('Cloud support apprenticeship');
    expect(mine.wouldSend).toBe(true);
    const theirs = (await t.request({ method: 'GET', url: `${LA}/communications/digest-preview?weekOf=2031-05-07`, as: student })).json();
    expect(theirs.matched.map((o: { title: string }) => o.title)).toContain('Summer data internship');
    expect(theirs.matched[0].score).toBeGreaterThan(0);
    // Unsubscribed: the digest exists, but it would not be mailed.
    expect(theirs.wouldSend).toBe(false);
    const bad = await t.request({ method: 'GET', url: `${LA}/communications/digest-preview?weekOf=May`, as: student });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).join()).toMatch(/weekOf/);
  });

  it('runs in batches as background jobs, mails only those who want it, once per person per week', async () => {
    const res = await t.request({ method: 'POST', url: `${LA}/digests`, as: coordinator, payload: { weekOf: '2031-05-07' } });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({ weekOf: WEEK, status: 'running', batchSize: 500, batchesDone: 0 });
    expect(run.batches).toBe(Math.ceil(run.recipients / 500));
    // Eligible: an address, not unsubscribed, digest on. The student and the Coordinator are out.
    const eligible = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from people p where p.coalition_id = ${ids.coalition} and p.email is not null and p.email <> '' and p.id <> all(array[${ids.student}, ${ids.coordinator}]::uuid[])`);
    expect(run.recipients).toBe(Number(eligible.rows[0]!.n));
    await t.runJobs();

    const done = (await t.request({ method: 'GET', url: `${LA}/digests/${run.id}`, as: coordinator })).json();
    expect(done).toMatchObject({ status: 'completed', batchesDone: run.batches, finishedAt: expect.any(String) });
    const digests = await t.database.db.select().from(mailMessages).where(and(eq(mailMessages.coalitionId, ids.coalition), eq(mailMessages.kind, 'digest')));
    expect(done.emailed).toBe(digests.length);
    expect(done.emailed + done.empty).toBe(run.recipients);
    const toEducator = digests.filter((m) => m.toAddress === demo.educator);
    expect(toEducator).toHaveLength(1);
    expect(toEducator[0]!.textBody).toContain(itemTitle);
    expect(toEducator[0]!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(digests.filter((m) => m.toAddress === demo.employer)).toHaveLength(1);
    expect(digests.filter((m) => m.toAddress === demo.student)).toHaveLength(0);
    expect(digests.filter((m) => m.toAddress === demo.coordinator)).toHaveLength(0);

    // Starting the week again returns the same run and mails nobody twice.
    const again = await t.request({ method: 'POST', url: `${LA}/digests`, as: coordinator, payload: { weekOf: WEEK } });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(run.id);
    await t.runJobs();
    expect((await t.database.db.select({ n: count() }).from(mailMessages).where(and(eq(mailMessages.coalitionId, ids.coalition), eq(mailMessages.kind, 'digest'))))[0]!.n).toBe(digests.length);
    expect((await t.request({ method: 'GET', url: `${LA}/digests`, as: coordinator })).json().items.map((r: { id: string }) => r.id)).toContain(run.id);
  });

  it('retries a failed batch whole: the week’s run still completes with every digest written once', async () => {
    const mailer = t.app.services.mailer;
    const original = mailer.enqueueMany;
    let failures = 0;
    mailer.enqueueMany = async (db, messages) => {
      if (failures++ === 0) throw new Error('disk full');
      return original.call(mailer, db, messages);
    };
    try {
      const res = await t.request({ method: 'POST', url: `${LA}/digests`, as: coordinator, payload: { weekOf: '2031-05-12' } });
      expect(res.statusCode, res.body).toBe(201);
      await t.runJobs();
      const run = (await t.request({ method: 'GET', url: `${LA}/digests/${res.json().id}`, as: coordinator })).json();
      expect(run).toMatchObject({ status: 'completed', batchesDone: run.batches });
      const mails = await t.database.db.execute<{ to_address: string; n: number }>(
        sql`select m.to_address, count(*)::int as n from mail_messages m join communication_deliveries d on d.mail_id = m.id
            where d.coalition_id = ${ids.coalition} and d.kind = 'digest' and d.ref_id = '2031-05-12' group by m.to_address`,
      );
      expect(run.emailed).toBeGreaterThan(0);
      expect(mails.rows.length).toBe(run.emailed);
      expect(mails.rows.every((r) => Number(r.n) === 1)).toBe(true);
      const failed = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from jobs where kind = 'communications:digest-batch' and payload->>'runId' = ${run.id} and status = 'failed'`);
      expect(Number(failed.rows[0]!.n)).toBe(1);
    } finally {
      mailer.enqueueMany = original;
    }
  });

  it('is the Coordinator’s: others get 403, another coalition 404, a bad week a 422 naming the field', async () => {
    expect((await t.request({ method: 'POST', url: `${LA}/digests`, as: employer, payload: {} })).statusCode).toBe(403);
    const bad = await t.request({ method: 'POST', url: `${LA}/digests`, as: coordinator, payload: { weekOf: '2031-13-45' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('weekOf');
    const bayRun = await t.request({ method: 'POST', url: `${BAY}/digests`, as: outsider, payload: { weekOf: WEEK } });
    expect(bayRun.statusCode, bayRun.body).toBe(201);
    expect((await t.request({ method: 'GET', url: `${LA}/digests/${bayRun.json().id}`, as: coordinator })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${BAY}/digests`, as: coordinator })).statusCode).toBe(404);
  });
});

describe('list cursors', () => {
  it('answers a forged cursor with a 400 naming it, never a failed cast', async () => {
    const forged = Buffer.from(JSON.stringify(['not a date', 'not-a-uuid'])).toString('base64url');
    const some = (await t.request({ method: 'GET', url: `${LA}/announcements?limit=1`, as: coordinator })).json().items[0].id;
    for (const url of [`${LA}/announcements?cursor=${forged}`, `${LA}/announcements/${some}/deliveries?cursor=${forged}`, `${LA}/digests?cursor=${forged}`]) {
      const res = await t.request({ method: 'GET', url, as: coordinator });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors[0].path).toBe('query.cursor');
    }
  });
});

describe('meeting follow-up', () => {
  it('is not mailed to someone who unsubscribed, and carries List-Unsubscribe for the others', async () => {
    const m = (await t.request({ method: 'POST', url: `${LA}/meetings`, as: coordinator, payload: { title: 'Focus group with students', kind: 'focus_group', startsAt: '2031-06-10T17:00:00Z', durationMinutes: 60, audience: { personIds: [ids.student, ids.educator] } } })).json();
    await t.request({ method: 'PATCH', url: `${LA}/meetings/${m.id}`, as: coordinator, payload: { minutes: 'Students asked for more evening workshops.' } });
    expect((await t.request({ method: 'POST', url: `${LA}/meetings/${m.id}/follow-up`, as: coordinator })).statusCode).toBe(202);
    await t.runJobs();
    const followUps = await t.database.db.select().from(mailMessages).where(and(eq(mailMessages.kind, 'meeting_follow_up'), eq(mailMessages.subject, 'Follow-up: Focus group with students')));
    const to = followUps.map((f) => f.toAddress);
    expect(to).toContain(demo.educator);
    expect(to).not.toContain(demo.student);
    expect(followUps.find((f) => f.toAddress === demo.educator)!.headers?.['List-Unsubscribe']).toMatch(/\/api\/v1\/unsubscribe\//);
  });
});
