import { desc, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, passwordResets, users } from '../../db/schema.js';
import { createTestApp, demo, TEST_PASSWORD, type Session, type TestApp } from '../../test/harness.js';
import { DEMO_PASSWORD } from '../../seed/la-tech.data.js';
import { sha256 } from './secrets.js';

const auth = '/api/v1/auth';
const FOREIGN = 'https://evil.example';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

function sessionOf(response: LightMyRequestResponse): Session {
  const cookie = response.cookies.find((c) => c.name === 'tb_session');
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode})`);
  return { cookie: `tb_session=${cookie.value}`, userId: response.json().user.id };
}

const me = (session: Session) => t.request({ method: 'GET', url: `${auth}/me`, as: session });
const signInRaw = (email: string, password: string, extra: { remoteAddress?: string; as?: Session } = {}) =>
  t.request({ method: 'POST', url: `${auth}/sign-in`, payload: { email, password }, ...extra });

/** Fixed-window rate limits: make sure the next `neededMs` do not straddle a window boundary. */
async function clearOfWindowEdge(windowSeconds: number, neededMs: number) {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < neededMs) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

/** Password reset mail sent to an address, newest first. */
const resetMailsTo = (email: string) =>
  t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email)).orderBy(desc(mailMessages.createdAt));

function tokenFromLink(text: string): string {
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no reset link in:\n${text}`);
  return match[1]!;
}

