import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coalitions as coalitionsTable, invitations as invitationsTable } from '../../db/schema.js';
import { createTestApp, demo, TEST_PASSWORD, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let student: Session;
let employer: Session;
let outsider: Session;
const la = '/api/v1/coalitions/la-tech';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  student = await t.signIn(demo.student);
  employer = await t.signIn(demo.employer);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  const created = await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  expect(created.statusCode).toBe(201);
});
afterAll(() => t?.close());

const paths = (res: LightMyRequestResponse) => (res.json().errors ?? []).map((e: { path: string }) => e.path);
const countCoalitions = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(coalitionsTable))[0]!.n;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coalitions', () => {
  it('lets anyone signed in start one and become its Coordinator', async () => {
    const founder = await t.signUp('Fiona Founder', 'fiona@example.org');
    const res = await t.request({ method: 'POST', url: '/api/v1/coalitions', as: founder, payload: { slug: 'Sd-Tech', name: 'San Diego Tech', region: 'San Diego County' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ slug: 'sd-tech', name: 'San Diego Tech', region: 'San Diego County', timeZone: 'America/Los_Angeles', mission: null });
    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: founder })).json();
    expect(me.coalitions).toEqual([expect.objectContaining({ slug: 'sd-tech', roles: ['coordinator'] })]);
    // …and may do what a Coordinator does there.
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions/sd-tech/audit-log', as: founder })).statusCode).toBe(200);
  });

  it('validates the slug and writes nothing when it is bad', async () => {
    const before = await countCoalitions();
    for (const slug of ['-bad--slug-', 'no spaces', 'ab', 'ünïcode']) {
      const res = await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug, name: 'Bad', region: 'Nowhere' } });
      expect(res.statusCode, slug).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(paths(res)).toEqual(['slug']);
    }
    expect(await countCoalitions()).toBe(before);
  });

  it('refuses a slug that is taken, whatever its case', async () => {
    const before = await countCoalitions();
    for (const slug of ['la-tech', 'LA-Tech']) {
      const res = await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug, name: 'Copycat', region: 'LA' } });
      expect(res.statusCode).toBe(409);
      expect(paths(res)).toEqual(['slug']);
    }
    expect(await countCoalitions()).toBe(before);
    const [laTech] = await t.database.db.select().from(coalitionsTable).where(eq(coalitionsTable.slug, 'la-tech'));
    expect(laTech!.name).toBe('Los Angeles Tech Talent Coalition');
  });

  it('refuses the anonymous', async () => {
    const before = await countCoalitions();
    const res = await t.request({ method: 'POST', url: '/api/v1/coalitions', payload: { slug: 'anon-tech', name: 'Anon', region: 'Nowhere' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: la })).statusCode).toBe(401);
    expect(await countCoalitions()).toBe(before);
  });

  it('lists only the coalitions I belong to', async () => {
    const mine = await t.request({ method: 'GET', url: '/api/v1/coalitions', as: coordinator });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((c: { slug: string }) => c.slug)).toEqual(['la-tech']);
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions', as: outsider })).json().items.map((c: { slug: string }) => c.slug)).toEqual(['bay-tech']);
    const newcomer = await t.signUp('Nina Nobody', 'nina@example.org');
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions', as: newcomer })).json().items).toEqual([]);
  });

  it('lets the Coordinator edit the settings, audited', async () => {
    const mission = 'Prepare every LA student for a tech career.';
    const res = await t.request({ method: 'PATCH', url: la, as: coordinator, payload: { mission, region: 'Los Angeles County' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug: 'la-tech', mission, region: 'Los Angeles County' });
    expect((await t.request({ method: 'GET', url: la, as: student })).json()).toMatchObject({ mission, region: 'Los Angeles County' });
    const audit = (await t.request({ method: 'GET', url: `${la}/audit-log?entityType=coalition`, as: coordinator })).json().items;
    expect(audit[0]).toMatchObject({ action: 'update', entityType: 'coalition', actorUserId: coordinator.userId, actorName: 'Maya Chen' });
    expect(audit[0].changes).toMatchObject({ mission: { to: mission }, region: { from: 'Los Angeles County, California', to: 'Los Angeles County' } });
  });

  it('refuses settings edits by a student or an employer', async () => {
    const before = (await t.request({ method: 'GET', url: la, as: coordinator })).json();
    for (const who of [student, employer]) {
      const res = await t.request({ method: 'PATCH', url: la, as: who, payload: { name: 'Hijacked' } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
    }
    expect((await t.request({ method: 'GET', url: la, as: coordinator })).json()).toEqual(before);
  });

  it("answers 404 for another coalition, never 403, exactly like one that does not exist", async () => {
    const bay = '/api/v1/coalitions/bay-tech';
    const read = await t.request({ method: 'GET', url: bay, as: coordinator });
    const missing = await t.request({ method: 'GET', url: '/api/v1/coalitions/no-such-coalition', as: coordinator });
    expect(read.statusCode).toBe(404);
    expect(read.json()).toEqual(missing.json());
    expect((await t.request({ method: 'PATCH', url: bay, as: coordinator, payload: { name: 'Taken over' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${bay}/invitations`, as: coordinator })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `${bay}/invitations`, as: coordinator, payload: { email: 'x@example.org', roles: ['member'] } })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${bay}/audit-log`, as: coordinator })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${bay}/outbox`, as: coordinator })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: bay, as: outsider })).json().name).toBe('Bay Area Tech');
  });
});

describe('invitations', () => {
  const invite = (payload: object, as: Session = coordinator) => t.request({ method: 'POST', url: `${la}/invitations`, as, payload });
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { origin: 'http://localhost:80', host: 'localhost:80' }, ...(payload ? { payload } : {}) });
  const preview = (token: string) => anonymous('GET', `/api/v1/invitations/${token}`);

  async function tokenMailedTo(email: string): Promise<string> {
    const outbox = await t.request({ method: 'GET', url: `${la}/outbox?limit=200`, as: coordinator });
    expect(outbox.statusCode).toBe(200);
    const mail = outbox.json().items.find((m: { toAddress: string }) => m.toAddress === email);
    expect(mail).toMatchObject({ kind: 'invitation', status: 'outbox' });
    const match = /\/invite\?token=([A-Za-z0-9_-]+)/.exec(mail.textBody);
    expect(match).not.toBeNull();
    return match![1]!;
  }

  it('mails an invitation that a new person accepts by creating an account', async () => {
    const created = await invite({ email: 'Nadia@Example.org', name: 'Nadia Newhire', roles: ['member', 'champion'] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'nadia@example.org', name: 'Nadia Newhire', roles: ['member', 'champion'], acceptedAt: null });
    const listed = (await t.request({ method: 'GET', url: `${la}/invitations`, as: coordinator })).json().items;
    expect(listed.map((i: { id: string }) => i.id)).toContain(created.json().id);

    const token = await tokenMailedTo('nadia@example.org');
    const shown = await preview(token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      coalitionName: 'Los Angeles Tech Talent Coalition',
      coalitionSlug: 'la-tech',
      email: 'nadia@example.org',
      name: 'Nadia Newhire',
      roles: ['member', 'champion'],
      accountExists: false,
    });

    const accepted = await anonymous('POST', '/api/v1/invitations/accept', { token, name: 'Nadia N. Newhire', password: TEST_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email: 'nadia@example.org', name: 'Nadia N. Newhire' });
    expect(accepted.json().coalitions).toEqual([expect.objectContaining({ slug: 'la-tech', roles: ['member', 'champion'] })]);
    const cookie = accepted.cookies.find((c) => c.name === 'tb_session');
    expect(cookie?.httpOnly).toBe(true);
    const session: Session = { cookie: `tb_session=${cookie!.value}`, userId: accepted.json().user.id };
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', as: session });
    expect(me.json().coalitions[0]).toMatchObject({ slug: 'la-tech', roles: ['member', 'champion'] });
    // The new account signs in with the password it chose, and is a member: it reads the coalition.
    expect((await t.signIn('nadia@example.org', TEST_PASSWORD)).userId).toBe(session.userId);
    expect((await t.request({ method: 'GET', url: la, as: session })).statusCode).toBe(200);

    // Single use.
    expect((await anonymous('POST', '/api/v1/invitations/accept', { token, name: 'Again', password: TEST_PASSWORD })).statusCode).toBe(404);
    expect((await preview(token)).statusCode).toBe(404);
    const audit = (await t.request({ method: 'GET', url: `${la}/audit-log?entityType=invitation&entityId=${created.json().id}`, as: coordinator })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['accept', 'create']);
  });

  it('keeps the outbox for the Coordinator', async () => {
    expect((await t.request({ method: 'GET', url: `${la}/outbox`, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${la}/outbox`, as: employer })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${la}/invitations`, as: student })).statusCode).toBe(403);
    const res = await invite({ email: 'sneaky@example.org', roles: ['coordinator'] }, student);
    expect(res.statusCode).toBe(403);
    const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(invitationsTable).where(eq(invitationsTable.email, 'sneaky@example.org'));
    expect(row!.n).toBe(0);
  });

  it('refuses an expired invitation', async () => {
    const { id } = (await invite({ email: 'late@example.org', roles: ['member'] })).json();
    const token = await tokenMailedTo('late@example.org');
    expect((await preview(token)).statusCode).toBe(200);
    await t.database.db.update(invitationsTable).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitationsTable.id, id));
    expect((await preview(token)).statusCode).toBe(404);
    const res = await anonymous('POST', '/api/v1/invitations/accept', { token, name: 'Late Larry', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'late@example.org', password: TEST_PASSWORD } })).statusCode).toBe(401);
  });

  it('refuses acceptance by a signed-in account with another e-mail, leaving the link usable', async () => {
    await invite({ email: 'intended@example.org', roles: ['volunteer'] });
    const token = await tokenMailedTo('intended@example.org');
    const res = await t.request({ method: 'POST', url: '/api/v1/invitations/accept', as: outsider, payload: { token } });
    expect(res.statusCode).toBe(403);
    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: outsider })).json();
    expect(me.coalitions.map((c: { slug: string }) => c.slug)).toEqual(['bay-tech']);
    expect((await preview(token)).statusCode).toBe(200);
  });

  it('lets an existing account accept while signed in', async () => {
    const existing = await t.signUp('Eve Existing', 'eve@example.org');
    await invite({ email: 'eve@example.org', roles: ['facilitator'] });
    const token = await tokenMailedTo('eve@example.org');
    expect((await preview(token)).json().accountExists).toBe(true);
    const res = await t.request({ method: 'POST', url: '/api/v1/invitations/accept', as: existing, payload: { token } });
    expect(res.statusCode).toBe(200);
    expect(res.json().coalitions).toEqual([expect.objectContaining({ slug: 'la-tech', roles: ['facilitator'] })]);
  });

  it('refuses to invite an existing member', async () => {
    for (const email of [demo.student, 'Student@LA-Tech.demo']) {
      const res = await invite({ email, roles: ['member'] });
      expect(res.statusCode).toBe(409);
      expect(paths(res)).toEqual(['email']);
    }
    const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(invitationsTable).where(eq(invitationsTable.email, demo.student));
    expect(row!.n).toBe(0);
  });

  it('revokes an invitation, killing its link', async () => {
    const { id } = (await invite({ email: 'withdrawn@example.org', roles: ['member'] })).json();
    const token = await tokenMailedTo('withdrawn@example.org');
    expect((await preview(token)).statusCode).toBe(200);
    expect((await t.request({ method: 'DELETE', url: `${la}/invitations/${id}`, as: student })).statusCode).toBe(403);
    expect((await preview(token)).statusCode).toBe(200);
    expect((await t.request({ method: 'DELETE', url: `${la}/invitations/${id}`, as: coordinator })).statusCode).toBe(204);
    expect((await preview(token)).statusCode).toBe(404);
    expect((await anonymous('POST', '/api/v1/invitations/accept', { token, name: 'Wanda', password: TEST_PASSWORD })).statusCode).toBe(404);
    const listed = (await t.request({ method: 'GET', url: `${la}/invitations`, as: coordinator })).json().items;
    expect(listed.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await t.request({ method: 'DELETE', url: `${la}/invitations/${id}`, as: coordinator })).statusCode).toBe(404);
  });
});

describe('audit log', () => {
  it('is for the Coordinator only', async () => {
    for (const who of [student, employer]) {
      const res = await t.request({ method: 'GET', url: `${la}/audit-log`, as: who });
      expect(res.statusCode).toBe(403);
    }
  });

  it('lists the writes newest first, page by page', async () => {
    const auditor = await t.signUp('Arthur Audit', 'arthur@example.org');
    expect((await t.request({ method: 'POST', url: '/api/v1/coalitions', as: auditor, payload: { slug: 'audit-co', name: 'Name 0', region: 'Here' } })).statusCode).toBe(201);
    for (let i = 1; i <= 4; i++) {
      await sleep(5); // distinct timestamps, so "newest first" is unambiguous
      expect((await t.request({ method: 'PATCH', url: '/api/v1/coalitions/audit-co', as: auditor, payload: { name: `Name ${i}` } })).statusCode).toBe(200);
    }
    const seen: { id: string; at: string; action: string; changes: { name: unknown } }[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/coalitions/audit-co/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.request({ method: 'GET', url, as: auditor });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      pageSizes.push(page.items.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && pageSizes.length < 10);
    expect(pageSizes).toEqual([2, 2, 1]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(5);
    expect(seen.map((e) => e.action)).toEqual(['update', 'update', 'update', 'update', 'create']);
    expect(seen.map((e) => e.changes.name)).toEqual([
      { from: 'Name 3', to: 'Name 4' },
      { from: 'Name 2', to: 'Name 3' },
      { from: 'Name 1', to: 'Name 2' },
      { from: 'Name 0', to: 'Name 1' },
      'Name 0',
    ]);
    const times = seen.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A bad cursor is a 400, not a crash.
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions/audit-co/audit-log?cursor=garbage', as: auditor })).statusCode).toBe(400);
  });
});
