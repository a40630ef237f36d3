import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, TEST_PASSWORD, type Session, type TestApp } from '../test/harness.js';
import { distinctRoutes, recordRoutes, routeKey, type RegisteredRoute } from '../test/routes.js';
import { passwordResets } from './auth/accounts.table.js';
import { newSecret } from './auth/secrets.js';
import { createSession } from './auth/sessions.js';
import { desc, eq } from 'drizzle-orm';
import { notify } from './notifications/notifications.js';
import { notifications } from './notifications/notifications.table.js';
import { roles } from '../../shared/common.contract.js';
import { coalitions } from '../features/coalitions/coalitions.table.js';
import { unsubscribeSigner } from '../features/communications/unsubscribe.js';

/**
 * The route-by-role matrix: for every route the app registers, what each kind of caller gets.
 *
 * The rows are checked against the routes Fastify actually registers (onRoute), both ways: a new
 * route without a row fails this file, and so does a row for a route that no longer exists. Each row
 * builds a valid request (real seeded ids, a fresh throwaway record for every write) so that the
 * status shows the access rule and nothing else.
 *
 * Outside the table: /api/docs/* (Swagger UI's static assets, JSON/YAML copies of the document and
 * its config; public, no data), and Fastify's automatic HEAD twin of each GET (same handler).
 */
const EXCLUDED = /^\/api\/docs\//;

const SUBJECTS = ['anonymous', 'coordinator', 'council', 'employer', 'educator', 'student', 'outsider'] as const;
type Subject = (typeof SUBJECTS)[number];
type Expected = Record<Subject, number>;

/** One row of the table, in the order of SUBJECTS. */
function s(anonymous: number, coordinator: number, council: number, employer: number, educator: number, student: number, outsider: number): Expected {
  return { anonymous, coordinator, council, employer, educator, student, outsider };
}

interface Call {
  /** Values for the route's :params; `slug` defaults to the demo coalition. */
  params?: Record<string, string>;
  query?: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface Row {
  expect: Expected;
  call?: (who: Subject) => Call | Promise<Call>;
  /**
   * The request ends the caller's session (sign-in rotates it, sign-out destroys it): it is sent
   * with a second, throwaway session of the same user so the subject's main session lives on.
   */
  throwawaySession?: boolean;
}

let t: TestApp;
let registered: RegisteredRoute[] = [];
const sessions: Partial<Record<Subject, Session>> = {};
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

const seeded = { organizationId: '', personId: '', coalitionName: '', coordinatorImportId: '' };
const signInTarget = { email: 'matrix-sign-in@example.org', password: TEST_PASSWORD, userId: '' };

// Throwaway records, created by the Coordinator through the API.
async function asCoordinator(method: InjectOptions['method'], url: string, payload?: unknown) {
  const res = await t.request({ method, url: `/api/v1${url}`, as: sessions.coordinator, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const newOrganization = async () => (await asCoordinator('POST', '/coalitions/la-tech/organizations', { name: unique('Throwaway Org'), type: 'nonprofit' })).id as string;
const importCsv = () => ({
  payload: `name,type,website\n${unique('Imported Org')},nonprofit,https://example.org\n`,
  headers: { 'content-type': 'text/csv' },
});
const newPerson = async () => (await asCoordinator('POST', '/coalitions/la-tech/people', { name: unique('Throwaway Person') })).id as string;
async function newInvitation(): Promise<{ id: string; token: string }> {
  const email = `${unique('invitee')}@example.org`;
  const invitation = await asCoordinator('POST', '/coalitions/la-tech/invitations', { email, roles: ['member'] });
  // The link is only ever e-mailed; in outbox mode the Coordinator's outbox holds it.
  const outbox = await asCoordinator('GET', '/coalitions/la-tech/outbox?limit=200');
  const message = outbox.items.find((m: { toAddress: string }) => m.toAddress === email);
  const token = /token=([A-Za-z0-9_-]+)/.exec(message?.textBody ?? '')?.[1];
  if (!token) throw new Error(`no invitation link mailed to ${email}`);
  return { id: invitation.id, token };
}
async function newApiToken(who: Subject): Promise<string> {
  const owner = sessions[who] ?? sessions.coordinator;
  const res = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: owner, payload: { name: unique('matrix token') } });
  if (res.statusCode !== 201) throw new Error(`fixture token: ${res.statusCode} ${res.body}`);
  return res.json().id;
}
async function newPasswordResetToken(): Promise<string> {
  const { secret, hash } = newSecret();
  await t.database.db.insert(passwordResets).values({ tokenHash: hash, userId: signInTarget.userId, expiresAt: new Date(Date.now() + 60 * 60 * 1000) });
  return secret;
}


// ---- Initiatives room (issue 6): throwaway initiatives, plans, sessions, pledges and risks. ----
const INI = '/coalitions/la-tech';
const lazy = <T>(make: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
};
const newInitiative = async () => (await asCoordinator('POST', `${INI}/initiatives`, { title: unique('Matrix Initiative'), category: 'internships' })).id as string;
const readInitiative = lazy(newInitiative);
const newTask = async () => {
  const id = await newInitiative();
  return { id, taskId: (await asCoordinator('POST', `${INI}/initiatives/${id}/tasks`, { name: unique('Matrix Task'), startsOn: '2031-01-06', durationDays: 3 })).id as string };
};
const readTask = lazy(newTask);
const newStakeholder = async () => {
  const id = await newInitiative();
  return { id, stakeholderId: (await asCoordinator('POST', `${INI}/initiatives/${id}/stakeholders`, { personId: seeded.personId, raci: 'consulted' })).id as string };
};
const newRequirement = async () => {
  const id = await newInitiative();
  return { id, requirementId: (await asCoordinator('POST', `${INI}/initiatives/${id}/requirements`, { kind: 'funding', description: 'Matrix funding', amountCents: 100_000 })).id as string };
};
const newCost = async () => {
  const id = await newInitiative();
  return { id, costId: (await asCoordinator('POST', `${INI}/initiatives/${id}/costs`, { category: 'workshop', description: 'Matrix workshop', budgetCents: 50_000 })).id as string };
};
const newPledge = async () => (await asCoordinator('POST', `${INI}/pledges`, { organizationId: seeded.organizationId, kind: 'cash', amountCents: 10_000, pledgedOn: '2031-01-06' })).id as string;
const readPledge = lazy(newPledge);
const newRisk = async () => (await asCoordinator('POST', `${INI}/risks`, { initiativeId: await readInitiative(), title: unique('Matrix Risk'), likelihood: 2, impact: 3, impactOn: ['cost'] })).id as string;
const readRisk = lazy(newRisk);
const newSession = async () => (await asCoordinator('POST', `${INI}/strategy-sessions`, { title: unique('Matrix Session'), heldOn: '2031-01-06' })).id as string;
/** An open session with one proposed initiative: ballots may be cast on it, its ranking adopted. */
const newVotingSession = async () => {
  const id = await newSession();
  const proposal = (await asCoordinator('POST', `${INI}/initiatives`, { title: unique('Matrix Proposal'), category: 'internships', strategySessionId: id })).id as string;
  return { id, proposal };
};
const votingSession = lazy(newVotingSession);
const readSession = lazy(newSession);
const newPriority = async () => {
  const id = await readSession();
  return { id, priorityId: (await asCoordinator('POST', `${INI}/strategy-sessions/${id}/priorities`, { kind: 'candidate_profile', title: unique('Matrix Priority') })).id as string };
};
const readPriority = lazy(newPriority);
const taskBody = () => ({ name: unique('Matrix Task'), startsOn: '2031-01-06', durationDays: 2 });

// ---- Meetings room (issue 7): throwaway meetings (the Coordinator organizes, so only they are invited). ----
const MT = '/coalitions/la-tech/meetings';
const newMeeting = async (extra: Record<string, unknown> = {}) => (await asCoordinator('POST', MT, { title: unique('Matrix Meeting'), kind: 'working_session', startsAt: '2031-09-01T17:00:00Z', durationMinutes: 60, ...extra })).id as string;
const readMeeting = lazy(() => newMeeting());
const minutedMeeting = async () => {
  const id = await newMeeting();
  await asCoordinator('PATCH', `${MT}/${id}`, { minutes: 'Matrix minutes' });
  return id;
};
const newActionItem = async () => {
  const id = await readMeeting();
  return { id, itemId: (await asCoordinator('POST', `${MT}/${id}/action-items`, { title: unique('Matrix Action'), ownerId: seeded.personId, dueOn: '2031-09-15' })).id as string };
};
const newAgendaItem = async () => {
  const id = await readMeeting();
  return { id, itemId: (await asCoordinator('POST', `${MT}/${id}/agenda-items`, { title: unique('Matrix Topic') })).id as string };
};
const newFeedToken = async () => {
  const url = (await asCoordinator('POST', '/coalitions/la-tech/calendar-feed')).url as string;
  return url.slice(url.lastIndexOf('/') + 1);
};

// ---- Communications (issue 7): announcements, digest runs, one's own preferences, the unsubscribe link. ----
const CM = '/coalitions/la-tech/announcements';
const newDraft = async () => (await asCoordinator('POST', CM, { subject: unique('Matrix Announcement'), body: 'Matrix body', audience: { roles: ['coordinator'] } })).id as string;
const sentToEveryone = lazy(async () => {
  const id = (await asCoordinator('POST', CM, { subject: unique('Matrix Announcement'), body: 'To every member', audience: { roles: [...roles] }, send: true })).id as string;
  await t.runJobs();
  return id;
});
let digestWeeks = 0;
const nextDigestWeek = () => new Date(Date.UTC(2033, 0, 3 + 7 * digestWeeks++)).toISOString().slice(0, 10);
const readDigestRun = lazy(async () => (await asCoordinator('POST', '/coalitions/la-tech/digests', { weekOf: nextDigestWeek() })).id as string);
const newUnsubscribeToken = async () => {
  const personId = await newPerson();
  const [row] = await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.slug, 'la-tech'));
  return (await unsubscribeSigner(t.database.db, row!.id))(personId);
};