describe('sign-up', () => {
  it('creates an account and signs it in with a safe cookie', async () => {
    const res = await t.request({ method: 'POST', url: `${auth}/sign-up`, payload: { name: 'Ada Lovelace', email: 'Ada@Example.org', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ user: { name: 'Ada Lovelace', email: 'ada@example.org' }, coalitions: [] });
    const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('tb_session='));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(setCookie).not.toMatch(/;\s*Secure/i);
    const session = sessionOf(res);
    const who = await me(session);
    expect(who.statusCode).toBe(200);
    expect(who.json().user).toEqual({ id: session.userId, name: 'Ada Lovelace', email: 'ada@example.org' });
  });

  it('refuses a password under 12 characters, naming the field', async () => {
    const res = await t.request({ method: 'POST', url: `${auth}/sign-up`, payload: { name: 'Short Pw', email: 'short@example.org', password: 'elevenchars' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['password']);
    const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.email, 'short@example.org'));
    expect(row!.n).toBe(0);
  });

  it('refuses an e-mail that already has an account, whatever its case', async () => {
    const res = await t.request({ method: 'POST', url: `${auth}/sign-up`, payload: { name: 'Maya Again', email: 'Coordinator@LA-Tech.demo', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ status: 409, code: 'conflict' });
    // The original account still signs in with its own password.
    expect((await signInRaw(demo.coordinator, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('is closed with SIGN_UP=invite', async () => {
    const closed = await createTestApp({ env: { SIGN_UP: 'invite' }, seed: false });
    try {
      const res = await closed.request({ method: 'POST', url: `${auth}/sign-up`, payload: { name: 'Ivy Invite', email: 'ivy@example.org', password: TEST_PASSWORD } });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.cookies.find((c) => c.name === 'tb_session')).toBeUndefined();
      const [row] = await closed.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
      expect(row!.n).toBe(0);
      expect((await closed.request({ method: 'GET', url: `${auth}/config` })).json()).toMatchObject({ signUpOpen: false });
    } finally {
      await closed.close();
    }
  });
});

describe('sign-in', () => {
  it('answers me with the coalitions and roles', async () => {
    const res = await signInRaw(demo.coordinator, DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: demo.coordinator, name: 'Maya Chen' });
    expect(body.coalitions).toHaveLength(1);
    expect(body.coalitions[0]).toMatchObject({ slug: 'la-tech', name: 'Los Angeles Tech Talent Coalition', personId: expect.any(String) });
    expect([...body.coalitions[0].roles].sort()).toEqual(['coordinator', 'leadership_council']);
    const who = await me(sessionOf(res));
    expect(who.statusCode).toBe(200);
    expect(who.json()).toEqual(body);
  });

  it('refuses a wrong password and an unknown account with the same 401 problem', async () => {
    const wrong = await signInRaw(demo.coordinator, 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.cookies.find((c) => c.name === 'tb_session')).toBeUndefined();
    const unknown = await signInRaw('nobody@example.org', 'not-the-password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json()).toMatchObject({ status: 401, code: 'unauthenticated', detail: expect.any(String) });
  });

  it('rotates the session: signing in again with an old cookie replaces it', async () => {
    const first = await t.signIn(demo.employer);
    expect((await me(first)).statusCode).toBe(200);
    const again = await signInRaw(demo.employer, DEMO_PASSWORD, { as: first });
    expect(again.statusCode).toBe(200);
    const second = sessionOf(again);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('sign-out destroys the session on the server', async () => {
    const session = await t.signIn(demo.educator);
    const other = await t.signIn(demo.educator);
    const res = await t.request({ method: 'POST', url: `${auth}/sign-out`, as: session });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'tb_session');
    expect(cleared?.value ?? '').toBe('');
    // A client that kept the cookie anyway is no longer signed in…
    const after = await me(session);
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    // …while the same person's other device is untouched.
    expect((await me(other)).statusCode).toBe(200);
  });
});

describe('sign-in back-off', () => {
  /** Pretends the account's last failure happened `ms` ago (the back-off is measured from it). */
  const ageLastFailure = (email: string, ms: number) =>
    t.database.db.execute(sql`update sign_in_failures set last_failed_at = now() - make_interval(secs => ${ms / 1000}) where account_key = ${`signin:account:${email}`}`);

  it('lets the first five failures through, then makes each attempt wait twice as long, with Retry-After', async () => {
    await t.signUp('Rae Limit', 'rae@example.org');
    const remoteAddress = '203.0.113.11';
    for (let i = 1; i <= 5; i++) {
      expect((await signInRaw('rae@example.org', `wrong-password-${i}`, { remoteAddress })).statusCode).toBe(401);
    }
    // 5 failures: the next attempt must wait 1 s.
    const limited = await signInRaw('rae@example.org', 'wrong-password-6', { remoteAddress });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBe(1);
    // Even the right password waits, from another address too: the back-off is per account.
    expect((await signInRaw('rae@example.org', TEST_PASSWORD, { remoteAddress: '203.0.113.12' })).statusCode).toBe(429);
    // Another account from the first address is not affected.
    expect((await signInRaw(demo.government, DEMO_PASSWORD, { remoteAddress })).statusCode).toBe(200);

    // Once the wait has passed, one more failure doubles it: 2 s, then 4 s.
    await ageLastFailure('rae@example.org', 1500);
    expect((await signInRaw('rae@example.org', 'wrong-password-7', { remoteAddress })).statusCode).toBe(401);
    expect(Number((await signInRaw('rae@example.org', 'x-wrong', { remoteAddress })).headers['retry-after'])).toBe(2);
    await ageLastFailure('rae@example.org', 2500);
    expect((await signInRaw('rae@example.org', 'wrong-password-8', { remoteAddress })).statusCode).toBe(401);
    expect(Number((await signInRaw('rae@example.org', 'x-wrong', { remoteAddress })).headers['retry-after'])).toBe(4);
    // The rejected attempts during a wait are not counted as failures.
    const [row] = (await t.database.db.execute<{ failures: number }>(sql`select failures from sign_in_failures where account_key = 'signin:account:rae@example.org'`)).rows;
    expect(Number(row!.failures)).toBe(7);
    // After the wait the right password signs in and clears the count.
    await ageLastFailure('rae@example.org', 4500);
    expect((await signInRaw('rae@example.org', TEST_PASSWORD, { remoteAddress })).statusCode).toBe(200);
    const left = (await t.database.db.execute(sql`select 1 from sign_in_failures where account_key = 'signin:account:rae@example.org'`)).rows;
    expect(left).toHaveLength(0);
  });

  it('caps the wait at 15 minutes and forgets failures after a day, so an account is never locked for good', async () => {
    await t.signUp('Cap Limit', 'cap@example.org');
    await t.database.db.execute(sql`insert into sign_in_failures (account_key, failures, last_failed_at) values ('signin:account:cap@example.org', 40, now())`);
    const capped = await signInRaw('cap@example.org', TEST_PASSWORD, { remoteAddress: '203.0.113.31' });
    expect(capped.statusCode).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(capped.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    await ageLastFailure('cap@example.org', 15 * 60 * 1000 + 1000);
    expect((await signInRaw('cap@example.org', TEST_PASSWORD, { remoteAddress: '203.0.113.31' })).statusCode).toBe(200);
    // Failures older than a day start again from one.
    await t.database.db.execute(sql`insert into sign_in_failures (account_key, failures, last_failed_at) values ('signin:account:cap@example.org', 40, now() - interval '25 hours')`);
    expect((await signInRaw('cap@example.org', 'wrong-once-more', { remoteAddress: '203.0.113.31' })).statusCode).toBe(401);
    const [row] = (await t.database.db.execute<{ failures: number }>(sql`select failures from sign_in_failures where account_key = 'signin:account:cap@example.org'`)).rows;
    expect(Number(row!.failures)).toBe(1);
  });

  it('a completed password reset clears the back-off: the owner of the mailbox is never locked out', async () => {
    const email = 'lockout-trap@example.org';
    await t.signUp('Lou Trap', email);
    await t.database.db.execute(sql`insert into sign_in_failures (account_key, failures, last_failed_at) values (${`signin:account:${email}`}, 30, now())`);
    expect((await signInRaw(email, TEST_PASSWORD)).statusCode).toBe(429);
    await t.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email } });
    const token = tokenFromLink((await resetMailsTo(email))[0]!.textBody);
    expect((await t.request({ method: 'POST', url: `${auth}/password-reset/complete`, payload: { token, password: 'trap-escaped-passphrase' } })).statusCode).toBe(200);
    expect((await signInRaw(email, 'trap-escaped-passphrase')).statusCode).toBe(200);
  });

  it('limits one address to 50 attempts in 15 minutes, across accounts', async () => {
    await clearOfWindowEdge(15 * 60, 20_000);
    const remoteAddress = '203.0.113.41';
    for (let i = 1; i <= 50; i++) {
      expect((await signInRaw(`spray-${i}@example.org`, 'wrong-password', { remoteAddress })).statusCode).toBe(401);
    }
    const limited = await signInRaw('spray-51@example.org', 'wrong-password', { remoteAddress });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signInRaw(demo.government, DEMO_PASSWORD, { remoteAddress: '203.0.113.42' })).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  it('always answers 202, and mails only an existing account', async () => {
    const unknown = await t.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email: 'ghost@example.org' } });
    expect(unknown.statusCode).toBe(202);
    expect(await resetMailsTo('ghost@example.org')).toEqual([]);
    await t.signUp('Paula Known', 'paula@example.org');
    const known = await t.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email: 'paula@example.org' } });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const mails = await resetMailsTo('paula@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'password_reset', coalitionId: null, status: 'outbox' });
    expect(mails[0]!.textBody).toContain('http://localhost:80/reset-password?token=');
  });

  it('sets a new password with the e-mailed link, signing out every device', async () => {
    const email = 'rita@example.org';
    const newPassword = 'a-brand-new-passphrase';
    const device1 = await t.signUp('Rita Reset', email);
    const device2 = await t.signIn(email, TEST_PASSWORD);
    expect((await t.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email } })).statusCode).toBe(202);
    const [mail] = await resetMailsTo(email);
    const token = tokenFromLink(mail!.textBody);

    const done = await t.request({ method: 'POST', url: `${auth}/password-reset/complete`, payload: { token, password: newPassword } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ ok: true });
    expect((await me(device1)).statusCode).toBe(401);
    expect((await me(device2)).statusCode).toBe(401);
    expect((await signInRaw(email, newPassword)).statusCode).toBe(200);
    expect((await signInRaw(email, TEST_PASSWORD)).statusCode).toBe(401);

    const again = await t.request({ method: 'POST', url: `${auth}/password-reset/complete`, payload: { token, password: 'yet-another-passphrase' } });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors.map((e: { path: string }) => e.path)).toEqual(['token']);
    expect((await signInRaw(email, newPassword)).statusCode).toBe(200);
  });

  it('refuses an expired link', async () => {
    const email = 'ezra@example.org';
    await t.signUp('Ezra Expired', email);
    await t.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email } });
    const token = tokenFromLink((await resetMailsTo(email))[0]!.textBody);
    const updated = await t.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.tokenHash, sha256(token)))
      .returning({ userId: passwordResets.userId });
    expect(updated).toHaveLength(1);
    const res = await t.request({ method: 'POST', url: `${auth}/password-reset/complete`, payload: { token, password: 'too-late-passphrase' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['token']);
    expect((await signInRaw(email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await signInRaw(email, 'too-late-passphrase')).statusCode).toBe(401);
  });
});

