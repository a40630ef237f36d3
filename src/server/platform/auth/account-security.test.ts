import { desc, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, mailMessages, sessions, users } from '../../db/schema.js';
import { createTestApp, TEST_PASSWORD, type Session, type TestApp } from '../../test/harness.js';
import { weakPasswordReason } from './passwords.js';
import { REAUTH_WINDOW_MS } from './auth.service.js';

/** ASVS 5.0 L2, chapters V6 (authentication) and V7 (sessions): the account features beyond sign-in. */
const auth = '/api/v1/auth';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const me = (session: Session) => t.request({ method: 'GET', url: `${auth}/me`, as: session });
const bearer = (token: string, url = `${auth}/me`) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
const fieldsOf = (res: LightMyRequestResponse) => (res.json().errors ?? []).map((e: { path: string }) => e.path);
const mailsTo = (email: string) => t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email)).orderBy(desc(mailMessages.createdAt));
async function newToken(session: Session, name = 'integration'): Promise<string> {
  const res = await t.request({ method: 'POST', url: `${auth}/tokens`, as: session, payload: { name } });
  expect(res.statusCode).toBe(201);
  return res.json().token;
}
/** Makes a session look as if it signed in `ms` ago. */
const ageSession = (session: Session, ms: number) =>
  t.database.db.execute(sql`update sessions set created_at = now() - make_interval(secs => ${ms / 1000}) where user_id = ${session.userId}`);

describe('password rules', () => {
  it('refuses common passwords, padded or repeated ones, and the account e-mail; accepts long passphrases', () => {
    expect(weakPasswordReason('password1234')).toMatch(/common/);
    expect(weakPasswordReason('qwertyuiop123')).toMatch(/common/);
    expect(weakPasswordReason('Password!!!!2024')).toMatch(/common/);
    expect(weakPasswordReason('123456789012')).toMatch(/consecutive/);
    expect(weakPasswordReason('abcdefghijklmn')).toMatch(/consecutive/);
    expect(weakPasswordReason('987654321098')).toMatch(/consecutive/);
    expect(weakPasswordReason('aaaaaaaaaaaaaaaa')).toMatch(/repeats/);
    expect(weakPasswordReason('monkeymonkeymonkey')).toMatch(/common|repeats/);
    expect(weakPasswordReason('abcabcabcabc')).toMatch(/repeats/);
    expect(weakPasswordReason('talentbridge2025!')).toMatch(/common/);
    expect(weakPasswordReason('ada.lovelace@example.org', { email: 'ada.lovelace@example.org' })).toMatch(/e-mail/);
    expect(weakPasswordReason('short')).toMatch(/At least 12/);
    expect(weakPasswordReason('x'.repeat(257))).toMatch(/At most 256/);
    // Long passphrases, unicode and spaces are welcome; no composition rules.
    expect(weakPasswordReason(TEST_PASSWORD)).toBeNull();
    expect(weakPasswordReason('correct horse battery staple '.repeat(4).trim().slice(0, 128))).toBeNull();
    expect(weakPasswordReason('ñandú café 東京 passphrase')).toBeNull();
    expect(weakPasswordReason('all lowercase words here')).toBeNull();
  });

  it('the bundled list is the 10,000 most common passwords', async () => {
    const fs = await import('node:fs');
    const lines = fs.readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(10_000);
    expect(lines.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
  });

  it('sign-up refuses a common password with 422 naming the field and creates nothing', async () => {
    const res = await t.request({ method: 'POST', url: `${auth}/sign-up`, payload: { name: 'Common Pat', email: 'common@example.org', password: 'password123456' } });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['password']);
    const rows = await t.database.db.select().from(users).where(eq(users.email, 'common@example.org'));
    expect(rows).toHaveLength(0);
    // A 128-character passphrase is accepted.
    const long = 'a long passphrase that keeps going '.repeat(4).slice(0, 128);
    const ok = await t.request({ method: 'POST', url: `${auth}/sign-up`, payload: { name: 'Long Pat', email: 'long@example.org', password: long } });
    expect(ok.statusCode).toBe(201);
  });
});

