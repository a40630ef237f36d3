import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, TEST_PASSWORD, type Session, type TestApp } from '../test/harness.js';
import { distinctRoutes, recordRoutes, routeKey, type RegisteredRoute } from '../test/routes.js';
import { passwordResets } from './auth/accounts.table.js';
import { newSecret } from './auth/secrets.js';
import { createSession } from './auth/sessions.js';

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