describe('personal API tokens', () => {
  const bearer = (token: string, options: { method?: 'GET' | 'POST'; url?: string; payload?: object; origin?: string } = {}) =>
    t.app.inject({
      method: options.method ?? 'GET',
      url: options.url ?? `${auth}/me`,
      headers: { authorization: `Bearer ${token}`, ...(options.origin ? { origin: options.origin } : {}) },
      ...(options.payload ? { payload: options.payload } : {}),
    });

  let owner: Session;
  let intruder: Session;
  beforeAll(async () => {
    owner = await t.signUp('Tom Token', 'tom@example.org');
    intruder = await t.signUp('Ivan Intruder', 'ivan@example.org');
  });

  it('shows the secret once, never in the list, and authenticates machine clients', async () => {
    const created = await t.request({ method: 'POST', url: `${auth}/tokens`, as: owner, payload: { name: 'ATS sync' } });
    expect(created.statusCode).toBe(201);
    const { id, token, prefix, lastUsedAt } = created.json();
    expect(token).toMatch(/^tb_[A-Za-z0-9_-]{20,}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(lastUsedAt).toBeNull();

    const list = await t.request({ method: 'GET', url: `${auth}/tokens`, as: owner });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ id, name: 'ATS sync', prefix, lastUsedAt: null, revokedAt: null });
    expect(list.json().items[0]).not.toHaveProperty('token');

    // No cookie, no Origin: a partner's integration.
    const res = await bearer(token);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: owner.userId, email: 'tom@example.org' });

    const used = (await t.request({ method: 'GET', url: `${auth}/tokens`, as: owner })).json().items[0];
    expect(used.lastUsedAt).toEqual(expect.any(String));
    expect(Math.abs(Date.parse(used.lastUsedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('stops working once revoked, and only its owner can revoke it', async () => {
    const { id, token } = (await t.request({ method: 'POST', url: `${auth}/tokens`, as: owner, payload: { name: 'SIS export' } })).json();
    expect((await bearer(token)).statusCode).toBe(200);

    const stolen = await t.request({ method: 'DELETE', url: `${auth}/tokens/${id}`, as: intruder });
    expect(stolen.statusCode).toBe(404);
    expect((await bearer(token)).statusCode).toBe(200);

    expect((await t.request({ method: 'DELETE', url: `${auth}/tokens/${id}`, as: owner })).statusCode).toBe(204);
    const refused = await bearer(token);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const listed = (await t.request({ method: 'GET', url: `${auth}/tokens`, as: owner })).json().items.find((i: { id: string }) => i.id === id);
    expect(listed.revokedAt).toEqual(expect.any(String));
    // Revoking twice finds nothing to revoke.
    expect((await t.request({ method: 'DELETE', url: `${auth}/tokens/${id}`, as: owner })).statusCode).toBe(404);
  });

  it('refuses a token that was never issued', async () => {
    expect((await bearer('tb_' + 'x'.repeat(43))).statusCode).toBe(401);
    expect((await bearer('not-a-token')).statusCode).toBe(401);
  });

  describe('origin check', () => {
    const countTokens = async (session: Session) => (await t.request({ method: 'GET', url: `${auth}/tokens`, as: session })).json().items.length;

    it('refuses a cookie-authenticated write from a foreign Origin', async () => {
      const before = await countTokens(owner);
      const res = await t.request({ method: 'POST', url: `${auth}/tokens`, as: owner, headers: { origin: FOREIGN }, payload: { name: 'csrf' } });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await countTokens(owner)).toBe(before);
      // The same request from our own origin is fine.
      expect((await t.request({ method: 'POST', url: `${auth}/tokens`, as: owner, payload: { name: 'same origin' } })).statusCode).toBe(201);
    });

    it('refuses a cross-site write that carries no Origin', async () => {
      const before = await countTokens(owner);
      const res = await t.app.inject({
        method: 'POST',
        url: `${auth}/tokens`,
        headers: { cookie: owner.cookie, 'sec-fetch-site': 'cross-site' },
        payload: { name: 'csrf' },
      });
      expect(res.statusCode).toBe(403);
      expect(await countTokens(owner)).toBe(before);
    });

    it('refuses sign-in from a foreign Origin', async () => {
      const res = await t.request({ method: 'POST', url: `${auth}/sign-in`, headers: { origin: FOREIGN }, payload: { email: demo.coordinator, password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(403);
      expect(res.cookies.find((c) => c.name === 'tb_session')).toBeUndefined();
    });

    it('lets a Bearer-authenticated write through from any origin', async () => {
      const { token } = (await t.request({ method: 'POST', url: `${auth}/tokens`, as: owner, payload: { name: 'machine' } })).json();
      const before = await countTokens(owner);
      const res = await bearer(token, { method: 'POST', url: `${auth}/tokens`, origin: FOREIGN, payload: { name: 'made by a machine', currentPassword: TEST_PASSWORD } });
      expect(res.statusCode).toBe(201);
      expect(await countTokens(owner)).toBe(before + 1);
    });
  });
});

describe('production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => prod?.close());

  it('refuses the demo accounts, though they exist', async () => {
    const [row] = await prod.database.db.select({ id: users.id }).from(users).where(eq(users.email, demo.coordinator));
    expect(row).toBeDefined();
    const res = await prod.request({ method: 'POST', url: `${auth}/sign-in`, payload: { email: demo.coordinator, password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(401);
    expect(res.cookies.find((c) => c.name === 'tb_session')).toBeUndefined();
    const upper = await prod.request({ method: 'POST', url: `${auth}/sign-in`, payload: { email: 'Coordinator@LA-TECH.demo', password: DEMO_PASSWORD } });
    expect(upper.statusCode).toBe(401);
  });

  it('still signs in ordinary accounts, with a Secure cookie', async () => {
    const up = await prod.request({ method: 'POST', url: `${auth}/sign-up`, payload: { name: 'Pat Prod', email: 'pat@example.org', password: TEST_PASSWORD } });
    expect(up.statusCode).toBe(201);
    const res = await prod.request({ method: 'POST', url: `${auth}/sign-in`, payload: { email: 'pat@example.org', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('tb_session='));
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
  });
});