describe('password change', () => {
  it('needs the current password, then ends every other session and revokes every API token', async () => {
    const email = 'change@example.org';
    const here = await t.signUp('Chang Change', email);
    const there = await t.signIn(email, TEST_PASSWORD);
    const token = await newToken(here);
    expect((await bearer(token)).statusCode).toBe(200);

    const wrong = await t.request({ method: 'POST', url: `${auth}/password`, as: here, payload: { currentPassword: 'not-my-password', newPassword: 'a-fresh-passphrase-1' } });
    expect(wrong.statusCode).toBe(422);
    expect(fieldsOf(wrong)).toEqual(['currentPassword']);
    const common = await t.request({ method: 'POST', url: `${auth}/password`, as: here, payload: { currentPassword: TEST_PASSWORD, newPassword: 'iloveyou123456' } });
    expect(common.statusCode).toBe(422);
    expect(fieldsOf(common)).toEqual(['newPassword']);
    expect((await me(there)).statusCode).toBe(200);

    const done = await t.request({ method: 'POST', url: `${auth}/password`, as: here, payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-fresh-passphrase-1' } });
    expect(done.statusCode).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(there)).statusCode).toBe(401);
    expect((await bearer(token)).statusCode).toBe(401);
    const [notice] = await mailsTo(email);
    expect(notice).toMatchObject({ kind: 'password_changed', coalitionId: null });
    expect((await t.request({ method: 'POST', url: `${auth}/sign-in`, payload: { email, password: 'a-fresh-passphrase-1' } })).statusCode).toBe(200);
  });

  it('wrong current passwords count towards the sign-in back-off', async () => {
    const email = 'guess@example.org';
    const session = await t.signUp('Gus Guess', email);
    for (let i = 0; i < 5; i++) {
      expect((await t.request({ method: 'POST', url: `${auth}/password`, as: session, payload: { currentPassword: `guess-${i}`, newPassword: 'a-fresh-passphrase-2' } })).statusCode).toBe(422);
    }
    const limited = await t.request({ method: 'POST', url: `${auth}/password`, as: session, payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-fresh-passphrase-2' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe('password reset', () => {
  it('revokes every API token as well as every session', async () => {
    const email = 'reset-tokens@example.org';
    const session = await t.signUp('Rex Reset', email);
    const token = await newToken(session);
    expect((await bearer(token)).statusCode).toBe(200);
    await t.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email } });
    const link = /token=([A-Za-z0-9_-]+)/.exec((await mailsTo(email))[0]!.textBody)![1]!;
    const done = await t.request({ method: 'POST', url: `${auth}/password-reset/complete`, payload: { token: link, password: 'reset-and-revoked-1' } });
    expect(done.statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    expect((await bearer(token)).statusCode).toBe(401);
    const [row] = await t.database.db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.userId, session.userId));
    expect(row!.revokedAt).toBeInstanceOf(Date);
  });

  it('refuses a common password for the new one, and leaves the link unused', async () => {
    const email = 'reset-common@example.org';
    await t.signUp('Rhea Reset', email);
    await t.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email } });
    const link = /token=([A-Za-z0-9_-]+)/.exec((await mailsTo(email))[0]!.textBody)![1]!;
    const weak = await t.request({ method: 'POST', url: `${auth}/password-reset/complete`, payload: { token: link, password: 'password1234567' } });
    expect(weak.statusCode).toBe(422);
    expect(fieldsOf(weak)).toEqual(['password']);
    const ok = await t.request({ method: 'POST', url: `${auth}/password-reset/complete`, payload: { token: link, password: 'a-better-passphrase' } });
    expect(ok.statusCode).toBe(200);
  });
});

describe('sign out everywhere else', () => {
  it('ends every other session of the account, keeps this one, and touches no other account', async () => {
    const email = 'everywhere@example.org';
    const a = await t.signUp('Eve Where', email);
    const b = await t.signIn(email, TEST_PASSWORD);
    const c = await t.signIn(email, TEST_PASSWORD);
    const other = await t.signUp('Otto Other', 'otto@example.org');
    const res = await t.request({ method: 'POST', url: `${auth}/sign-out-others`, as: b });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: 2 });
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(c)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(200);
    const left = await t.database.db.select().from(sessions).where(eq(sessions.userId, a.userId));
    expect(left).toHaveLength(1);
    expect((await t.request({ method: 'POST', url: `${auth}/sign-out-others` })).statusCode).toBe(401);
  });
});