// ---- Information exchange (issue 4): throwaway needs, programs, courses, proposals, contacts. ----
const IX = '/coalitions/la-tech';
const ixOnce = <T>(make: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
};
const ixOrganization = (q: string) => ixOnce(async () => (await asCoordinator('GET', `${IX}/organizations?q=${encodeURIComponent(q)}`)).items[0].id as string);
const ixSnap = ixOrganization('Snap');
const ixPierce = ixOrganization('Pierce');
const needBody = async () => ({ employerId: await ixSnap(), soc: '15-1252', title: unique('Matrix Need'), positions: 2, skills: ['Python'], degreeRequired: false });
const newNeed = async () => (await asCoordinator('POST', `${IX}/hiring-needs`, await needBody())).id as string;
const readNeed = ixOnce(newNeed);
const programBody = async () => ({ institutionId: await ixPierce(), title: unique('Matrix Program'), awardLevel: 'certificate', cip: '11.0201' });
const newProgram = async () => (await asCoordinator('POST', `${IX}/programs`, await programBody())).id as string;
const readProgram = ixOnce(newProgram);
const newCourse = async () => (await asCoordinator('POST', `${IX}/programs/${await readProgram()}/courses`, { title: unique('Matrix Course'), annualEnrollment: 10, skills: ['Python'] })).id as string;
const readCourse = ixOnce(newCourse);
const proposalBody = async () => ({ title: unique('Matrix Proposal'), summary: 'A change the matrix proposes', skillsAdded: ['Python'], targetTerm: 'Fall 2031', courseId: await readCourse() });
const newProposal = async () => (await asCoordinator('POST', `${IX}/curriculum-proposals`, await proposalBody())).id as string;
const readProposal = ixOnce(newProposal);
const newPierceContact = async () => (await asCoordinator('POST', `${IX}/people`, { name: unique('Matrix Contact'), organizationId: await ixPierce() })).id as string;
const contactBody = async () => ({ organizationId: await ixPierce(), topic: 'career_placement', personId: await newPierceContact() });
const newContact = async () => (await asCoordinator('POST', `${IX}/points-of-contact`, await contactBody())).id as string;
/** A notification addressed to the caller (the Coordinator's for callers who are not la-tech members). */
async function notificationFor(who: Subject): Promise<string> {
  const owner = who === 'anonymous' || who === 'outsider' ? 'coordinator' : who;
  const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: sessions[owner] })).json();
  const membership = me.coalitions.find((c: { slug: string }) => c.slug === 'la-tech');
  await notify(t.database.db, membership.coalitionId, [membership.personId], { kind: 'matrix.test', payload: {} });
  const [row] = await t.database.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.personId, membership.personId)).orderBy(desc(notifications.createdAt)).limit(1);
  return row!.id;
}

// ---- Pipeline (issue 5): throwaway opportunities, students, applications and engagement requests. ----
const PL = '/coalitions/la-tech';
const plOnce = <T>(make: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
};
const plOrganization = (q: string) => plOnce(async () => (await asCoordinator('GET', `${PL}/organizations?q=${encodeURIComponent(q)}`)).items[0].id as string);
const plSnap = plOrganization('Snap');
const plPierce = plOrganization('Pierce');
const plLausd = plOrganization('Los Angeles Unified');
const plStudent = (q: string) => plOnce(async () => (await asCoordinator('GET', `${PL}/students?q=${encodeURIComponent(q)}`)).items[0].id as string);
const plLuis = plStudent('demo-student-luis');
const plKevin = plStudent('demo-student-kevin');
const plOpportunity = (q: string) => plOnce(async () => (await asCoordinator('GET', `${PL}/opportunities?q=${encodeURIComponent(q)}`)).items[0].id as string);
const plSnapIntern = plOpportunity('demo-opportunity-snap-intern');
const plKevinApplication = plOnce(async () => (await asCoordinator('GET', `${PL}/applications?studentId=${await plKevin()}&opportunityId=${await plSnapIntern()}`)).items[0].id as string);
const plJobPanel = plOnce(async () => (await asCoordinator('GET', `${PL}/engagements/requests?q=${encodeURIComponent('job panel for CS')}`)).items[0].id as string);
/** An open Snap internship for anyone (no audience or age limit). */
const plNewOpportunity = async () => (await asCoordinator('POST', `${PL}/opportunities`, { employerId: await plSnap(), kind: 'internship', title: unique('Matrix Internship'), skills: ['Python'] })).id as string;
/** An adult Pierce student without ties to any employer (or a minor at LAUSD). */
const plNewStudent = async (minor = false) =>
  (await asCoordinator('POST', `${PL}/students`, { firstName: 'Matrix', lastName: unique('Student'), institutionId: minor ? await plLausd() : await plPierce(), dateOfBirth: minor ? `${new Date().getUTCFullYear() - 12}-01-01` : '2000-01-01' })).id as string;
const plNewApplication = async (status?: 'placed') => {
  const { id } = await asCoordinator('POST', `${PL}/applications`, { studentId: await plNewStudent(), opportunityId: await plNewOpportunity() });
  if (status === 'placed') for (const next of ['offered', 'placed']) await asCoordinator('PATCH', `${PL}/applications/${id}`, { status: next });
  return id as string;
};
const plConsent = { guardianName: 'Matrix Guardian', relationship: 'mother', method: 'signed form', givenOn: '2020-01-01' };
const plShareWithSnap = async () => {
  const res = await t.request({ method: 'POST', url: `/api/v1${PL}/students/${await plLuis()}/shares`, as: sessions.student, payload: { employerId: await plSnap() } });
  if (res.statusCode !== 200) throw new Error(`fixture share: ${res.statusCode} ${res.body}`);
};
const plNewPortfolioItem = async () => (await asCoordinator('POST', `${PL}/students/${await plLuis()}/portfolio`, { title: unique('Matrix Project') })).id as string;
/** A day no other matrix request holds (requests for one employer and day are unique). */
const plDay = () => {
  const n = ++counter;
  return `${new Date().getUTCFullYear() + 1}-${String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
};
const plNewRequest = async (employer = false) =>
  (await asCoordinator('POST', `${PL}/engagements/requests`, { kind: 'internship', title: unique('Matrix Request'), schoolId: await plPierce(), requestedOn: plDay(), ...(employer ? { employerId: await plSnap() } : {}) })).id as string;

// Coalition building (issue 11): throwaway prospects, contacts and seat holders.
const CB = '/coalitions/la-tech';
const cbNewProspect = async () => (await asCoordinator('POST', `${CB}/prospects`, { name: unique('Matrix Prospect'), type: 'employer' })).id as string;
let cbProspectId: string | undefined;
const cbProspect = async () => (cbProspectId ??= await cbNewProspect());
const cbNewContact = async () => {
  const prospectId = await cbProspect();
  const contact = await asCoordinator('POST', `${CB}/prospects/${prospectId}/contacts`, { name: unique('Matrix Contact') });
  return { id: prospectId, contactId: contact.id as string };
};
let cbPriyaId: string | undefined;
const cbPriya = async () => (cbPriyaId ??= (await asCoordinator('GET', `${CB}/people?q=Priya`)).items[0].id as string);
const cbHeldSeat = async () => {
  await asCoordinator('POST', `${CB}/coverage/seats/chief_human_capital_officer/holders`, { personId: await cbPriya() });
  return { seat: 'chief_human_capital_officer', personId: await cbPriya() };
};

const cbOrg = async (q: string) => (await asCoordinator('GET', `${CB}/organizations?q=${encodeURIComponent(q)}`)).items[0].id as string;
const cbNewCommitment = async (organization = 'Snap') => (await asCoordinator('POST', `${CB}/commitments`, { organizationId: await cbOrg(organization), title: unique('Matrix Commitment') })).id as string;
let cbSnapCommitmentId: string | undefined;
const cbSnapCommitment = async () => (cbSnapCommitmentId ??= await cbNewCommitment());

// ---- Recognition (issue 8): rounds in far years, throwaway employers and their nominations. ----
const REC = '/coalitions/la-tech/recognition';
const recYear = () => 2040 + (++counter % 60);
const recNewRound = async () => (await asCoordinator('POST', `${REC}/rounds`, { year: recYear() })).id as string;
let recRound: Promise<string> | undefined;
const recOpenRound = () => (recRound ??= recNewRound());
const recNewEmployer = async () => (await asCoordinator('POST', '/coalitions/la-tech/organizations', { name: unique('Matrix Employer'), type: 'employer' })).id as string;
const recNewNomination = async () => {
  const organizationId = await recNewEmployer();
  const round = await asCoordinator('POST', `${REC}/rounds/${await recOpenRound()}/nominations`, { organizationId });
  return round.nominations.find((n: { organizationId: string }) => n.organizationId === organizationId).id as string;
};
let recAwardId: Promise<string> | undefined;
const recAward = () => (recAwardId ??= asCoordinator('GET', `${REC}/awards`).then((r) => r.items[0].id as string));

/** A multipart upload to the shared library. */
const cbForm = (fields: Record<string, string>, name = 'matrix.txt') => {
  const boundary = '----tbmatrix';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const body = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\nmatrix\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
const cbNewDocument = async (visibility = 'coalition') => {
  const res = await t.request({ method: 'POST', url: `/api/v1${CB}/documents`, as: sessions.coordinator, ...cbForm({ title: unique('Matrix Document'), visibility }) });
  if (res.statusCode !== 201) throw new Error(`fixture document: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
};
let cbDocumentId: string | undefined;
const cbDocument = async () => (cbDocumentId ??= await cbNewDocument());

