import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema.js';
import { startFakeSmtp } from '../../test/fake-smtp.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

/**
 * ASVS 5.0 V11.4 / V6.2 / V7.2: a thief of the database gets no usable credential. The password is an
 * argon2id hash (19 MiB, 2 passes: decision 004); session ids, API tokens, password-reset and e-mail
 * change links are kept only as hashes. Every secret an account has is created through the API, then
 * every row of the account tables is searched for it.
 */
const auth = '/api/v1/auth';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t?.close());

const linkToken = async (email: string) => {
  const [mail] = await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email)).orderBy(desc(mailMessages.createdAt)).limit(1);
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '')?.[1];
  if (!token) throw new Error(`no link mailed to ${email}`);
  return token;
};

describe('secrets at rest', () => {
  it('keeps no password, session id, API token or e-mailed link in the clear', async () => {
    const email = 'vault@example.org';
    const session = await t.signUp('Val Vault', email);
    const secrets: Record<string, string> = { password: TEST_PASSWORD, session: session.cookie.slice('tb_session='.length) };

    const token = await t.request({ method: 'POST', url: `${auth}/tokens`, as: session, payload: { name: 'vault' } });
    expect(token.statusCode).toBe(201);
    secrets.apiToken = token.json().token;
    expect((await t.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email } })).statusCode).toBe(202);
    secrets.resetLink = await linkToken(email);
    const moved = 'vault.moved@example.org';
    expect((await t.request({ method: 'POST', url: `${auth}/email`, as: session, payload: { currentPassword: TEST_PASSWORD, newEmail: moved } })).statusCode).toBe(202);
    secrets.emailLink = await linkToken(moved);
    for (const [name, value] of Object.entries(secrets)) expect(value.length, name).toBeGreaterThanOrEqual(12);

    const tables = ['users', 'sessions', 'api_tokens', 'password_resets', 'email_changes', 'sign_in_failures'];
    let rows = 0;
    for (const table of tables) {
      const result = await t.database.db.execute<{ row: string }>(sql.raw(`select row_to_json(x)::text as row from "${table}" x`));
      for (const { row } of result.rows) {
        rows++;
        for (const [name, value] of Object.entries(secrets)) expect(row.includes(value), `${name} stored in the clear in ${table}`).toBe(false);
      }
    }
    // The search looked at the rows that hold these secrets' hashes (it is not vacuous).
    expect(rows).toBeGreaterThanOrEqual(5);

    const [user] = (await t.database.db.execute<{ password_hash: string }>(sql`select password_hash from users where email = ${email}`)).rows;
    expect(user!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // The secrets still work, so the hashes above are of the real thing.
    expect((await t.app.inject({ method: 'GET', url: `${auth}/me`, headers: { authorization: `Bearer ${secrets.apiToken}` } })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `${auth}/me`, as: session })).statusCode).toBe(200);
  });
});

/** Every row of every table in the schema, as JSON text: where a thief of the database would look. */
async function everyRow(app: TestApp): Promise<{ table: string; row: string }[]> {
  const tables = (await app.database.db.execute<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)).rows;
  const out: { table: string; row: string }[] = [];
  for (const { name } of tables) {
    const result = await app.database.db.execute<{ row: string }>(sql.raw(`select row_to_json(x)::text as row from "${name}" x`));
    for (const { row } of result.rows) out.push({ table: name, row });
  }
  return out;
}

describe('mailed links at rest (issue 10)', () => {
  it('outbox mode: a used link is cut from the message that carried it', async () => {
    const email = 'outbox.reset@example.org';
    await t.signUp('Olga Outbox', email);
    expect((await t.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email } })).statusCode).toBe(202);
    const token = await linkToken(email);
    expect((await t.request({ method: 'POST', url: `${auth}/password-reset/complete`, payload: { token, password: 'a-brand-new-passphrase' } })).statusCode).toBe(200);
    const [mail] = await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email)).orderBy(desc(mailMessages.createdAt)).limit(1);
    expect(mail!.kind).toBe('password_reset');
    expect(mail!.textBody).not.toContain(token);
    expect(mail!.textBody).toContain('/reset-password?token=[removed once sent]');
    expect((await everyRow(t)).filter(({ row }) => row.includes(token))).toEqual([]);
  });

  it('with SMTP: once sent, no reset, e-mail change or invitation token can be read from the database, and each still works', async () => {
    const smtp = await startFakeSmtp();
    const app = await createTestApp({ seed: false, env: { SMTP_URL: smtp.url } });
    try {
      const delivered = (to: string) => {
        const mail = [...smtp.received].reverse().find((m) => m.to.includes(to));
        const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
        if (!token) throw new Error(`no link delivered to ${to}`);
        return token;
      };
      const email = 'smtp.vault@example.org';
      const session = await app.signUp('Sam Smtp', email);
      expect((await app.request({ method: 'POST', url: `${auth}/password-reset`, payload: { email } })).statusCode).toBe(202);
      const reset = delivered(email);
      const moved = 'smtp.moved@example.org';
      expect((await app.request({ method: 'POST', url: `${auth}/email`, as: session, payload: { currentPassword: TEST_PASSWORD, newEmail: moved } })).statusCode).toBe(202);
      const emailChange = delivered(moved);
      expect((await app.request({ method: 'POST', url: '/api/v1/coalitions', as: session, payload: { slug: 'vault-tech', name: 'Vault Tech', region: 'Nowhere' } })).statusCode).toBe(201);
      const invitee = 'smtp.invitee@example.org';
      expect((await app.request({ method: 'POST', url: '/api/v1/coalitions/vault-tech/invitations', as: session, payload: { email: invitee, roles: ['member'] } })).statusCode).toBe(201);
      const invitation = delivered(invitee);
      const tokens = { reset, emailChange, invitation };
      for (const [name, value] of Object.entries(tokens)) expect(value.length, name).toBeGreaterThanOrEqual(20);

      // Sent, and the stored text keeps the link without its token.
      const sent = await app.database.db.select().from(mailMessages).where(sql`${mailMessages.kind} in ('password_reset', 'email_change_confirm', 'invitation')`);
      expect(sent).toHaveLength(3);
      for (const mail of sent) {
        expect(mail.status, mail.kind).toBe('sent');
        expect(mail.textBody, mail.kind).toContain('token=[removed once sent]');
      }
      const rows = await everyRow(app);
      expect(rows.length).toBeGreaterThanOrEqual(10);
      for (const [name, value] of Object.entries(tokens)) expect(rows.filter(({ row }) => row.includes(value)).map((r) => r.table), name).toEqual([]);

      // The tokens were live when the database was searched: each works once now.
      expect((await app.request({ method: 'GET', url: `/api/v1/invitations/${invitation}` })).statusCode).toBe(200);
      expect((await app.request({ method: 'POST', url: `${auth}/email/confirm`, payload: { token: emailChange } })).statusCode).toBe(200);
      expect((await app.request({ method: 'POST', url: `${auth}/password-reset/complete`, payload: { token: reset, password: 'another-fresh-passphrase' } })).statusCode).toBe(200);
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});
