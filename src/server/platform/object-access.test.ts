import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../shared/common.contract.js';
import { createTestApp, demo, type Session, type TestApp } from '../test/harness.js';
import { distinctRoutes, recordRoutes, routeKey, type RegisteredRoute } from '../test/routes.js';

/**
 * Object-level access (ASVS V8.2.2, OWASP API1 "broken object level authorization"), for every
 * collection the app serves.
 *
 * The collections are read from the routes Fastify registers: a route belongs to the collection
 * named by the static path segments in front of its last parameter (`…/initiatives/:id/tasks/:taskId`
 * → `initiatives/tasks`; `…/students/:id/export` → `students`). Every collection must appear in
 * COLLECTIONS below, and no entry may name a collection that no longer exists, so a new collection
 * without object-level cases fails this file (as a new route without a row fails the access matrix).
 *
 * Two kinds of proof:
 * 1. Across coalitions, mechanically, for every route of every collection: the Coordinator of
 *    another coalition, given every role there, addresses la-tech records through their own
 *    coalition's URL. Every answer is a 404 (another coalition's record does not exist for them) and
 *    the la-tech record reads the same afterwards.
 * 2. Inside la-tech, by hand, where a record has an owner: an employer and another employer's
 *    records, a school and another school's, a student and another student's, a member and another
 *    organization's commitment, a non-owner and a document, a child record addressed under a parent it
 *    does not belong to. Each case asserts the refusal and that nothing changed.
 * Collections whose rule is the caller's role alone (no per-record owner) say so with `roleOnly`: the
 * route × role matrix proves those; they still get the cross-coalition sweep.
 */

const V1 = '/api/v1';
const LA = `${V1}/coalitions/la-tech`;
const TENANT = `${V1}/coalitions/:slug`;

let t: TestApp;
const as: Record<'coordinator' | 'employer' | 'educator' | 'student' | 'outsider', Session> = {} as never;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
const once = <T>(make: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
};

async function call(who: Session | undefined, method: InjectOptions['method'], url: string, payload?: unknown, headers?: Record<string, string>) {
  return t.request({ method, url, ...(who ? { as: who } : {}), ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }), ...(headers ? { headers } : {}) });
}
async function ok(method: InjectOptions['method'], path: string, payload?: unknown) {
  const res = await call(as.coordinator, method, `${LA}${path}`, payload);
  if (res.statusCode >= 300) throw new Error(`fixture ${method} ${path}: ${res.statusCode} ${res.body}`);
  return res.json();
}
/** What the la-tech Coordinator reads at `path` (to prove a refused request changed nothing). */
const snapshot = async (path: string) => {
  const res = await call(as.coordinator, 'GET', `${LA}${path}`);
  return { status: res.statusCode, body: stable(res.body) };
};
/** Drops the moment a computed view was generated (an agenda), which differs on every read. */
const stable = (body: string) => body.replace(/"generatedAt":"[^"]*"/g, '');
async function refused(who: Session, method: InjectOptions['method'], path: string, status: number, payload?: unknown, headers?: Record<string, string>) {
  const res = await call(who, method, `${LA}${path}`, payload, headers);
  expect(res.statusCode, `${method} ${path}: ${res.body.slice(0, 200)}`).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  return res;
}
/** A refused request, and the record it aimed at reads the same before and after. */
async function refusedUnchanged(who: Session, method: InjectOptions['method'], path: string, status: number, payload?: unknown, readPath = path) {
  const before = await snapshot(readPath);
  expect(before.status, `GET ${readPath} as the Coordinator`).toBe(200);
  await refused(who, method, path, status, payload);
  expect(await snapshot(readPath)).toEqual(before);
}

// ---- la-tech records (created by the Coordinator through the API, or found in the demo seed). ----
const orgId = (q: string) => once(async () => (await ok('GET', `/organizations?q=${encodeURIComponent(q)}`)).items[0].id as string);
const snap = orgId('Snap');
const aws = orgId('Amazon Web Services');
const pierce = orgId('Pierce');
const smc = orgId('Santa Monica');
const personId = (q: string) => once(async () => (await ok('GET', `/people?q=${encodeURIComponent(q)}`)).items[0].id as string);
const priya = personId('Priya');
const studentId = (q: string) => once(async () => (await ok('GET', `/students?q=${encodeURIComponent(q)}`)).items[0].id as string);
const luis = studentId('demo-student-luis');
const kevin = studentId('demo-student-kevin');

const newOrganization = async () => (await ok('POST', '/organizations', { name: unique('Object Org'), type: 'nonprofit' })).id as string;
const newPerson = async () => (await ok('POST', '/people', { name: unique('Object Person') })).id as string;
const newStudent = async (institution: () => Promise<string> = pierce, minor = false) =>
  (await ok('POST', '/students', { firstName: 'Object', lastName: unique('Student'), institutionId: await institution(), dateOfBirth: minor ? `${new Date().getUTCFullYear() - 12}-01-01` : '2000-01-01' })).id as string;
const newOpportunity = async (employer: () => Promise<string> = snap, extra: Record<string, unknown> = {}) =>
  (await ok('POST', '/opportunities', { employerId: await employer(), kind: 'internship', title: unique('Object Internship'), skills: ['Python'], ...extra })).id as string;
const newApplication = async (employer: () => Promise<string> = snap, student?: string) =>
  (await ok('POST', '/applications', { studentId: student ?? (await newStudent()), opportunityId: await newOpportunity(employer) })).id as string;
const newNeed = async (employer: () => Promise<string> = snap) =>
  (await ok('POST', '/hiring-needs', { employerId: await employer(), soc: '15-1252', title: unique('Object Need'), positions: 2, skills: ['Python'], degreeRequired: false })).id as string;
const newProgram = async (institution: () => Promise<string> = pierce) =>
  (await ok('POST', '/programs', { institutionId: await institution(), title: unique('Object Program'), awardLevel: 'certificate', cip: '11.0201' })).id as string;
const newCourse = async (institution: () => Promise<string> = pierce) =>
  (await ok('POST', `/programs/${await newProgram(institution)}/courses`, { title: unique('Object Course'), annualEnrollment: 10, skills: ['Python'] })).id as string;
const newProposal = async (institution: () => Promise<string> = pierce) =>
  (await ok('POST', '/curriculum-proposals', { title: unique('Object Proposal'), summary: 'A change to test', skillsAdded: ['Python'], targetTerm: 'Fall 2031', courseId: await newCourse(institution) })).id as string;