const V1 = '/api/v1';
const LA = `${V1}/coalitions/:slug`;

//                                   anon coord council employer educator student outsider
const matrix: Record<string, Row> = {
  // Platform: public.
  'GET /api/health': { expect: s(200, 200, 200, 200, 200, 200, 200) },
  'GET /api/openapi.json': { expect: s(200, 200, 200, 200, 200, 200, 200) },
  'GET /api/docs': { expect: s(200, 200, 200, 200, 200, 200, 200) },

  // Accounts.
  [`GET ${V1}/auth/config`]: { expect: s(200, 200, 200, 200, 200, 200, 200) },
  [`POST ${V1}/auth/sign-up`]: {
    expect: s(201, 201, 201, 201, 201, 201, 201),
    call: () => ({ payload: { name: 'Matrix Sign-up', email: `${unique('signup')}@example.org`, password: TEST_PASSWORD } }),
  },
  [`POST ${V1}/auth/sign-in`]: {
    expect: s(200, 200, 200, 200, 200, 200, 200),
    call: () => ({ payload: { email: signInTarget.email, password: signInTarget.password } }),
    throwawaySession: true,
  },
  [`POST ${V1}/auth/sign-out`]: { expect: s(204, 204, 204, 204, 204, 204, 204), throwawaySession: true },
  [`GET ${V1}/auth/me`]: { expect: s(401, 200, 200, 200, 200, 200, 200) },
  [`POST ${V1}/auth/password-reset`]: {
    expect: s(202, 202, 202, 202, 202, 202, 202),
    call: () => ({ payload: { email: `${unique('nobody')}@example.org` } }),
  },
  [`POST ${V1}/auth/password-reset/complete`]: {
    expect: s(200, 200, 200, 200, 200, 200, 200),
    call: async () => ({ payload: { token: await newPasswordResetToken(), password: TEST_PASSWORD } }),
  },
  [`GET ${V1}/auth/tokens`]: { expect: s(401, 200, 200, 200, 200, 200, 200) },
  [`POST ${V1}/auth/tokens`]: { expect: s(401, 201, 201, 201, 201, 201, 201), call: () => ({ payload: { name: unique('token') } }) },
  // Each caller revokes a token of their own (anonymous: the Coordinator's).
  // Issue 10: wrong current password (422) shows the route is reached without changing the account.
  [`POST ${V1}/auth/password`]: { expect: s(401, 422, 422, 422, 422, 422, 422), call: () => ({ payload: { currentPassword: 'not-the-password', newPassword: 'matrix-new-passphrase' } }) },
  [`POST ${V1}/auth/sign-out-others`]: { expect: s(401, 200, 200, 200, 200, 200, 200) },
  [`POST ${V1}/auth/email`]: { expect: s(401, 422, 422, 422, 422, 422, 422), call: () => ({ payload: { currentPassword: 'not-the-password', newEmail: `${unique('matrix-email')}@example.org` } }) },
  [`POST ${V1}/auth/email/confirm`]: { expect: s(422, 422, 422, 422, 422, 422, 422), call: () => ({ payload: { token: 'x'.repeat(43) } }) },
  [`DELETE ${V1}/auth/tokens/:id`]: { expect: s(401, 204, 204, 204, 204, 204, 204), call: async (who) => ({ params: { id: await newApiToken(who) } }) },

  // Coalitions and invitations.
  [`GET ${V1}/coalitions`]: { expect: s(401, 200, 200, 200, 200, 200, 200) },
  [`POST ${V1}/coalitions`]: {
    expect: s(401, 201, 201, 201, 201, 201, 201),
    call: () => ({ payload: { slug: unique('matrix'), name: 'Matrix Coalition', region: 'Testland' } }),
  },
  [`GET ${LA}`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`PATCH ${LA}`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: () => ({ payload: { name: seeded.coalitionName } }) },
  [`GET ${LA}/invitations`]: { expect: s(401, 200, 403, 403, 403, 403, 404) },
  [`POST ${LA}/invitations`]: {
    expect: s(401, 201, 403, 403, 403, 403, 404),
    call: () => ({ payload: { email: `${unique('invitee')}@example.org`, roles: ['member'] } }),
  },
  [`DELETE ${LA}/invitations/:id`]: { expect: s(401, 204, 403, 403, 403, 403, 404), call: async () => ({ params: { id: (await newInvitation()).id } }) },
  // The token in the link is the credential: anyone holding it may look.
  [`GET ${V1}/invitations/:token`]: { expect: s(200, 200, 200, 200, 200, 200, 200), call: async () => ({ params: { token: (await newInvitation()).token } }) },
  // A fresh invitation for a new address: a visitor accepts it and gets an account; someone
  // signed in with another e-mail is refused (403), and the invitation stays usable.
  [`POST ${V1}/invitations/accept`]: {
    expect: s(200, 403, 403, 403, 403, 403, 403),
    call: async () => ({ payload: { token: (await newInvitation()).token, name: 'Invited Person', password: TEST_PASSWORD } }),
  },

  // Organizations: every member reads; the Coordinator and the Leadership Council write; only the
  // Coordinator deletes. (A point of contact editing their own organization: see below.)
  [`GET ${LA}/organizations`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`POST ${LA}/organizations`]: {
    expect: s(401, 201, 201, 403, 403, 403, 404),
    call: () => ({ payload: { name: unique('Matrix Org'), type: 'employer', website: 'https://example.org' } }),
  },
  [`GET ${LA}/organizations/:id`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ params: { id: seeded.organizationId } }) },
  [`PATCH ${LA}/organizations/:id`]: {
    expect: s(401, 200, 200, 403, 403, 403, 404),
    call: async () => ({ params: { id: await newOrganization() }, payload: { description: 'Edited by the access matrix' } }),
  },
  [`DELETE ${LA}/organizations/:id`]: { expect: s(401, 204, 403, 403, 403, 403, 404), call: async () => ({ params: { id: await newOrganization() } }) },

  // People: contact details are for staff of member organizations, not for students browsing (a
  // student may read their own record: see below); the Coordinator and the Council write.
  [`GET ${LA}/people`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`POST ${LA}/people`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: () => ({ payload: { name: unique('Matrix Person'), title: 'Tester' } }) },
  [`GET ${LA}/people/:id`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: () => ({ params: { id: seeded.personId } }) },
  [`PATCH ${LA}/people/:id`]: {
    expect: s(401, 200, 200, 403, 403, 403, 404),
    call: async () => ({ params: { id: await newPerson() }, payload: { title: 'Edited by the access matrix' } }),
  },
  [`DELETE ${LA}/people/:id`]: { expect: s(401, 204, 403, 403, 403, 403, 404), call: async () => ({ params: { id: await newPerson() } }) },

  // Labor market: every member reads (the paper's data is the coalition's common ground).
  [`GET ${LA}/labor-market/regions`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/labor-market/occupations`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ query: 'region=los-angeles' }) },
  [`GET ${LA}/labor-market/occupations.csv`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ query: 'region=los-angeles' }) },
  [`GET ${LA}/labor-market/occupations/:soc`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ params: { soc: '15-1252' } }) },
  [`GET ${LA}/labor-market/hubs`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/labor-market/hubs.csv`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/labor-market/facts`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/labor-market/rankings`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/labor-market/datasets`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },

  // Imports: whoever may create a kind's records may import them; everyone sees their own imports
  // (the Coordinator sees all). The rows below read an import the Coordinator started.
  [`POST ${LA}/imports/:kind`]: { expect: s(401, 202, 202, 403, 403, 403, 404), call: () => ({ params: { kind: 'organizations' }, ...importCsv() }) },
  [`GET ${LA}/imports`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/imports/:id`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: () => ({ params: { id: seeded.coordinatorImportId } }) },
  [`GET ${LA}/imports/:id/errors.csv`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: () => ({ params: { id: seeded.coordinatorImportId } }) },

  // Coordinator-only views.
  [`GET ${LA}/audit-log`]: { expect: s(401, 200, 403, 403, 403, 403, 404) },
  [`GET ${LA}/outbox`]: { expect: s(401, 200, 403, 403, 403, 403, 404) },

  // Initiatives, action plans and the master plan (issue 6): internal planning. Staff of member
  // organizations read; students read nothing of it (403). The Coordinator and the Leadership
  // Council manage everything (an initiative leader manages the initiatives they own: see
  // initiatives.test.ts); only they delete initiatives and record pledges.
  [`GET ${LA}/initiatives`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`POST ${LA}/initiatives`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: () => ({ payload: { title: unique('Matrix Initiative'), category: 'soft_skill_development' } }) },
  [`GET ${LA}/initiatives/:id`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readInitiative() } }) },
  [`PATCH ${LA}/initiatives/:id`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: { id: await newInitiative() }, payload: { status: 'planned' } }) },
  [`DELETE ${LA}/initiatives/:id`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: { id: await newInitiative() } }) },
  [`POST ${LA}/initiatives/:id/stakeholders`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ params: { id: await newInitiative() }, payload: { personId: seeded.personId, raci: 'responsible' } }) },
  [`PATCH ${LA}/initiatives/:id/stakeholders/:stakeholderId`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: await newStakeholder(), payload: { pointOfContact: true } }) },
  [`DELETE ${LA}/initiatives/:id/stakeholders/:stakeholderId`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: await newStakeholder() }) },
  [`GET ${LA}/initiatives/:id/tasks`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readInitiative() } }) },
  [`POST ${LA}/initiatives/:id/tasks`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ params: { id: await readInitiative() }, payload: taskBody() }) },
  [`GET ${LA}/initiatives/:id/tasks/:taskId`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: await readTask() }) },
  [`PATCH ${LA}/initiatives/:id/tasks/:taskId`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: await newTask(), payload: { progress: 50 } }) },
  [`DELETE ${LA}/initiatives/:id/tasks/:taskId`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: await newTask() }) },
  [`POST ${LA}/initiatives/:id/baseline`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: await newTask() }) },
  [`GET ${LA}/master-plan`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`GET ${LA}/initiatives/:id/finances`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readInitiative() } }) },
  [`POST ${LA}/initiatives/:id/requirements`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ params: { id: await readInitiative() }, payload: { kind: 'staffing', description: 'Matrix mentors', quantity: 2 } }) },
  [`PATCH ${LA}/initiatives/:id/requirements/:requirementId`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: await newRequirement(), payload: { amountCents: 200_000 } }) },
  [`DELETE ${LA}/initiatives/:id/requirements/:requirementId`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: await newRequirement() }) },
  [`POST ${LA}/initiatives/:id/costs`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ params: { id: await readInitiative() }, payload: { category: 'boot_camp', description: 'Matrix boot camp', budgetCents: 100_000 } }) },
  [`PATCH ${LA}/initiatives/:id/costs/:costId`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: await newCost(), payload: { actualCents: 40_000 } }) },
  [`DELETE ${LA}/initiatives/:id/costs/:costId`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: await newCost() }) },
  [`GET ${LA}/pledges`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`POST ${LA}/pledges`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: () => ({ payload: { organizationId: seeded.organizationId, kind: 'in_kind', amountCents: 5_000, pledgedOn: '2031-01-06' } }) },
  [`GET ${LA}/pledges/:id`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readPledge() } }) },
  [`PATCH ${LA}/pledges/:id`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: { id: await newPledge() }, payload: { status: 'received' } }) },
  [`DELETE ${LA}/pledges/:id`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: { id: await newPledge() } }) },
  [`GET ${LA}/funding`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`GET ${LA}/risks`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`POST ${LA}/risks`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ payload: { initiativeId: await readInitiative(), title: unique('Matrix Risk'), likelihood: 3, impact: 3, impactOn: ['timeline'] } }) },
  [`GET ${LA}/risks/heat-map`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`GET ${LA}/risks/:id`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readRisk() } }) },
  [`PATCH ${LA}/risks/:id`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: { id: await newRisk() }, payload: { status: 'mitigating' } }) },
  [`DELETE ${LA}/risks/:id`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: { id: await newRisk() } }) },
  [`GET ${LA}/status-report`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`GET ${LA}/status-report.csv`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`GET ${LA}/status-report.pdf`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`GET ${LA}/initiatives/:id/status-report`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readInitiative() } }) },
  [`GET ${LA}/initiatives/:id/status-report.csv`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readInitiative() } }) },
  [`GET ${LA}/initiatives/:id/status-report.pdf`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readInitiative() } }) },
  // Strategy sessions: staff record their organization's priorities and rank the proposals; the
  // Coordinator and the Council run the session and adopt its ranking.
  [`GET ${LA}/strategy-sessions`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`POST ${LA}/strategy-sessions`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: () => ({ payload: { title: unique('Matrix Session'), heldOn: '2031-02-03' } }) },
  [`GET ${LA}/strategy-sessions/:id`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readSession() } }) },
  [`PATCH ${LA}/strategy-sessions/:id`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: { id: await newSession() }, payload: { notes: 'Edited by the access matrix' } }) },
  [`DELETE ${LA}/strategy-sessions/:id`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: { id: await newSession() } }) },
  [`GET ${LA}/strategy-sessions/:id/priorities`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: await readSession() } }) },
  [`POST ${LA}/strategy-sessions/:id/priorities`]: { expect: s(401, 201, 201, 201, 201, 403, 404), call: async () => ({ params: { id: await readSession() }, payload: { kind: 'preparation_need', title: unique('Matrix Need') } }) },
  [`PATCH ${LA}/strategy-sessions/:id/priorities/:priorityId`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: await readPriority(), payload: { details: unique('Edited') } }) },
  [`DELETE ${LA}/strategy-sessions/:id/priorities/:priorityId`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: await newPriority() }) },
  [`GET ${LA}/strategy-sessions/:id/ballot`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: (await votingSession()).id } }) },
  [`PUT ${LA}/strategy-sessions/:id/ballot`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => { const v = await votingSession(); return { params: { id: v.id }, payload: { initiativeIds: [v.proposal] } }; } },
  [`GET ${LA}/strategy-sessions/:id/results`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: async () => ({ params: { id: (await votingSession()).id } }) },
  [`POST ${LA}/strategy-sessions/:id/adopt`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: { id: (await newVotingSession()).id } }) },

  // Meetings (issue 7): staff see every meeting, a student only those they are invited to (404
  // otherwise); the Coordinator, the Council and facilitators (the demo educator is one) run them;
  // invitees RSVP and propose; turning an action item into a task also needs the initiatives' rule.
  [`GET ${LA}/meetings`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`POST ${LA}/meetings`]: { expect: s(401, 201, 201, 403, 201, 403, 404), call: () => ({ payload: { title: unique('Matrix Meeting'), kind: 'focus_group', startsAt: '2031-09-02T17:00:00Z', durationMinutes: 45 } }) },
  [`GET ${LA}/meetings/:id`]: { expect: s(401, 200, 200, 200, 200, 404, 404), call: async () => ({ params: { id: await readMeeting() } }) },
  [`PATCH ${LA}/meetings/:id`]: { expect: s(401, 200, 200, 403, 200, 404, 404), call: async () => ({ params: { id: await newMeeting() }, payload: { minutes: 'Matrix minutes' } }) },
  [`DELETE ${LA}/meetings/:id`]: { expect: s(401, 204, 204, 403, 204, 404, 404), call: async () => ({ params: { id: await newMeeting() } }) },
  [`GET ${LA}/meetings/:id/invitees`]: { expect: s(401, 200, 200, 200, 200, 404, 404), call: async () => ({ params: { id: await readMeeting() } }) },
  [`PUT ${LA}/meetings/:id/rsvp`]: { expect: s(401, 200, 403, 403, 403, 404, 404), call: async () => ({ params: { id: await readMeeting() }, payload: { rsvp: 'yes' } }) },
  [`POST ${LA}/meetings/:id/attendance`]: { expect: s(401, 200, 200, 403, 200, 404, 404), call: async () => ({ params: { id: await readMeeting() }, payload: { personId: seeded.personId } }) },
  [`GET ${LA}/meetings/:id/agenda`]: { expect: s(401, 200, 200, 200, 200, 404, 404), call: async () => ({ params: { id: await readMeeting() } }) },
  [`GET ${LA}/meetings/:id/agenda.pdf`]: { expect: s(401, 200, 200, 200, 200, 404, 404), call: async () => ({ params: { id: await readMeeting() } }) },
  [`POST ${LA}/meetings/:id/agenda-items`]: { expect: s(401, 201, 201, 201, 201, 404, 404), call: async () => ({ params: { id: await readMeeting() }, payload: { title: unique('Matrix Topic') } }) },
  [`PATCH ${LA}/meetings/:id/agenda-items/:itemId`]: { expect: s(401, 200, 200, 403, 200, 404, 404), call: async () => ({ params: await newAgendaItem(), payload: { status: 'accepted' } }) },
  [`POST ${LA}/meetings/:id/follow-up`]: { expect: s(401, 202, 202, 403, 202, 404, 404), call: async () => ({ params: { id: await minutedMeeting() } }) },
  [`GET ${LA}/meetings/:id/action-items`]: { expect: s(401, 200, 200, 200, 200, 404, 404), call: async () => ({ params: { id: await readMeeting() } }) },
  [`POST ${LA}/meetings/:id/action-items`]: { expect: s(401, 201, 201, 403, 201, 404, 404), call: async () => ({ params: { id: await readMeeting() }, payload: { title: unique('Matrix Action'), ownerId: seeded.personId, dueOn: '2031-09-20' } }) },
  [`PATCH ${LA}/meetings/:id/action-items/:itemId`]: { expect: s(401, 200, 200, 403, 200, 404, 404), call: async () => ({ params: await newActionItem(), payload: { status: 'done' } }) },
  [`DELETE ${LA}/meetings/:id/action-items/:itemId`]: { expect: s(401, 204, 204, 403, 204, 404, 404), call: async () => ({ params: await newActionItem() }) },
  [`POST ${LA}/meetings/:id/action-items/:itemId/task`]: { expect: s(401, 200, 200, 403, 403, 404, 404), call: async () => ({ params: await newActionItem(), payload: { initiativeId: await readInitiative() } }) },
  [`GET ${LA}/my/action-items`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/meetings/:id/calendar.ics`]: { expect: s(401, 200, 200, 200, 200, 404, 404), call: async () => ({ params: { id: await readMeeting() } }) },
  [`POST ${LA}/calendar-feed`]: { expect: s(401, 201, 201, 201, 201, 201, 404) },
  [`DELETE ${LA}/calendar-feed`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  // The subscription URL is its own key (calendar apps cannot sign in): anyone holding it reads it.
  [`GET /api/v1/calendar-feeds/:token`]: { expect: s(200, 200, 200, 200, 200, 200, 200), call: async () => ({ params: { token: `${await newFeedToken()}` } }) },

  // Communications (issue 7): the Coordinator previews, writes, sends announcements and runs digests;
  // a member reads the announcements they received (drafts do not exist for them); everyone manages
  // their own preferences; the unsubscribe link's signed token is its own credential (no sign-in).
  [`POST ${LA}/announcements/preview`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: () => ({ payload: { audience: { roles: ['coordinator'] } } }) },
  [`GET ${LA}/announcements`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`POST ${LA}/announcements`]: { expect: s(401, 201, 403, 403, 403, 403, 404), call: () => ({ payload: { subject: unique('Matrix Announcement'), body: 'Matrix body', audience: { roles: ['coordinator'] } } }) },
  [`GET ${LA}/announcements/:id`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await sentToEveryone() } }) },
  [`PATCH ${LA}/announcements/:id`]: { expect: s(401, 200, 404, 404, 404, 404, 404), call: async () => ({ params: { id: await newDraft() }, payload: { body: 'Edited' } }) },
  [`DELETE ${LA}/announcements/:id`]: { expect: s(401, 204, 404, 404, 404, 404, 404), call: async () => ({ params: { id: await newDraft() } }) },
  [`POST ${LA}/announcements/:id/send`]: { expect: s(401, 200, 404, 404, 404, 404, 404), call: async () => ({ params: { id: await newDraft() } }) },
  [`GET ${LA}/announcements/:id/deliveries`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: async () => ({ params: { id: await sentToEveryone() } }) },
  [`GET ${LA}/digests`]: { expect: s(401, 200, 403, 403, 403, 403, 404) },
  [`POST ${LA}/digests`]: { expect: s(401, 201, 403, 403, 403, 403, 404), call: () => ({ payload: { weekOf: nextDigestWeek() } }) },
  [`GET ${LA}/digests/:id`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: async () => ({ params: { id: await readDigestRun() } }) },
  [`GET ${LA}/digests/schedule`]: { expect: s(401, 200, 403, 403, 403, 403, 404) },
  [`PUT ${LA}/digests/schedule`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: () => ({ payload: { weekday: 1, hour: 8, enabled: true } }) },
  [`GET ${LA}/communications/digest-preview`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/communications/preferences`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`PUT ${LA}/communications/preferences`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ payload: { digest: true } }) },
  [`GET /api/v1/unsubscribe/:token`]: { expect: s(200, 200, 200, 200, 200, 200, 200), call: async () => ({ params: { token: await newUnsubscribeToken() } }) },
  [`POST /api/v1/unsubscribe/:token`]: { expect: s(200, 200, 200, 200, 200, 200, 200), call: async () => ({ params: { token: await newUnsubscribeToken() } }) },


  // Information exchange (issue 4): every member reads needs, programs, the forum and the gap.
  // Employers manage their own organization's needs (the demo employer is at Snap); institution
  // staff their own institution's programs, courses and proposals (the demo educator is at Pierce);
  // the Coordinator all. Students post nothing; feedback is for staff, not students.
  [`GET ${LA}/skills`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ query: 'q=pyth' }) },
  [`GET ${LA}/hiring-needs`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ query: 'q=engineer' }) },
  [`GET ${LA}/hiring-needs.csv`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`POST ${LA}/hiring-needs`]: { expect: s(401, 201, 403, 201, 403, 403, 404), call: async () => ({ payload: await needBody() }) },
  [`GET ${LA}/hiring-needs/profiles/:employerId`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { employerId: await ixSnap() } }) },
  [`GET ${LA}/hiring-needs/:id`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await readNeed() } }) },
  [`PATCH ${LA}/hiring-needs/:id`]: { expect: s(401, 200, 403, 200, 403, 403, 404), call: async () => ({ params: { id: await newNeed() }, payload: { positions: 3 } }) },
  [`DELETE ${LA}/hiring-needs/:id`]: { expect: s(401, 204, 403, 204, 403, 403, 404), call: async () => ({ params: { id: await newNeed() } }) },
  [`GET ${LA}/programs`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ query: 'q=boot' }) },
  [`GET ${LA}/programs.csv`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`POST ${LA}/programs`]: { expect: s(401, 201, 403, 403, 201, 403, 404), call: async () => ({ payload: await programBody() }) },
  [`GET ${LA}/programs/:id`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await readProgram() } }) },
  [`PATCH ${LA}/programs/:id`]: { expect: s(401, 200, 403, 403, 200, 403, 404), call: async () => ({ params: { id: await newProgram() }, payload: { description: 'Edited by the access matrix' } }) },
  [`DELETE ${LA}/programs/:id`]: { expect: s(401, 204, 403, 403, 204, 403, 404), call: async () => ({ params: { id: await newProgram() } }) },
  [`POST ${LA}/programs/:id/courses`]: { expect: s(401, 201, 403, 403, 201, 403, 404), call: async () => ({ params: { id: await readProgram() }, payload: { title: unique('Matrix Course'), skills: ['Git'] } }) },
  [`GET ${LA}/courses`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ query: 'q=security' }) },
  [`GET ${LA}/courses/:id`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await readCourse() } }) },
  [`GET ${LA}/courses/:id/versions`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await readCourse() } }) },
  [`PATCH ${LA}/courses/:id`]: { expect: s(401, 200, 403, 403, 200, 403, 404), call: async () => ({ params: { id: await newCourse() }, payload: { annualEnrollment: 12 } }) },
  [`DELETE ${LA}/courses/:id`]: { expect: s(401, 204, 403, 403, 204, 403, 404), call: async () => ({ params: { id: await newCourse() } }) },
  [`GET ${LA}/curriculum-proposals`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ query: 'q=cloud' }) },
  [`POST ${LA}/curriculum-proposals`]: { expect: s(401, 201, 403, 403, 201, 403, 404), call: async () => ({ payload: await proposalBody() }) },
  [`GET ${LA}/curriculum-proposals/:id`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await readProposal() } }) },
  [`PATCH ${LA}/curriculum-proposals/:id`]: { expect: s(401, 200, 403, 403, 200, 403, 404), call: async () => ({ params: { id: await newProposal() }, payload: { summary: 'Edited by the access matrix' } }) },
  [`DELETE ${LA}/curriculum-proposals/:id`]: { expect: s(401, 204, 403, 403, 204, 403, 404), call: async () => ({ params: { id: await newProposal() } }) },
  [`GET ${LA}/curriculum-proposals/:id/comments`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await readProposal() } }) },
  [`POST ${LA}/curriculum-proposals/:id/comments`]: { expect: s(401, 201, 201, 201, 201, 403, 404), call: async () => ({ params: { id: await readProposal() }, payload: { body: 'Matrix feedback', relevance: 4 } }) },
  [`POST ${LA}/curriculum-proposals/:id/follow`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await readProposal() } }) },
  [`DELETE ${LA}/curriculum-proposals/:id/follow`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await readProposal() } }) },
  [`GET ${LA}/alignment/skills`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/alignment/skills.csv`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/alignment/skills/:skillId`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ params: { skillId: 'tech:python' } }) },
  [`GET ${LA}/alignment/occupations`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/alignment/occupations.csv`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/alignment/occupations/:soc`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ params: { soc: '15-1252' } }) },
  [`GET ${LA}/alignment/institutions`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/alignment/institutions/:institutionId`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { institutionId: await ixPierce() } }) },
  [`GET ${LA}/alignment/heatmap`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  // Points of contact: the Coordinator, the Council and an organization's own point of contact name them.
  [`GET ${LA}/points-of-contact`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`POST ${LA}/points-of-contact`]: { expect: s(401, 201, 201, 403, 201, 403, 404), call: async () => ({ payload: await contactBody() }) },
  [`DELETE ${LA}/points-of-contact/:id`]: { expect: s(401, 204, 204, 403, 204, 403, 404), call: async () => ({ params: { id: await newContact() } }) },
  [`POST ${LA}/points-of-contact/requests`]: { expect: s(401, 201, 201, 201, 201, 201, 404), call: async () => ({ payload: { organizationId: await ixPierce(), topic: 'curriculum', subject: unique('Matrix request'), body: 'Who teaches cloud?' } }) },
  [`GET ${LA}/points-of-contact/requests`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  // Notifications: each member reads and marks their own (platform).
  [`GET ${LA}/notifications`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`POST ${LA}/notifications/:id/read`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async (who) => ({ params: { id: await notificationFor(who) } }) },
  [`POST ${LA}/notifications/read`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ payload: {} }) },
  // ---- Pipeline (issue 5). Students' records are education records: a record the caller may not
  // see is a 404 (the student, their institution's staff, the Coordinator, and employers they shared
  // with or applied to, minors only with a guardian's consent). Lists answer 200, filtered.
  [`GET ${LA}/opportunities`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  // The Coordinator, the Council, or the host's own staff (the payload names Snap, the employer's).
  [`POST ${LA}/opportunities`]: { expect: s(401, 201, 201, 201, 403, 403, 404), call: async () => ({ payload: { employerId: await plSnap(), kind: 'internship', title: unique('Matrix Opportunity'), skills: ['Python'] } }) },
  [`GET ${LA}/opportunities.csv`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/opportunities/:id`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: async () => ({ params: { id: await plSnapIntern() } }) },
  [`PATCH ${LA}/opportunities/:id`]: { expect: s(401, 200, 200, 200, 403, 403, 404), call: async () => ({ params: { id: await plNewOpportunity() }, payload: { seats: 4 } }) },
  [`DELETE ${LA}/opportunities/:id`]: { expect: s(401, 204, 403, 204, 403, 403, 404), call: async () => ({ params: { id: await plNewOpportunity() } }) },
  // Published postings are public (no personal data).
  [`GET ${V1}/public/coalitions/:slug/opportunities/:id/job-posting`]: { expect: s(200, 200, 200, 200, 200, 200, 200), call: async () => ({ params: { id: await plSnapIntern() } }) },
  // Candidates: the host, the Coordinator, and schools (for their own students); degree-blind.
  [`GET ${LA}/opportunities/:id/candidates`]: { expect: s(401, 200, 403, 200, 200, 403, 404), call: async () => ({ params: { id: await plSnapIntern() } }) },
  [`GET ${LA}/students`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  // A Pierce student: the Coordinator or Pierce's staff; a student may only create their own record, once (409: they have it).
  [`POST ${LA}/students`]: { expect: s(401, 201, 403, 403, 201, 409, 404), call: async () => ({ payload: { firstName: 'Matrix', lastName: unique('Created'), institutionId: await plPierce() } }) },
  [`GET ${LA}/students.csv`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  // Kevin (Pierce) applied to Snap: his school and Snap see him; the Council and another student do not.
  [`GET ${LA}/students/:id`]: { expect: s(401, 200, 404, 200, 200, 404, 404), call: async () => ({ params: { id: await plKevin() } }) },
  [`PATCH ${LA}/students/:id`]: { expect: s(401, 200, 404, 404, 200, 404, 404), call: async () => ({ params: { id: await plNewStudent() }, payload: { pathway: 'Networking' } }) },
  [`DELETE ${LA}/students/:id`]: { expect: s(401, 204, 404, 404, 204, 404, 404), call: async () => ({ params: { id: await plNewStudent() } }) },
  // The demo student's own record: matches, access log, export (the student only), portfolio.
  [`GET ${LA}/students/:id/matches`]: { expect: s(401, 200, 404, 404, 404, 200, 404), call: async () => ({ params: { id: await plLuis() } }) },
  [`GET ${LA}/students/:id/access-log`]: { expect: s(401, 200, 404, 404, 404, 200, 404), call: async () => ({ params: { id: await plLuis() } }) },
  [`GET ${LA}/students/:id/export`]: { expect: s(401, 403, 404, 404, 404, 200, 404), call: async () => ({ params: { id: await plLuis() } }) },
  [`POST ${LA}/students/:id/portfolio`]: { expect: s(401, 201, 404, 404, 404, 201, 404), call: async () => ({ params: { id: await plLuis() }, payload: { title: unique('Matrix Project') } }) },
  [`PATCH ${LA}/students/:id/portfolio/:itemId`]: { expect: s(401, 200, 404, 404, 404, 200, 404), call: async () => ({ params: { id: await plLuis(), itemId: await plNewPortfolioItem() }, payload: { url: 'https://example.org/matrix' } }) },
  [`DELETE ${LA}/students/:id/portfolio/:itemId`]: { expect: s(401, 204, 404, 404, 404, 204, 404), call: async () => ({ params: { id: await plLuis(), itemId: await plNewPortfolioItem() } }) },
  // Only the student shares; the student or the Coordinator unshares. Snap sees the student while shared (403 to unshare).
  [`POST ${LA}/students/:id/shares`]: { expect: s(401, 403, 404, 404, 404, 200, 404), call: async () => ({ params: { id: await plLuis() }, payload: { employerId: await plSnap() } }) },
  [`DELETE ${LA}/students/:id/shares/:employerId`]: {
    expect: s(401, 204, 404, 403, 404, 204, 404),
    call: async (who) => {
      if (who !== 'anonymous' && who !== 'outsider') await plShareWithSnap();
      return { params: { id: await plLuis(), employerId: await plSnap() } };
    },
  },
  // A minor's guardian consent: recorded and revoked by the school or the Coordinator (LAUSD's staff have no account here).
  [`POST ${LA}/students/:id/guardian-consent`]: { expect: s(401, 201, 404, 404, 404, 404, 404), call: async () => ({ params: { id: await plNewStudent(true) }, payload: plConsent }) },
  [`DELETE ${LA}/students/:id/guardian-consent`]: {
    expect: s(401, 204, 404, 404, 404, 404, 404),
    call: async () => {
      const id = await plNewStudent(true);
      await asCoordinator('POST', `${PL}/students/${id}/guardian-consent`, plConsent);
      return { params: { id } };
    },
  },
  // Student privacy (issue 10). Directory opt-out: the student or their school (a fresh Pierce student: Pierce's staff; the Coordinator may not).
  [`PUT ${LA}/students/:id/directory-opt-out`]: { expect: s(401, 403, 404, 404, 200, 404, 404), call: async () => ({ params: { id: await plNewStudent() }, payload: { optOut: true } }) },
  // Correction requests: the student asks (their own record); the record's holders read them; the institution's staff resolve.
  [`POST ${LA}/students/:id/correction-requests`]: { expect: s(401, 403, 404, 404, 404, 201, 404), call: async () => ({ params: { id: await plLuis() }, payload: { field: 'pathway', requestedValue: 'Cybersecurity', reason: 'Matrix' } }) },
  [`GET ${LA}/students/:id/correction-requests`]: { expect: s(401, 200, 404, 404, 404, 200, 404), call: async () => ({ params: { id: await plLuis() } }) },
  [`POST ${LA}/students/:id/correction-requests/:requestId/resolve`]: {
    expect: s(401, 403, 404, 404, 200, 404, 404),
    call: async () => {
      // A Pierce student without an account cannot ask through the API: the request is put in place directly.
      const id = await plNewStudent();
      const [row] = (await t.database.pool.query(`insert into student_correction_requests (coalition_id, id, student_id, field, requested_value, reason) select coalition_id, gen_random_uuid(), id, 'pathway', 'x', 'Matrix' from students where id = $1 returning id`, [id])).rows;
      return { params: { id, requestId: row.id as string }, payload: { decision: 'accepted' } };
    },
  },
  // The review queue: the Coordinator, and schools' staff (their own students'); not employers, the government member or students.
  [`GET ${LA}/correction-requests`]: { expect: s(401, 200, 403, 403, 200, 403, 404) },
  // Retention periods: the Coordinator's.
  [`GET ${LA}/student-retention`]: { expect: s(401, 200, 403, 403, 403, 403, 404) },
  [`PUT ${LA}/student-retention`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: () => ({ payload: { accessLogYears: 5, withdrawnApplicationYears: 2 } }) },
  [`POST ${LA}/student-retention/run`]: { expect: s(401, 202, 403, 403, 403, 403, 404) },
  [`GET ${LA}/applications`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  // The student applies for themselves (their own record), the Coordinator for anyone; a student the caller cannot see is a 422 (no such student), their school may not apply for them.
  [`POST ${LA}/applications`]: {
    expect: s(401, 201, 422, 422, 403, 201, 404),
    call: async (who) => ({ payload: { studentId: who === 'student' ? await plLuis() : await plNewStudent(), opportunityId: await plNewOpportunity() } }),
  },
  [`GET ${LA}/applications/funnel`]: { expect: s(401, 200, 200, 403, 403, 403, 404) },
  [`GET ${LA}/applications/fairness`]: { expect: s(401, 200, 403, 403, 403, 403, 404) },
  [`GET ${LA}/applications/:id`]: { expect: s(401, 200, 404, 200, 200, 404, 404), call: async () => ({ params: { id: await plKevinApplication() } }) },
  // The host moves its applicants; the school sees but does not move them.
  [`PATCH ${LA}/applications/:id`]: { expect: s(401, 200, 404, 200, 403, 404, 404), call: async () => ({ params: { id: await plNewApplication() }, payload: { status: 'interviewing' } }) },
  [`DELETE ${LA}/applications/:id`]: { expect: s(401, 204, 403, 403, 403, 403, 404), call: async () => ({ params: { id: await plNewApplication() } }) },
  [`PATCH ${LA}/applications/:id/placement`]: { expect: s(401, 200, 404, 200, 403, 404, 404), call: async () => ({ params: { id: await plNewApplication('placed') }, payload: { supervisorName: 'Matrix Supervisor', hoursCompleted: 12 } }) },
  [`POST ${LA}/applications/:id/placement/sign-off`]: {
    expect: s(401, 200, 404, 200, 403, 404, 404),
    call: async () => {
      const id = await plNewApplication('placed');
      await asCoordinator('PATCH', `${PL}/applications/${id}/placement`, { supervisorName: 'Matrix Supervisor', hoursCompleted: 12 });
      return { params: { id } };
    },
  },
  // The engagement ledger: staff read it; an employer declares its own capacity; schools request; the Coordinator brokers.
  [`GET ${LA}/engagements/capacities`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: () => ({ query: `year=${new Date().getUTCFullYear()}` }) },
  [`PUT ${LA}/engagements/capacities/:organizationId/:year`]: {
    expect: s(401, 200, 403, 200, 403, 403, 404),
    call: async () => ({ params: { organizationId: await plSnap(), year: '2099' }, payload: { interns: 3, speakers: 2, externshipHosts: 1, mentors: 4 } }),
  },
  [`GET ${LA}/engagements/requests`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`POST ${LA}/engagements/requests`]: { expect: s(401, 201, 403, 403, 201, 403, 404), call: async () => ({ payload: { kind: 'guest_speaker', title: unique('Matrix Request'), schoolId: await plPierce(), requestedOn: plDay() } }) },
  // Pierce's job panel with Snap: the Coordinator, Pierce and Snap see it.
  [`GET ${LA}/engagements/requests/:id`]: { expect: s(401, 200, 404, 200, 200, 404, 404), call: async () => ({ params: { id: await plJobPanel() } }) },
  [`PATCH ${LA}/engagements/requests/:id`]: { expect: s(401, 200, 404, 404, 200, 404, 404), call: async () => ({ params: { id: await plNewRequest() }, payload: { notes: 'Edited by the access matrix' } }) },
  [`POST ${LA}/engagements/requests/:id/broker`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: async () => ({ params: { id: await plNewRequest(true) }, payload: {} }) },
  // Coalition building (issue 11): recruitment is the Coordinator's and the Leadership Council's; coverage is read by staff.
  [`GET ${LA}/prospects`]: { expect: s(401, 200, 200, 403, 403, 403, 404) },
  [`GET ${LA}/prospects-summary`]: { expect: s(401, 200, 200, 403, 403, 403, 404) },
  [`POST ${LA}/prospects`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: () => ({ payload: { name: unique('Matrix Prospect'), type: 'nonprofit' } }) },
  [`GET ${LA}/prospects/:id`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: { id: await cbProspect() } }) },
  [`PATCH ${LA}/prospects/:id`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: { id: await cbProspect() }, payload: { notes: unique('Matrix note') } }) },
  [`DELETE ${LA}/prospects/:id`]: { expect: s(401, 204, 403, 403, 403, 403, 404), call: async () => ({ params: { id: await cbNewProspect() } }) },
  [`POST ${LA}/prospects/:id/contacts`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ params: { id: await cbProspect() }, payload: { name: unique('Matrix Contact'), seat: 'hiring_manager' } }) },
  [`DELETE ${LA}/prospects/:id/contacts/:contactId`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: await cbNewContact() }) },
  [`GET ${LA}/prospects/:id/activities`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: { id: await cbProspect() } }) },
  [`POST ${LA}/prospects/:id/activities`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ params: { id: await cbProspect() }, payload: { occurredOn: '2026-11-02', kind: 'note', summary: 'Matrix' } }) },
  [`GET ${LA}/coverage`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`GET ${LA}/coverage/initiatives`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`POST ${LA}/coverage/seats/:seat/holders`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ params: { seat: 'chief_human_capital_officer' }, payload: { personId: await cbPriya() } }) },
  [`DELETE ${LA}/coverage/seats/:seat/holders/:personId`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: await cbHeldSeat() }) },
  // Commitments: the Leadership Council sees all, a member's staff their own (Snap's here: the employer), students none.
  [`GET ${LA}/commitments`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`GET ${LA}/commitments/templates`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`POST ${LA}/commitments`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ payload: { organizationId: await cbOrg('Snap'), title: unique('Matrix Commitment') } }) },
  [`POST ${LA}/commitments/from-templates`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ payload: { organizationId: await newOrganization() } }) },
  [`GET ${LA}/commitments/:id`]: { expect: s(401, 200, 200, 200, 403, 403, 404), call: async () => ({ params: { id: await cbSnapCommitment() } }) },
  [`PATCH ${LA}/commitments/:id`]: { expect: s(401, 200, 200, 200, 403, 403, 404), call: async () => ({ params: { id: await cbSnapCommitment() }, payload: { description: unique('Matrix') } }) },
  [`DELETE ${LA}/commitments/:id`]: { expect: s(401, 204, 204, 403, 403, 403, 404), call: async () => ({ params: { id: await cbNewCommitment() } }) },
  // Onboarding: staff list (their own organization's unless Council); Snap's checklist is the employer's own.
  [`GET ${LA}/onboarding`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`GET ${LA}/onboarding/:organizationId`]: { expect: s(401, 200, 200, 200, 403, 403, 404), call: async () => ({ params: { organizationId: await cbOrg('Snap') } }) },
  [`POST ${LA}/onboarding/:organizationId/data-sharing`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: async () => ({ params: { organizationId: await newOrganization() } }) },
  // Shared library: coalition documents are for staff (students get a 404: not visible to them); only owners or the Coordinator change one.
  [`GET ${LA}/documents`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`POST ${LA}/documents`]: { expect: s(401, 201, 201, 201, 201, 403, 404), call: () => cbForm({ title: unique('Matrix Document'), visibility: 'coalition' }) },
  [`GET ${LA}/documents/:id`]: { expect: s(401, 200, 200, 200, 200, 404, 404), call: async () => ({ params: { id: await cbDocument() } }) },
  [`PATCH ${LA}/documents/:id`]: { expect: s(401, 200, 403, 403, 403, 404, 404), call: async () => ({ params: { id: await cbDocument() }, payload: { tags: [unique('tag')] } }) },
  [`DELETE ${LA}/documents/:id`]: { expect: s(401, 204, 403, 403, 403, 404, 404), call: async () => ({ params: { id: await cbNewDocument() } }) },
  [`GET ${LA}/documents/:id/versions`]: { expect: s(401, 200, 200, 200, 200, 404, 404), call: async () => ({ params: { id: await cbDocument() } }) },
  [`POST ${LA}/documents/:id/versions`]: { expect: s(401, 201, 403, 403, 403, 404, 404), call: async () => ({ params: { id: await cbDocument() }, ...cbForm({}) }) },
  [`GET ${LA}/documents/:id/file`]: { expect: s(401, 200, 200, 200, 200, 404, 404), call: async () => ({ params: { id: await cbDocument() } }) },
  // Metrics, roadmap and dashboards (issue 8).
  [`GET ${LA}/metrics`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ query: 'year=2026' }) },
  [`GET ${LA}/metrics/dictionary`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${LA}/metrics/history`]: { expect: s(401, 200, 200, 200, 200, 200, 404), call: () => ({ query: 'from=2025&to=2026' }) },
  [`GET ${LA}/metrics/breakdown`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: () => ({ query: 'key=students_impacted&by=employer' }) },
  [`PUT ${LA}/metrics/targets`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: () => ({ payload: { year: 2031, key: 'volunteers', target: 5 } }) },
  [`GET ${LA}/roadmap`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`PUT ${LA}/roadmap/:ref`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: () => ({ params: { ref: 'rec-6' }, payload: { status: 'in_progress' } }) },
  [`GET ${LA}/dashboards/organizations/:id`]: { expect: s(401, 200, 200, 200, 403, 403, 404), call: () => ({ params: { id: seeded.organizationId } }) },
  // Recognition program (issue 8): fresh rounds, organizations and nominations for every write.
  [`GET ${LA}/recognition/program`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`PUT ${LA}/recognition/program`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: async () => ({ payload: await asCoordinator('GET', `${REC}/program`) }) },
  [`GET ${LA}/recognition/scores`]: { expect: s(401, 200, 200, 200, 200, 403, 404), call: () => ({ query: 'year=2026' }) },
  [`GET ${LA}/recognition/rounds`]: { expect: s(401, 200, 200, 200, 200, 403, 404) },
  [`POST ${LA}/recognition/rounds`]: { expect: s(401, 201, 403, 403, 403, 403, 404), call: () => ({ payload: { year: recYear() } }) },
  [`POST ${LA}/recognition/rounds/:id/nominations`]: { expect: s(401, 201, 201, 403, 403, 403, 404), call: async () => ({ params: { id: await recOpenRound() }, payload: { organizationId: await recNewEmployer() } }) },
  [`POST ${LA}/recognition/nominations/:id/decision`]: { expect: s(401, 200, 200, 403, 403, 403, 404), call: async () => ({ params: { id: await recNewNomination() }, payload: { decision: 'declined' } }) },
  [`POST ${LA}/recognition/rounds/:id/endorse`]: { expect: s(401, 403, 200, 403, 403, 403, 404), call: async () => ({ params: { id: await recOpenRound() } }) },
  [`POST ${LA}/recognition/rounds/:id/close`]: { expect: s(401, 200, 403, 403, 403, 403, 404), call: async () => ({ params: { id: await recNewRound() } }) },
  [`GET ${LA}/recognition/awards`]: { expect: s(401, 200, 200, 200, 200, 200, 404) },
  [`GET ${V1}/credentials/:id`]: { expect: s(200, 200, 200, 200, 200, 200, 200), call: async () => ({ params: { id: await recAward() } }) },
  [`GET ${V1}/credentials/:id/certificate.pdf`]: { expect: s(200, 200, 200, 200, 200, 200, 200), call: async () => ({ params: { id: await recAward() } }) },
  [`GET ${V1}/public/coalitions/:slug`]: { expect: s(200, 200, 200, 200, 200, 200, 200) },
  [`GET ${V1}/public/coalitions/:slug/annual-report.pdf`]: { expect: s(200, 200, 200, 200, 200, 200, 200) },
};

function urlOf(key: string, call: Call): string {
  const path = key.slice(key.indexOf(' ') + 1);
  const params: Record<string, string> = { slug: 'la-tech', ...call.params };
  const url = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${key}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  return call.query ? `${url}?${call.query}` : url;
}

async function sessionFor(who: Subject, throwaway: boolean): Promise<Session | undefined> {
  const main = sessions[who];
  if (!main || !throwaway) return main;
  const { secret } = await createSession(t.database.db, main.userId, { ip: '127.0.0.1', userAgent: 'access-matrix' });
  return { cookie: `tb_session=${secret}`, userId: main.userId };
}

/** Every 4xx is RFC 9457 problem+json; returns what is wrong with it, if anything. */
function problemDefect(res: LightMyRequestResponse): string | null {
  if (res.statusCode < 400 || res.statusCode >= 500) return null;
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) return `content-type ${res.headers['content-type']}`;
  const body = res.json();
  for (const field of ['type', 'title', 'detail'] as const) if (typeof body[field] !== 'string' || !body[field]) return `no ${field}`;
  if (body.status !== res.statusCode) return `status ${body.status} in a ${res.statusCode} response`;
  return null;
}

beforeAll(async () => {
  const recording = recordRoutes();
  try {
    t = await createTestApp();
  } finally {
    recording.stop();
  }
  registered = distinctRoutes(recording.routes).filter((r) => r.url.startsWith('/api/') && !EXCLUDED.test(r.url));

  sessions.coordinator = await t.signIn(demo.coordinator);
  sessions.council = await t.signIn(demo.government);
  sessions.employer = await t.signIn(demo.employer);
  sessions.educator = await t.signIn(demo.educator);
  sessions.student = await t.signIn(demo.student);
  // Signed up, and a member of another coalition only.
  sessions.outsider = await t.signUp('Olivia Outsider', 'olivia.outsider@example.org');
  const created = await t.request({ method: 'POST', url: '/api/v1/coalitions', as: sessions.outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  expect(created.statusCode).toBe(201);

  signInTarget.userId = (await t.signUp('Matrix Sign-in Target', signInTarget.email, signInTarget.password)).userId;
  seeded.coalitionName = (await asCoordinator('GET', '/coalitions/la-tech')).name;
  seeded.organizationId = (await asCoordinator('GET', '/coalitions/la-tech/organizations?q=Snap')).items[0].id;
  seeded.personId = (await asCoordinator('GET', '/coalitions/la-tech/people?q=Priya')).items[0].id;
  const started = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/imports/organizations', as: sessions.coordinator, ...importCsv() });
  expect(started.statusCode).toBe(202);
  seeded.coordinatorImportId = started.json().id;
});
afterAll(() => t?.close());

describe('the access matrix', () => {
  it('has a row for every route the app registers, and none for routes it does not', () => {
    const routes = new Set(registered.map(routeKey));
    expect(routes.size).toBeGreaterThan(10);
    const missing = [...routes].filter((key) => !(key in matrix)).sort();
    const stale = Object.keys(matrix)
      .filter((key) => !routes.has(key))
      .sort();
    expect(missing, 'routes without a row in the access matrix: add one').toEqual([]);
    expect(stale, 'rows for routes the app does not register').toEqual([]);
  });

  for (const [key, row] of Object.entries(matrix)) {
    it(key, async () => {
      const method = key.slice(0, key.indexOf(' ')) as InjectOptions['method'];
      const mismatches: string[] = [];
      for (const who of SUBJECTS) {
        const call = (await row.call?.(who)) ?? {};
        const as = await sessionFor(who, row.throwawaySession === true);
        const res = await t.request({
          method,
          url: urlOf(key, call),
          ...(as ? { as } : {}),
          ...(call.payload === undefined ? {} : { payload: call.payload as InjectOptions['payload'] }),
          ...(call.headers ? { headers: call.headers } : {}),
        });
        const want = row.expect[who];
        if (res.statusCode !== want) mismatches.push(`${who}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        const defect = problemDefect(res);
        if (defect) mismatches.push(`${who}: ${res.statusCode} is not problem+json (${defect})`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});