describe('session expiry', () => {
  it('ends a session idle for 12 hours and any session older than 7 days', async () => {
    const idle = await t.signUp('Ida Idle', 'idle@example.org');
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '12 hours 1 minute' where user_id = ${idle.userId}`);
    expect((await me(idle)).statusCode).toBe(401);
    const old = await t.signUp('Olga Old', 'old@example.org');
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${old.userId}`);
    expect((await me(old)).statusCode).toBe(401);
    const fresh = await t.signUp('Fred Fresh', 'fresh@example.org');
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '11 hours' where user_id = ${fresh.userId}`);
    expect((await me(fresh)).statusCode).toBe(200);
  });
});

describe('re-authentication for API tokens', () => {
  it('a session signed in minutes ago may create a token; an older one must give the current password', async () => {
    const session = await t.signUp('Rita Reauth', 'reauth@example.org');
    expect((await t.request({ method: 'POST', url: `${auth}/tokens`, as: session, payload: { name: 'fresh' } })).statusCode).toBe(201);
    await ageSession(session, REAUTH_WINDOW_MS + 60_000);
    const count = async () => (await t.database.db.select().from(apiTokens).where(eq(apiTokens.userId, session.userId))).length;
    const before = await count();
    const refused = await t.request({ method: 'POST', url: `${auth}/tokens`, as: session, payload: { name: 'stale' } });
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused)).toEqual(['currentPassword']);
    const wrong = await t.request({ method: 'POST', url: `${auth}/tokens`, as: session, payload: { name: 'stale', currentPassword: 'wrong-password-here' } });
    expect(wrong.statusCode).toBe(422);
    expect(await count()).toBe(before);
    const ok = await t.request({ method: 'POST', url: `${auth}/tokens`, as: session, payload: { name: 'stale', currentPassword: TEST_PASSWORD } });
    expect(ok.statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('a token must give the current password to create another token', async () => {
    const session = await t.signUp('Tina Token', 'tina@example.org');
    const token = await newToken(session);
    const without = await t.app.inject({ method: 'POST', url: `${auth}/tokens`, headers: { authorization: `Bearer ${token}` }, payload: { name: 'child' } });
    expect(without.statusCode).toBe(422);
    const withPassword = await t.app.inject({ method: 'POST', url: `${auth}/tokens`, headers: { authorization: `Bearer ${token}` }, payload: { name: 'child', currentPassword: TEST_PASSWORD } });
    expect(withPassword.statusCode).toBe(201);
  });
});

describe('e-mail change', () => {
  it('mails a link to the new address and a notice to the old; the change happens only when the link is opened, once', async () => {
    const oldEmail = 'old-address@example.org';
    const newEmail = 'new-address@example.org';
    const session = await t.signUp('Emma Mail', oldEmail);
    const noPassword = await t.request({ method: 'POST', url: `${auth}/email`, as: session, payload: { newEmail } });
    expect(noPassword.statusCode).toBe(422);
    expect(fieldsOf(noPassword)).toContain('currentPassword');
    const taken = await t.request({ method: 'POST', url: `${auth}/email`, as: session, payload: { newEmail: 'coordinator@la-tech.demo', currentPassword: TEST_PASSWORD } });
    expect(taken.statusCode).toBe(409);

    const asked = await t.request({ method: 'POST', url: `${auth}/email`, as: session, payload: { newEmail, currentPassword: TEST_PASSWORD } });
    expect(asked.statusCode).toBe(202);
    // Nothing changed yet.
    expect((await me(session)).json().user.email).toBe(oldEmail);
    const [confirm] = await mailsTo(newEmail);
    expect(confirm).toMatchObject({ kind: 'email_change_confirm' });
    const [notice] = await mailsTo(oldEmail);
    expect(notice).toMatchObject({ kind: 'email_change_notice' });
    expect(notice!.textBody).toContain(newEmail);
    expect(notice!.textBody).not.toMatch(/token=/);
    const token = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(confirm!.textBody)![1]!;

    const done = await t.request({ method: 'POST', url: `${auth}/email/confirm`, payload: { token } });
    expect(done.statusCode).toBe(200);
    expect((await me(session)).json().user.email).toBe(newEmail);
    expect((await mailsTo(oldEmail))[0]).toMatchObject({ kind: 'email_changed' });
    expect((await t.request({ method: 'POST', url: `${auth}/sign-in`, payload: { email: newEmail, password: TEST_PASSWORD } })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: `${auth}/sign-in`, payload: { email: oldEmail, password: TEST_PASSWORD } })).statusCode).toBe(401);

    const again = await t.request({ method: 'POST', url: `${auth}/email/confirm`, payload: { token } });
    expect(again.statusCode).toBe(422);
    expect(fieldsOf(again)).toEqual(['token']);
  });

  it('refuses an expired link, and a link whose address was taken meanwhile', async () => {
    const session = await t.signUp('Ezra Mail', 'ezra-mail@example.org');
    await t.request({ method: 'POST', url: `${auth}/email`, as: session, payload: { newEmail: 'ezra-new@example.org', currentPassword: TEST_PASSWORD } });
    const token = /token=([A-Za-z0-9_-]+)/.exec((await mailsTo('ezra-new@example.org'))[0]!.textBody)![1]!;
    await t.database.db.execute(sql`update email_changes set expires_at = now() - interval '1 second' where user_id = ${session.userId}`);
    expect((await t.request({ method: 'POST', url: `${auth}/email/confirm`, payload: { token } })).statusCode).toBe(422);

    await t.request({ method: 'POST', url: `${auth}/email`, as: session, payload: { newEmail: 'contested@example.org', currentPassword: TEST_PASSWORD } });
    const token2 = /token=([A-Za-z0-9_-]+)/.exec((await mailsTo('contested@example.org'))[0]!.textBody)![1]!;
    await t.signUp('Quick Claimer', 'contested@example.org');
    const clash = await t.request({ method: 'POST', url: `${auth}/email/confirm`, payload: { token: token2 } });
    expect(clash.statusCode).toBe(409);
    expect((await me(session)).json().user.email).toBe('ezra-mail@example.org');
  });
});

describe('content security policy', () => {
  it('is strict on the API and the app: no inline or eval scripts, no framing, no plugins', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    // Errors carry the same headers.
    const missing = await t.request({ method: 'GET', url: '/api/v1/no-such-route' });
    expect(missing.headers['content-security-policy']).toBe(csp);
  });
});