const newContact = async (organization: () => Promise<string> = pierce) => {
  const person = (await ok('POST', '/people', { name: unique('Object Contact'), organizationId: await organization() })).id as string;
  return (await ok('POST', '/points-of-contact', { organizationId: await organization(), topic: 'career_placement', personId: person })).id as string;
};
let day = 0;
/** A day no other request holds (requests for one employer and day are unique). */
const nextDay = () => {
  const n = ++day;
  return `${new Date().getUTCFullYear() + 2}-${String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
};
const newRequest = async (school: () => Promise<string> = pierce, employer?: () => Promise<string>) =>
  (await ok('POST', '/engagements/requests', { kind: 'guest_speaker', title: unique('Object Request'), schoolId: await school(), requestedOn: nextDay(), ...(employer ? { employerId: await employer() } : {}) })).id as string;
const newInitiative = async () => (await ok('POST', '/initiatives', { title: unique('Object Initiative'), category: 'internships' })).id as string;
const newTask = async (initiative?: string) => {
  const id = initiative ?? (await newInitiative());
  return { id, taskId: (await ok('POST', `/initiatives/${id}/tasks`, { name: unique('Object Task'), startsOn: '2031-01-06', durationDays: 3 })).id as string };
};
const newStakeholder = async () => {
  const id = await newInitiative();
  return { id, stakeholderId: (await ok('POST', `/initiatives/${id}/stakeholders`, { personId: await priya(), raci: 'consulted' })).id as string };
};
const newRequirement = async () => {
  const id = await newInitiative();
  return { id, requirementId: (await ok('POST', `/initiatives/${id}/requirements`, { kind: 'funding', description: 'Object funding', amountCents: 100_000 })).id as string };
};
const newCost = async () => {
  const id = await newInitiative();
  return { id, costId: (await ok('POST', `/initiatives/${id}/costs`, { category: 'workshop', description: 'Object workshop', budgetCents: 50_000 })).id as string };
};
const newPledge = async () => (await ok('POST', '/pledges', { organizationId: await snap(), kind: 'cash', amountCents: 10_000, pledgedOn: '2031-01-06' })).id as string;
const newRisk = async () => (await ok('POST', '/risks', { initiativeId: await newInitiative(), title: unique('Object Risk'), likelihood: 2, impact: 3, impactOn: ['cost'] })).id as string;
const newSession = async () => (await ok('POST', '/strategy-sessions', { title: unique('Object Session'), heldOn: '2031-01-06' })).id as string;
const newPriority = async (session?: string) => {
  const id = session ?? (await newSession());
  return { id, priorityId: (await ok('POST', `/strategy-sessions/${id}/priorities`, { kind: 'candidate_profile', title: unique('Object Priority') })).id as string };
};
const newMeeting = async () => (await ok('POST', '/meetings', { title: unique('Object Meeting'), kind: 'working_session', startsAt: '2031-09-01T17:00:00Z', durationMinutes: 60 })).id as string;
const newAnnouncement = async (audience: Record<string, unknown> = { roles: ['coordinator'] }, send = false) =>
  (await ok('POST', '/announcements', { subject: unique('Object Announcement'), body: 'Object body', audience, send })).id as string;
let digestWeeks = 0;
const newDigestRun = async () => (await ok('POST', '/digests', { weekOf: new Date(Date.UTC(2034, 0, 2 + 7 * digestWeeks++)).toISOString().slice(0, 10) })).id as string;
const newActionItem = async (meeting?: string) => {
  const id = meeting ?? (await newMeeting());
  return { id, itemId: (await ok('POST', `/meetings/${id}/action-items`, { title: unique('Object Action'), ownerId: await priya(), dueOn: '2031-09-15' })).id as string };
};
const newAgendaItem = async (meeting?: string) => {
  const id = meeting ?? (await newMeeting());
  return { id, itemId: (await ok('POST', `/meetings/${id}/agenda-items`, { title: unique('Object Topic') })).id as string };
};
const newProspect = async () => (await ok('POST', '/prospects', { name: unique('Object Prospect'), type: 'employer' })).id as string;
const newProspectContact = async (prospect?: string) => {
  const id = prospect ?? (await newProspect());
  return { id, contactId: (await ok('POST', `/prospects/${id}/contacts`, { name: unique('Object Contact') })).id as string };
};
const newCommitment = async (organization: () => Promise<string> = snap) => (await ok('POST', '/commitments', { organizationId: await organization(), title: unique('Object Commitment') })).id as string;
const form = (fields: Record<string, string>) => {
  const boundary = '----tbobject';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const body = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="object.txt"\r\nContent-Type: text/plain\r\n\r\nobject\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
const newDocument = async (visibility = 'coalition', owner: Session = as.coordinator) => {
  const { payload, headers } = form({ title: unique('Object Document'), visibility });
  const res = await call(owner, 'POST', `${LA}/documents`, payload, headers);
  if (res.statusCode !== 201) throw new Error(`fixture document: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
};
const newImport = async () => {
  const res = await call(as.coordinator, 'POST', `${LA}/imports/organizations`, `name,type,website\n${unique('Imported Org')},nonprofit,https://example.org\n`, { 'content-type': 'text/csv' });
  if (res.statusCode !== 202) throw new Error(`fixture import: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
};
const recYear = () => 2040 + (++counter % 60);
const newRound = async () => (await ok('POST', '/recognition/rounds', { year: recYear() })).id as string;
const newNomination = async () => {
  const organizationId = (await ok('POST', '/organizations', { name: unique('Object Employer'), type: 'employer' })).id as string;
  const round = await ok('POST', `/recognition/rounds/${await newRound()}/nominations`, { organizationId });
  return round.nominations.find((n: { organizationId: string }) => n.organizationId === organizationId).id as string;
};
const newInvitation = async () => (await ok('POST', '/invitations', { email: `${unique('invitee')}@example.org`, roles: ['member'] })).id as string;
const meOf = async (who: Session) => {
  const me = (await call(who, 'GET', `${V1}/auth/me`)).json();
  return me.coalitions.find((c: { slug: string }) => c.slug === 'la-tech') as { personId: string; coalitionId: string };
};

// ---- The collections. ----
interface Collection {
  /** la-tech values for the collection's route parameters (`slug` is set by the sweep). */
  record?: () => Promise<Record<string, string>>;
  /** Why the sweep does not apply (a public or bearer-token route): nothing of a coalition to cross. */
  noSweep?: string;
  /** Object-level cases inside la-tech; each asserts the refusal and that nothing changed. */
  cases?: Record<string, () => Promise<void>>;
  /** The rule is the caller's role alone (proved by the access matrix): why no record has an owner. */
  roleOnly?: string;
}

const COLLECTIONS: Record<string, Collection> = {
  organizations: {
    record: async () => ({ id: await newOrganization() }),
    cases: {
      "a point of contact cannot edit another member's organization": async () => refusedUnchanged(as.educator, 'PATCH', `/organizations/${await snap()}`, 403, { description: 'Taken over' }),
      'an employer cannot delete an organization, its own or another': async () => refusedUnchanged(as.employer, 'DELETE', `/organizations/${await aws()}`, 403),
    },
  },
  people: {
    record: async () => ({ id: await newPerson() }),
    cases: {
      "a student cannot read or edit another person's record": async () => {
        await refused(as.student, 'GET', `/people/${await priya()}`, 403);
        await refusedUnchanged(as.student, 'PATCH', `/people/${await priya()}`, 403, { phone: '555-0199' });
      },
      "an employer cannot edit someone else's person record": async () => refusedUnchanged(as.employer, 'PATCH', `/people/${await priya()}`, 403, { title: 'Taken over' }),
    },
  },
  invitations: { record: async () => ({ id: await newInvitation() }), roleOnly: "invitations are the Coordinator's alone, whoever sent them" },
  imports: {
    record: async () => ({ id: await newImport(), kind: 'organizations' }),
    cases: {
      "a member cannot read another member's import or its errors": async () => {
        const id = await newImport();
        await refused(as.employer, 'GET', `/imports/${id}`, 403);
        await refused(as.educator, 'GET', `/imports/${id}/errors.csv`, 403);
      },
    },
  },
  notifications: {
    record: async () => ({ id: await notificationFor(as.coordinator) }),
    cases: {
      "a member cannot mark another member's notification read": async () => {
        const id = await notificationFor(as.coordinator);
        await refused(as.employer, 'POST', `/notifications/${id}/read`, 404);
        const mine = (await call(as.coordinator, 'GET', `${LA}/notifications?limit=200`)).json().items.find((n: { id: string }) => n.id === id);
        expect(mine.readAt).toBeNull();
      },
    },
  },
  'labor-market/occupations': { record: async () => ({ soc: '15-1252' }), roleOnly: "the region's official figures, the same for every member" },
  'alignment/skills': { record: async () => ({ skillId: 'tech:python' }), roleOnly: 'computed from every member’s records; no owner' },
  'alignment/occupations': { record: async () => ({ soc: '15-1252' }), roleOnly: 'computed from every member’s records; no owner' },
  'alignment/institutions': { record: async () => ({ institutionId: await pierce() }), roleOnly: "an institution's gap is shared with every member by design" },
  'hiring-needs': {
    record: async () => ({ id: await newNeed() }),
    cases: {
      "an employer cannot edit or delete another employer's hiring need": async () => {
        const id = await newNeed(aws);
        await refusedUnchanged(as.employer, 'PATCH', `/hiring-needs/${id}`, 403, { positions: 99 });
        await refusedUnchanged(as.employer, 'DELETE', `/hiring-needs/${id}`, 403, undefined, `/hiring-needs/${id}`);
      },
      "an employer cannot move its own need onto another employer": async () => {
        const id = await newNeed(snap);
        await refusedUnchanged(as.employer, 'PATCH', `/hiring-needs/${id}`, 403, { employerId: await aws() });
      },
    },
  },
  'hiring-needs/profiles': { record: async () => ({ employerId: await snap() }), roleOnly: "an employer's demand profile is shared with every member by design" },
  programs: {
    record: async () => ({ id: await newProgram() }),
    cases: {
      "an educator cannot edit, delete or add courses to another institution's program": async () => {
        const id = await newProgram(smc);
        await refusedUnchanged(as.educator, 'PATCH', `/programs/${id}`, 403, { description: 'Taken over' });
        await refusedUnchanged(as.educator, 'DELETE', `/programs/${id}`, 403);
        await refusedUnchanged(as.educator, 'POST', `/programs/${id}/courses`, 403, { title: 'Planted course', skills: ['Git'] }, `/programs/${id}`);
      },
    },
  },
  courses: {
    record: async () => ({ id: await newCourse() }),
    cases: {
      "an educator cannot edit or delete another institution's course": async () => {
        const id = await newCourse(smc);
        await refusedUnchanged(as.educator, 'PATCH', `/courses/${id}`, 403, { annualEnrollment: 999 });
        await refusedUnchanged(as.educator, 'DELETE', `/courses/${id}`, 403);
      },
    },
  },
  'curriculum-proposals': {
    record: async () => ({ id: await newProposal() }),
    cases: {
      "an educator cannot edit or delete another institution's curriculum proposal": async () => {
        const id = await newProposal(smc);
        await refusedUnchanged(as.educator, 'PATCH', `/curriculum-proposals/${id}`, 403, { summary: 'Taken over' });
        await refusedUnchanged(as.educator, 'DELETE', `/curriculum-proposals/${id}`, 403);
      },
      'an employer cannot edit a proposal it commented on': async () => {
        const id = await newProposal();
        expect((await call(as.employer, 'POST', `${LA}/curriculum-proposals/${id}/comments`, { body: 'Please add Kubernetes', relevance: 4 })).statusCode).toBe(201);
        await refusedUnchanged(as.employer, 'PATCH', `/curriculum-proposals/${id}`, 403, { status: 'adopted' });
      },
    },
  },
  'points-of-contact': {
    record: async () => ({ id: await newContact() }),
    cases: {
      "a point of contact cannot remove another organization's point of contact": async () => {
        const id = await newContact(snap);
        await refused(as.educator, 'DELETE', `/points-of-contact/${id}`, 403);
        const listed = (await call(as.coordinator, 'GET', `${LA}/points-of-contact?limit=200`)).json().items.map((c: { id: string }) => c.id);
        expect(listed).toContain(id);
      },
    },
  },
  opportunities: {
    record: async () => ({ id: await newOpportunity() }),
    cases: {
      "an employer cannot edit, delete or list candidates for another employer's opportunity": async () => {
        const id = await newOpportunity(aws);
        await refusedUnchanged(as.employer, 'PATCH', `/opportunities/${id}`, 403, { seats: 99 });
        await refusedUnchanged(as.employer, 'DELETE', `/opportunities/${id}`, 403);
        await refused(as.employer, 'GET', `/opportunities/${id}/candidates`, 403);
      },
      "an employer cannot see another employer's draft": async () => {
        const id = await newOpportunity(aws, { status: 'draft' });
        await refused(as.employer, 'GET', `/opportunities/${id}`, 404);
        await refused(as.student, 'GET', `/opportunities/${id}`, 404);
      },
    },
  },
  students: {
    record: async () => ({ id: await newStudent(), employerId: await snap() }),
    cases: {
      "a student cannot read, edit, export or act on another student's record": async () => {
        const other = await kevin();
        await refused(as.student, 'GET', `/students/${other}`, 404);
        await refusedUnchanged(as.student, 'PATCH', `/students/${other}`, 404, { pathway: 'Taken over' });
        await refused(as.student, 'GET', `/students/${other}/export`, 404);
        await refused(as.student, 'GET', `/students/${other}/matches`, 404);
        await refused(as.student, 'GET', `/students/${other}/access-log`, 404);
        await refusedUnchanged(as.student, 'POST', `/students/${other}/shares`, 404, { employerId: await aws() }, `/students/${other}`);
        await refusedUnchanged(as.student, 'POST', `/students/${other}/portfolio`, 404, { title: 'Planted' }, `/students/${other}`);
      },
      'an employer cannot read a student who neither shared with it nor applied to it': async () => {
        await refused(as.employer, 'GET', `/students/${await newStudent()}`, 404);
      },
      'an employer sees a student who applied to it, and still cannot edit the record': async () => {
        expect((await call(as.employer, 'GET', `${LA}/students/${await kevin()}`)).statusCode).toBe(200);
        await refusedUnchanged(as.employer, 'PATCH', `/students/${await kevin()}`, 403, { pathway: 'Taken over' });
      },
      "an educator cannot read or edit another institution's student, nor record a guardian's consent for them": async () => {
        const other = await newStudent(smc);
        await refused(as.educator, 'GET', `/students/${other}`, 404);
        await refusedUnchanged(as.educator, 'PATCH', `/students/${other}`, 404, { pathway: 'Taken over' });
        const minor = await newStudent(smc, true);
        await refusedUnchanged(as.educator, 'POST', `/students/${minor}/guardian-consent`, 404, { guardianName: 'Not A Guardian', relationship: 'mother', method: 'signed form', givenOn: '2020-01-01' }, `/students/${minor}`);
      },
    },
  },
  'students/portfolio': {
    record: async () => {
      const id = await luis();
      return { id, itemId: (await ok('POST', `/students/${id}/portfolio`, { title: unique('Object Project') })).id as string };
    },
    cases: {
      "a student cannot edit another student's portfolio item, even under their own record": async () => {
        const own = await luis();
        const other = await kevin();
        const item = (await ok('POST', `/students/${other}/portfolio`, { title: unique('Kevin Project') })).id as string;
        await refusedUnchanged(as.student, 'PATCH', `/students/${other}/portfolio/${item}`, 404, { url: 'https://evil.example' }, `/students/${other}`);
        await refusedUnchanged(as.student, 'PATCH', `/students/${own}/portfolio/${item}`, 404, { url: 'https://evil.example' }, `/students/${other}`);
        await refusedUnchanged(as.student, 'DELETE', `/students/${own}/portfolio/${item}`, 404, undefined, `/students/${other}`);
      },
    },
  },
  'students/correction-requests': {
    record: async () => {
      const id = await luis();
      const res = await call(as.student, 'POST', `${LA}/students/${id}/correction-requests`, { field: 'pathway', requestedValue: 'Object test', reason: 'Object test' });
      expect(res.statusCode).toBe(201);
      return { id, requestId: res.json().id as string };
    },
    cases: {
      "a student cannot ask for or read corrections of another student's record": async () => {
        const other = await kevin();
        await refusedUnchanged(as.student, 'POST', `/students/${other}/correction-requests`, 404, { field: 'pathway', requestedValue: 'Taken over', reason: 'x' }, `/students/${other}/correction-requests`);
        await refused(as.student, 'GET', `/students/${other}/correction-requests`, 404);
      },
      "an educator cannot resolve another institution's student's request, nor one addressed under their own student": async () => {
        const own = await newStudent();
        const mine = await call(as.student, 'POST', `${LA}/students/${await luis()}/correction-requests`, { field: 'email', requestedValue: 'x@example.org', reason: 'x' });
        expect(mine.statusCode).toBe(201);
        const requestId = mine.json().id as string;
        await refusedUnchanged(as.educator, 'POST', `/students/${await luis()}/correction-requests/${requestId}/resolve`, 404, { decision: 'accepted' }, `/students/${await luis()}/correction-requests`);
        await refusedUnchanged(as.educator, 'POST', `/students/${own}/correction-requests/${requestId}/resolve`, 404, { decision: 'accepted' }, `/students/${await luis()}/correction-requests`);
      },
    },
  },
  'students/shares': {
    record: async () => ({ id: await luis(), employerId: await snap() }),
    cases: {
      "a student cannot withdraw another student's share; the employer shared with cannot either": async () => {
        const other = await kevin();
        await refusedUnchanged(as.student, 'DELETE', `/students/${other}/shares/${await snap()}`, 404, undefined, `/students/${other}`);
        const share = await call(as.student, 'POST', `${LA}/students/${await luis()}/shares`, { employerId: await snap() });
        expect(share.statusCode).toBe(200);
        await refusedUnchanged(as.employer, 'DELETE', `/students/${await luis()}/shares/${await snap()}`, 403, undefined, `/students/${await luis()}`);
      },
    },
  },
  applications: {
    record: async () => ({ id: await newApplication() }),
    cases: {
      "a student cannot read another student's application": async () => {
        const id = await newApplication(snap, await kevin());
        await refused(as.student, 'GET', `/applications/${id}`, 404);
      },
      "an employer cannot read or move an application to another employer's opportunity": async () => {
        const id = await newApplication(aws);
        await refused(as.employer, 'GET', `/applications/${id}`, 404);
        await refusedUnchanged(as.employer, 'PATCH', `/applications/${id}`, 404, { status: 'declined' });
        await refusedUnchanged(as.employer, 'PATCH', `/applications/${id}/placement`, 404, { supervisorName: 'Not Mine', hoursCompleted: 1 }, `/applications/${id}`);
      },
    },
  },
  'engagements/capacities': {
    record: async () => ({ organizationId: await snap(), year: '2098' }),
    cases: {
      "an employer cannot declare another employer's capacity": async () => {
        const year = new Date().getUTCFullYear();
        const read = async () => (await call(as.coordinator, 'GET', `${LA}/engagements/capacities?year=${year}`)).body;
        const before = await read();
        await refused(as.employer, 'PUT', `/engagements/capacities/${await aws()}/${year}`, 403, { interns: 99, speakers: 99, externshipHosts: 99, mentors: 99 });
        expect(await read()).toBe(before);
      },
    },
  },
  'engagements/requests': {
    record: async () => ({ id: await newRequest(pierce, snap) }),
    cases: {
      "a school cannot read or edit another school's request": async () => {
        const id = await newRequest(smc);
        await refused(as.educator, 'GET', `/engagements/requests/${id}`, 404);
        await refusedUnchanged(as.educator, 'PATCH', `/engagements/requests/${id}`, 404, { notes: 'Taken over' });
      },
      'an employer cannot read a request it is not part of': async () => {
        await refused(as.employer, 'GET', `/engagements/requests/${await newRequest(smc, aws)}`, 404);
      },
    },
  },
  initiatives: { record: async () => ({ id: await newInitiative() }), roleOnly: 'the Coordinator and the Leadership Council manage every initiative (an initiative leader their own: initiatives.test.ts)' },
  'initiatives/tasks': {
    record: async () => newTask(),
    cases: {
      "a task is not reachable under another initiative's id": async () => {
        const { id, taskId } = await newTask();
        const other = await newInitiative();
        await refused(as.coordinator, 'GET', `/initiatives/${other}/tasks/${taskId}`, 404);
        await refusedUnchanged(as.coordinator, 'PATCH', `/initiatives/${other}/tasks/${taskId}`, 404, { progress: 90 }, `/initiatives/${id}/tasks/${taskId}`);
        await refusedUnchanged(as.coordinator, 'DELETE', `/initiatives/${other}/tasks/${taskId}`, 404, undefined, `/initiatives/${id}/tasks/${taskId}`);
      },
    },
  },
  'initiatives/stakeholders': {
    record: async () => newStakeholder(),
    cases: {
      "a stakeholder is not reachable under another initiative's id": async () => {
        const { id, stakeholderId } = await newStakeholder();
        await refusedUnchanged(as.coordinator, 'DELETE', `/initiatives/${await newInitiative()}/stakeholders/${stakeholderId}`, 404, undefined, `/initiatives/${id}`);
      },
    },
  },
  'initiatives/requirements': {
    record: async () => newRequirement(),
    cases: {
      "a requirement is not reachable under another initiative's id": async () => {
        const { id, requirementId } = await newRequirement();
        await refusedUnchanged(as.coordinator, 'PATCH', `/initiatives/${await newInitiative()}/requirements/${requirementId}`, 404, { amountCents: 1 }, `/initiatives/${id}/finances`);
      },
    },
  },
  'initiatives/costs': {
    record: async () => newCost(),
    cases: {
      "a cost is not reachable under another initiative's id": async () => {
        const { id, costId } = await newCost();
        await refusedUnchanged(as.coordinator, 'PATCH', `/initiatives/${await newInitiative()}/costs/${costId}`, 404, { actualCents: 1 }, `/initiatives/${id}/finances`);
      },
    },
  },
  pledges: { record: async () => ({ id: await newPledge() }), roleOnly: 'pledges are recorded by the Coordinator and the Council for the coalition, not by the pledging member' },
  risks: { record: async () => ({ id: await newRisk() }), roleOnly: 'the risk register is kept by the Coordinator and the Council' },
  'strategy-sessions': { record: async () => ({ id: await newSession() }), roleOnly: 'sessions are run by the Coordinator and the Council; every ballot is the caller’s own (PUT …/ballot has no ballot id)' },
  'strategy-sessions/priorities': {
    record: async () => newPriority(),
    cases: {
      "a priority is not reachable under another session's id": async () => {
        const { id, priorityId } = await newPriority();
        await refusedUnchanged(as.coordinator, 'PATCH', `/strategy-sessions/${await newSession()}/priorities/${priorityId}`, 404, { details: 'Moved' }, `/strategy-sessions/${id}/priorities`);
      },
      "a member cannot edit the priority another member recorded": async () => {
        const id = await newSession();
        const res = await call(as.employer, 'POST', `${LA}/strategy-sessions/${id}/priorities`, { kind: 'preparation_need', title: unique('Snap need') });
        expect(res.statusCode).toBe(201);
        await refusedUnchanged(as.educator, 'PATCH', `/strategy-sessions/${id}/priorities/${res.json().id}`, 403, { details: 'Rewritten' }, `/strategy-sessions/${id}/priorities`);
      },
    },
  },
  meetings: {
    record: async () => ({ id: await newMeeting() }),
    cases: {
      'a student cannot read or answer a meeting they are not invited to': async () => {
        const id = await newMeeting();
        await refused(as.student, 'GET', `/meetings/${id}`, 404);
        await refused(as.student, 'GET', `/meetings/${id}/calendar.ics`, 404);
        await refusedUnchanged(as.student, 'PUT', `/meetings/${id}/rsvp`, 404, { rsvp: 'yes' }, `/meetings/${id}/invitees`);
      },
    },
  },
  'meetings/action-items': {
    record: async () => newActionItem(),
    cases: {
      "an action item is not reachable under another meeting's id": async () => {
        const { id, itemId } = await newActionItem();
        await refusedUnchanged(as.coordinator, 'PATCH', `/meetings/${await newMeeting()}/action-items/${itemId}`, 404, { status: 'done' }, `/meetings/${id}/action-items`);
        await refusedUnchanged(as.coordinator, 'DELETE', `/meetings/${await newMeeting()}/action-items/${itemId}`, 404, undefined, `/meetings/${id}/action-items`);
      },
    },
  },
  'meetings/agenda-items': {
    record: async () => newAgendaItem(),
    cases: {
      "an agenda item is not reachable under another meeting's id": async () => {
        const { id, itemId } = await newAgendaItem();
        await refusedUnchanged(as.coordinator, 'PATCH', `/meetings/${await newMeeting()}/agenda-items/${itemId}`, 404, { status: 'accepted' }, `/meetings/${id}/agenda`);
      },
    },
  },
  announcements: {
    record: async () => ({ id: await newAnnouncement() }),
    cases: {
      'a member reaches neither a draft nor an announcement sent to others': async () => {
        const draft = await newAnnouncement({ roles: ['student'] });
        await refused(as.student, 'GET', `/announcements/${draft}`, 404);
        await refusedUnchanged(as.student, 'POST', `/announcements/${draft}/send`, 404, undefined, `/announcements/${draft}`);
        const toEducators = await newAnnouncement({ personIds: [(await meOf(as.educator)).personId] }, true);
        await t.runJobs();
        expect((await call(as.educator, 'GET', `${LA}/announcements/${toEducators}`)).statusCode).toBe(200);
        await refused(as.student, 'GET', `/announcements/${toEducators}`, 404);
        await refused(as.employer, 'GET', `/announcements/${toEducators}/deliveries`, 404);
      },
    },
  },
  digests: { record: async () => ({ id: await newDigestRun() }), roleOnly: 'digest runs are the Coordinator’s; each person’s digest is built for them alone (digest-preview takes no id)' },
  prospects: { record: async () => ({ id: await newProspect() }), roleOnly: 'recruitment is the Coordinator’s and the Council’s; no prospect belongs to a member' },
  'prospects/contacts': {
    record: async () => newProspectContact(),
    cases: {
      "a contact is not reachable under another prospect's id": async () => {
        const { id, contactId } = await newProspectContact();
        await refusedUnchanged(as.coordinator, 'DELETE', `/prospects/${await newProspect()}/contacts/${contactId}`, 404, undefined, `/prospects/${id}`);
      },
    },
  },
  'coverage/seats': { record: async () => ({ seat: 'chief_human_capital_officer' }), roleOnly: 'seats are the coalition’s structure, filled by the Coordinator and the Council' },
  'coverage/seats/holders': { record: async () => ({ seat: 'chief_human_capital_officer', personId: await priya() }), roleOnly: 'seats are the coalition’s structure, filled by the Coordinator and the Council' },
  commitments: {
    record: async () => ({ id: await newCommitment() }),
    cases: {
      "a member cannot read or edit another organization's commitment": async () => {
        const id = await newCommitment(aws);
        await refused(as.employer, 'GET', `/commitments/${id}`, 403);
        await refusedUnchanged(as.employer, 'PATCH', `/commitments/${id}`, 403, { description: 'Taken over' });
        await refusedUnchanged(as.employer, 'DELETE', `/commitments/${id}`, 403);
      },
    },
  },
  onboarding: {
    record: async () => ({ organizationId: await newOrganization() }),
    cases: {
      "a member cannot read another organization's onboarding checklist": async () => {
        await refused(as.employer, 'GET', `/onboarding/${await aws()}`, 403);
        await refused(as.educator, 'GET', `/onboarding/${await snap()}`, 403);
      },
    },
  },
  documents: {
    record: async () => ({ id: await newDocument() }),
    cases: {
      "a member cannot edit, replace or delete a document someone else uploaded": async () => {
        const id = await newDocument('coalition', as.educator);
        await refusedUnchanged(as.employer, 'PATCH', `/documents/${id}`, 403, { title: 'Taken over' });
        const { payload, headers } = form({});
        await refused(as.employer, 'POST', `/documents/${id}/versions`, 403, payload, headers);
        expect((await call(as.coordinator, 'GET', `${LA}/documents/${id}/versions`)).json().items).toHaveLength(1);
        await refusedUnchanged(as.employer, 'DELETE', `/documents/${id}`, 403);
      },
      "a leadership council document is not visible to other members": async () => {
        const id = await newDocument('leadership_council');
        await refused(as.employer, 'GET', `/documents/${id}`, 404);
        await refused(as.employer, 'GET', `/documents/${id}/file`, 404);
      },
    },
  },
  'dashboards/organizations': {
    record: async () => ({ id: await snap() }),
    cases: {
      "a member cannot read another organization's dashboard": async () => {
        await refused(as.employer, 'GET', `/dashboards/organizations/${await aws()}`, 403);
      },
    },
  },
  roadmap: { record: async () => ({ ref: 'rec-6' }), roleOnly: "the roadmap is the coalition's, kept by the Coordinator" },
  'recognition/rounds': { record: async () => ({ id: await newRound() }), roleOnly: 'rounds are run by the Coordinator and endorsed by the Council' },
  'recognition/nominations': { record: async () => ({ id: await newNomination() }), roleOnly: 'nominations are decided by the Coordinator and the Council' },

  // Outside a coalition's URL space.
  '/coalitions': {
    noSweep: 'the coalition is the tenant itself: the case below crosses it',
    cases: {
      "another coalition's Coordinator cannot read or rename la-tech": async () => {
        const before = await snapshot('');
        expect((await call(as.outsider, 'GET', LA)).statusCode).toBe(404);
        expect((await call(as.outsider, 'PATCH', LA, { name: 'Taken over' })).statusCode).toBe(404);
        expect(await snapshot('')).toEqual(before);
      },
    },
  },
  '/auth/tokens': {
    noSweep: 'an account’s tokens are not in a coalition; the case below crosses accounts',
    cases: {
      "a user cannot revoke another user's API token": async () => {
        const created = await call(as.coordinator, 'POST', `${V1}/auth/tokens`, { name: unique('object token') });
        expect(created.statusCode).toBe(201);
        const res = await call(as.employer, 'DELETE', `${V1}/auth/tokens/${created.json().id}`);
        expect(res.statusCode).toBe(404);
        const still = await t.request({ method: 'GET', url: `${V1}/auth/me`, headers: { authorization: `Bearer ${created.json().token}` } });
        expect(still.statusCode).toBe(200);
      },
    },
  },
  '/invitations': { noSweep: 'the secret token in the link is the credential (a wrong token is a 404: invitations tests)', roleOnly: 'no owner but whoever holds the link' },
  '/calendar-feeds': { noSweep: 'the secret token in the feed URL is the credential (meetings tests)', roleOnly: 'no owner but whoever holds the URL' },
  '/unsubscribe': { noSweep: 'the signed token in the link is the credential (communications tests: a forged token, or one under another coalition, is a 404)', roleOnly: 'no owner but whoever holds the link' },
  '/credentials': { noSweep: 'Open Badges credentials are public by design, to be verifiable', roleOnly: 'public' },
  '/public/coalitions': { noSweep: 'public pages, no personal data', roleOnly: 'public' },
  '/public/coalitions/opportunities': {
    noSweep: 'public',
    cases: {
      "a coalition's posting is not published under another coalition's slug, and a draft is not published": async () => {
        const id = await newOpportunity(snap);
        expect((await call(undefined, 'GET', `${V1}/public/coalitions/la-tech/opportunities/${id}/job-posting`)).statusCode).toBe(200);
        expect((await call(undefined, 'GET', `${V1}/public/coalitions/bay-tech/opportunities/${id}/job-posting`)).statusCode).toBe(404);
        const draft = await newOpportunity(snap, { status: 'draft' });
        expect((await call(undefined, 'GET', `${V1}/public/coalitions/la-tech/opportunities/${draft}/job-posting`)).statusCode).toBe(404);
      },
    },
  },
};

/** Bodies for the sweep's writes: valid requests, so that only the record's coalition can refuse them. */
const BODIES: Record<string, () => Promise<{ payload?: unknown; headers?: Record<string, string> }> | { payload?: unknown; headers?: Record<string, string> }> = {
  [`PATCH ${TENANT}/organizations/:id`]: () => ({ payload: { description: 'Crossed' } }),
  [`PATCH ${TENANT}/people/:id`]: () => ({ payload: { title: 'Crossed' } }),
  [`POST ${TENANT}/imports/:kind`]: () => ({ payload: `name,type,website\n${unique('Crossed Org')},nonprofit,https://example.org\n`, headers: { 'content-type': 'text/csv' } }),
  [`PATCH ${TENANT}/hiring-needs/:id`]: () => ({ payload: { positions: 9 } }),
  [`PATCH ${TENANT}/programs/:id`]: () => ({ payload: { description: 'Crossed' } }),
  [`POST ${TENANT}/programs/:id/courses`]: () => ({ payload: { title: unique('Crossed Course'), skills: ['Git'] } }),
  [`PATCH ${TENANT}/courses/:id`]: () => ({ payload: { annualEnrollment: 9 } }),
  [`PATCH ${TENANT}/curriculum-proposals/:id`]: () => ({ payload: { summary: 'Crossed' } }),
  [`POST ${TENANT}/curriculum-proposals/:id/comments`]: () => ({ payload: { body: 'Crossed', relevance: 4 } }),
  [`PATCH ${TENANT}/opportunities/:id`]: () => ({ payload: { seats: 9 } }),
  [`PATCH ${TENANT}/students/:id`]: () => ({ payload: { pathway: 'Crossed' } }),
  [`POST ${TENANT}/students/:id/portfolio`]: () => ({ payload: { title: 'Crossed' } }),
  [`PATCH ${TENANT}/students/:id/portfolio/:itemId`]: () => ({ payload: { url: 'https://example.org/crossed' } }),
  [`POST ${TENANT}/students/:id/shares`]: async () => ({ payload: { employerId: await snap() } }),
  [`PUT ${TENANT}/students/:id/directory-opt-out`]: () => ({ payload: { optOut: true } }),
  [`POST ${TENANT}/students/:id/correction-requests`]: () => ({ payload: { field: 'other', requestedValue: 'Crossed', reason: 'Crossed' } }),
  [`POST ${TENANT}/students/:id/correction-requests/:requestId/resolve`]: () => ({ payload: { decision: 'accepted' } }),
  [`POST ${TENANT}/students/:id/guardian-consent`]: () => ({ payload: { guardianName: 'Crossed Guardian', relationship: 'mother', method: 'signed form', givenOn: '2020-01-01' } }),
  [`PATCH ${TENANT}/applications/:id`]: () => ({ payload: { status: 'interviewing' } }),
  [`PATCH ${TENANT}/applications/:id/placement`]: () => ({ payload: { supervisorName: 'Crossed', hoursCompleted: 1 } }),
  [`PUT ${TENANT}/engagements/capacities/:organizationId/:year`]: () => ({ payload: { interns: 9, speakers: 9, externshipHosts: 9, mentors: 9 } }),
  [`PATCH ${TENANT}/engagements/requests/:id`]: () => ({ payload: { notes: 'Crossed' } }),
  [`POST ${TENANT}/engagements/requests/:id/broker`]: () => ({ payload: {} }),
  [`PATCH ${TENANT}/initiatives/:id`]: () => ({ payload: { status: 'planned' } }),
  [`POST ${TENANT}/initiatives/:id/stakeholders`]: async () => ({ payload: { personId: await priya(), raci: 'responsible' } }),
  [`PATCH ${TENANT}/initiatives/:id/stakeholders/:stakeholderId`]: () => ({ payload: { pointOfContact: true } }),
  [`POST ${TENANT}/initiatives/:id/tasks`]: () => ({ payload: { name: unique('Crossed Task'), startsOn: '2031-01-06', durationDays: 2 } }),
  [`PATCH ${TENANT}/initiatives/:id/tasks/:taskId`]: () => ({ payload: { progress: 50 } }),
  [`POST ${TENANT}/initiatives/:id/requirements`]: () => ({ payload: { kind: 'staffing', description: 'Crossed', quantity: 2 } }),
  [`PATCH ${TENANT}/initiatives/:id/requirements/:requirementId`]: () => ({ payload: { amountCents: 1 } }),
  [`POST ${TENANT}/initiatives/:id/costs`]: () => ({ payload: { category: 'boot_camp', description: 'Crossed', budgetCents: 1 } }),
  [`PATCH ${TENANT}/initiatives/:id/costs/:costId`]: () => ({ payload: { actualCents: 1 } }),
  [`PATCH ${TENANT}/pledges/:id`]: () => ({ payload: { status: 'received' } }),
  [`PATCH ${TENANT}/risks/:id`]: () => ({ payload: { status: 'mitigating' } }),
  [`PATCH ${TENANT}/strategy-sessions/:id`]: () => ({ payload: { notes: 'Crossed' } }),
  [`POST ${TENANT}/strategy-sessions/:id/priorities`]: () => ({ payload: { kind: 'preparation_need', title: unique('Crossed') } }),
  [`PATCH ${TENANT}/strategy-sessions/:id/priorities/:priorityId`]: () => ({ payload: { details: 'Crossed' } }),
  [`PUT ${TENANT}/strategy-sessions/:id/ballot`]: async () => ({ payload: { initiativeIds: [await newInitiative()] } }),
  [`PATCH ${TENANT}/meetings/:id`]: () => ({ payload: { minutes: 'Crossed' } }),
  [`PUT ${TENANT}/meetings/:id/rsvp`]: () => ({ payload: { rsvp: 'yes' } }),
  [`POST ${TENANT}/meetings/:id/attendance`]: async () => ({ payload: { personId: await priya() } }),
  [`POST ${TENANT}/meetings/:id/agenda-items`]: () => ({ payload: { title: 'Crossed' } }),
  [`PATCH ${TENANT}/meetings/:id/agenda-items/:itemId`]: () => ({ payload: { status: 'accepted' } }),
  [`POST ${TENANT}/meetings/:id/action-items`]: async () => ({ payload: { title: 'Crossed', ownerId: await priya(), dueOn: '2031-09-20' } }),
  [`PATCH ${TENANT}/meetings/:id/action-items/:itemId`]: () => ({ payload: { status: 'done' } }),
  [`POST ${TENANT}/meetings/:id/action-items/:itemId/task`]: async () => ({ payload: { initiativeId: await newInitiative() } }),
  [`PATCH ${TENANT}/announcements/:id`]: () => ({ payload: { subject: 'Crossed' } }),
  [`PATCH ${TENANT}/prospects/:id`]: () => ({ payload: { notes: 'Crossed' } }),
  [`POST ${TENANT}/prospects/:id/contacts`]: () => ({ payload: { name: 'Crossed Contact' } }),
  [`POST ${TENANT}/prospects/:id/activities`]: () => ({ payload: { occurredOn: '2026-11-02', kind: 'note', summary: 'Crossed' } }),
  [`POST ${TENANT}/coverage/seats/:seat/holders`]: async () => ({ payload: { personId: await priya() } }),
  [`PATCH ${TENANT}/commitments/:id`]: () => ({ payload: { description: 'Crossed' } }),
  [`PATCH ${TENANT}/documents/:id`]: () => ({ payload: { tags: ['crossed'] } }),
  [`POST ${TENANT}/documents/:id/versions`]: () => form({}),
  [`PUT ${TENANT}/roadmap/:ref`]: () => ({ payload: { status: 'in_progress' } }),
  [`POST ${TENANT}/recognition/rounds/:id/nominations`]: async () => ({ payload: { organizationId: await snap() } }),
  [`POST ${TENANT}/recognition/nominations/:id/decision`]: () => ({ payload: { decision: 'declined' } }),
};

/**
 * Params that name shared reference data rather than a coalition's record (a skill, an occupation, a
 * seat of the paper's structure, a year, an import kind): the same in every coalition, so the sweep
 * cannot expect a 404 for them; these routes answer the other coalition's own data instead.
 */
/**
 * Routes refused by role before any record is read, whatever the id (so a 403 reveals nothing):
 * separation of duties keeps the Coordinator, who runs a round, from endorsing it.
 */
const ROLE_FIRST = new Map([[`POST ${TENANT}/recognition/rounds/:id/endorse`, 403]]);

const REFERENCE_ROUTES = new Set([
  `GET ${TENANT}/labor-market/occupations/:soc`,
  `GET ${TENANT}/alignment/skills/:skillId`,
  `GET ${TENANT}/alignment/occupations/:soc`,
  `POST ${TENANT}/coverage/seats/:seat/holders`,
  `PUT ${TENANT}/roadmap/:ref`,
  `POST ${TENANT}/imports/:kind`,
]);

/** The collection a route belongs to: the static segments before its last parameter. */
function collectionOf(url: string): string | null {
  const tenant = url.startsWith(`${TENANT}/`);
  const rest = tenant ? url.slice(TENANT.length + 1) : url.startsWith(`${V1}/`) ? url.slice(V1.length + 1) : null;
  if (rest === null) return null;
  const segments = rest.split('/');
  const last = segments.map((s) => s.startsWith(':')).lastIndexOf(true);
  if (last < 0) return null;
  const name = segments.slice(0, last).filter((s) => !s.startsWith(':')).join('/');
  return tenant ? name : `/${name}`;
}

async function notificationFor(who: Session): Promise<string> {
  const { notify } = await import('./notifications/notifications.js');
  const { notifications } = await import('./notifications/notifications.table.js');
  const { desc, eq } = await import('drizzle-orm');
  const membership = await meOf(who);
  await notify(t.database.db, membership.coalitionId, [membership.personId], { kind: 'object.test', payload: {} });
  const [row] = await t.database.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.personId, membership.personId)).orderBy(desc(notifications.createdAt)).limit(1);
  return row!.id;
}