describe('record-level rules the table cannot show', () => {
  it('lets a point of contact edit their own organization, and only theirs', async () => {
    const pierce = (await asCoordinator('GET', '/coalitions/la-tech/organizations?q=Pierce')).items[0];
    const own = await t.request({ method: 'PATCH', url: `/api/v1/coalitions/la-tech/organizations/${pierce.id}`, as: sessions.educator, payload: { address: 'Woodland Hills, CA' } });
    expect(own.statusCode).toBe(200);
    const other = await t.request({ method: 'PATCH', url: `/api/v1/coalitions/la-tech/organizations/${seeded.organizationId}`, as: sessions.educator, payload: { address: 'Nope' } });
    expect(other.statusCode).toBe(403);
  });

  it('lets a student read and edit their own person record, but not assign themselves roles', async () => {
    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: sessions.student })).json();
    const personId = me.coalitions.find((c: { slug: string }) => c.slug === 'la-tech').personId;
    const url = `/api/v1/coalitions/la-tech/people/${personId}`;
    expect((await t.request({ method: 'GET', url, as: sessions.student })).statusCode).toBe(200);
    expect((await t.request({ method: 'PATCH', url, as: sessions.student, payload: { phone: '555-0100' } })).statusCode).toBe(200);
    const escalate = await t.request({ method: 'PATCH', url, as: sessions.student, payload: { roles: ['student', 'coordinator'] } });
    expect(escalate.statusCode).toBe(403);
  });

  it("answers 404 for la-tech records asked for under the outsider's own coalition", async () => {
    const person = await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/people/${seeded.personId}`, as: sessions.outsider });
    expect(person.statusCode).toBe(404);
    const organization = await t.request({ method: 'DELETE', url: `/api/v1/coalitions/bay-tech/organizations/${seeded.organizationId}`, as: sessions.outsider });
    expect(organization.statusCode).toBe(404);
    expect((await asCoordinator('GET', `/coalitions/la-tech/organizations/${seeded.organizationId}`)).id).toBe(seeded.organizationId);
  });

  it('treats a revoked or unknown API token as not signed in, even on public routes', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/auth/config', headers: { authorization: 'Bearer tb_not-a-real-token' } });
    expect(res.statusCode).toBe(401);
    expect(problemDefect(res)).toBeNull();
  });

  it('answers a signed-in API token like the session it stands for', async () => {
    const created = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: sessions.student, payload: { name: 'matrix bearer' } });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/organizations', headers: bearer })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/people', headers: bearer })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions/bay-tech', headers: bearer })).statusCode).toBe(404);
  });
});