let registered: RegisteredRoute[] = [];
const byCollection = new Map<string, RegisteredRoute[]>();

beforeAll(async () => {
  const recording = recordRoutes();
  try {
    t = await createTestApp();
  } finally {
    recording.stop();
  }
  registered = distinctRoutes(recording.routes).filter((r) => r.url.startsWith(`${V1}/`));
  for (const route of registered) {
    const name = collectionOf(route.url);
    if (name === null) continue;
    byCollection.set(name, [...(byCollection.get(name) ?? []), route]);
  }
  as.coordinator = await t.signIn(demo.coordinator);
  as.employer = await t.signIn(demo.employer);
  as.educator = await t.signIn(demo.educator);
  as.student = await t.signIn(demo.student);
  // The Coordinator of another coalition, holding every role there.
  as.outsider = await t.signUp('Olivia Outsider', 'olivia.object@example.org');
  expect((await call(as.outsider, 'POST', `${V1}/coalitions`, { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' })).statusCode).toBe(201);
  const me = (await call(as.outsider, 'GET', `${V1}/auth/me`)).json().coalitions.find((c: { slug: string }) => c.slug === 'bay-tech');
  const everyRole = await call(as.outsider, 'PATCH', `${V1}/coalitions/bay-tech/people/${me.personId}`, { roles: [...roles] });
  expect(everyRole.statusCode, everyRole.body).toBe(200);
});
afterAll(() => t?.close());

describe('object-level access', () => {
  it('has an entry for every collection the app serves, and none for collections it does not', () => {
    expect(byCollection.size).toBeGreaterThan(20);
    const missing = [...byCollection.keys()].filter((name) => !(name in COLLECTIONS)).sort();
    const stale = Object.keys(COLLECTIONS)
      .filter((name) => !byCollection.has(name))
      .sort();
    expect(missing, 'collections without object-level cases: add an entry to COLLECTIONS').toEqual([]);
    expect(stale, 'entries for collections the app does not serve').toEqual([]);
    for (const [name, entry] of Object.entries(COLLECTIONS)) {
      expect(Boolean(entry.cases) || Boolean(entry.roleOnly), `${name}: object-level cases, or why the role alone decides`).toBe(true);
      expect(Boolean(entry.record) || Boolean(entry.noSweep), `${name}: a la-tech record for the sweep, or why it does not apply`).toBe(true);
    }
  });

  describe("another coalition's Coordinator, holding every role there, reaches no la-tech record through their own coalition", () => {
    for (const [name, entry] of Object.entries(COLLECTIONS)) {
      if (!entry.record) continue;
      it(name, async () => {
        const routes = byCollection.get(name) ?? [];
        expect(routes.length, `${name} has routes`).toBeGreaterThan(0);
        const mismatches: string[] = [];
        for (const route of routes) {
          const key = routeKey(route);
          if (REFERENCE_ROUTES.has(key)) continue;
          const params: Record<string, string> = { ...(await entry.record!()), slug: 'la-tech' };
          const fill = (slug: string) =>
            route.url.replace(/:(\w+)/g, (_, p: string) => {
              const value = p === 'slug' ? slug : params[p];
              if (value === undefined) throw new Error(`${key}: the ${name} fixture gives no :${p}`);
              return encodeURIComponent(value);
            });
          // What the la-tech Coordinator reads of this record, before and after (when the route reads).
          const readRoute = routes.find((r) => r.method === 'GET' && !r.url.endsWith('.pdf') && !r.url.endsWith('.ics') && !r.url.endsWith('/file') && !r.url.endsWith('/export') && r.url.split(':').length <= route.url.split(':').length);
          const readUrl = readRoute ? readRoute.url.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(p === 'slug' ? 'la-tech' : (params[p] ?? ''))) : null;
          const before = readUrl ? (await call(as.coordinator, 'GET', readUrl)).body : null;
          const body = route.method === 'GET' || route.method === 'DELETE' ? {} : await (BODIES[key]?.() ?? {});
          const res = await call(as.outsider, route.method as InjectOptions['method'], fill('bay-tech'), body.payload, body.headers);
          const want = ROLE_FIRST.get(key) ?? 404;
          if (res.statusCode !== want) mismatches.push(`${key}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}${BODIES[key] || route.method === 'GET' || route.method === 'DELETE' ? '' : ' (no body in BODIES)'}`);
          else if (!isProblem(res)) mismatches.push(`${key}: ${want} is not problem+json`);
          if (readUrl && before !== null) {
            const after = (await call(as.coordinator, 'GET', readUrl)).body;
            if (stable(after) !== stable(before) && !volatile(readUrl)) mismatches.push(`${key}: the la-tech record changed (${readUrl})`);
          }
        }
        expect(mismatches).toEqual([]);
      });
    }
  });

  describe('inside la-tech, a record with an owner is refused to everyone else', () => {
    for (const [name, entry] of Object.entries(COLLECTIONS)) {
      for (const [title, run] of Object.entries(entry.cases ?? {})) it(`${name}: ${title}`, run);
    }
  });
});

const isProblem = (res: LightMyRequestResponse) => String(res.headers['content-type']).startsWith('application/problem+json');
/** Reads that change with time whatever anyone does (a student's access log records each view). */
const volatile = (url: string) => url.endsWith('/access-log');
