import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../db/schema.js';
import { createTestApp, demo, type Session, type TestApp } from '../test/harness.js';

// The session and the membership are read in one statement (security.ts, sessionWithMembership);
// tenantContext reuses it. What must not change: a removed member loses access on the next request.
describe('tenancy resolved with the session', () => {
  let t: TestApp;
  let coordinator: Session;
  const url = '/api/v1/coalitions/la-tech/notifications?limit=1';

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.signIn(demo.coordinator);
  });
  afterAll(() => t.close());

  it('reads the membership with the session, not in a second statement', async () => {
    const statements: string[] = [];
    const pool = t.database.pool;
    const query = pool.query.bind(pool);
    pool.query = ((text: unknown, ...rest: unknown[]) => {
      statements.push(typeof text === 'string' ? text : (text as { text: string }).text);
      return (query as (...a: unknown[]) => unknown)(text, ...rest);
    }) as typeof pool.query;
    try {
      expect((await t.request({ method: 'GET', url, as: coordinator })).statusCode).toBe(200);
      expect((await t.request({ method: 'GET', url: url.replace('la-tech', 'LA-Tech'), as: coordinator })).statusCode).toBe(200);
    } finally {
      pool.query = query;
    }
    const joined = statements.filter((s) => s.includes('"sessions"') && s.includes('"people"'));
    expect(joined).toHaveLength(2);
    expect(statements.filter((s) => s.includes('from "coalitions"'))).toEqual([]);
  });

  it('answers 404 at once for a member removed from the coalition, and 200 when restored', async () => {
    const where = and(eq(people.userId, coordinator.userId));
    const [person] = await t.database.db.select({ id: people.id, coalitionId: people.coalitionId }).from(people).where(where);
    expect((await t.request({ method: 'GET', url, as: coordinator })).statusCode).toBe(200);
    await t.database.db.update(people).set({ userId: null }).where(eq(people.id, person!.id));
    try {
      const refused = await t.request({ method: 'GET', url, as: coordinator });
      expect(refused.statusCode).toBe(404);
    } finally {
      await t.database.db.update(people).set({ userId: coordinator.userId }).where(and(eq(people.coalitionId, person!.coalitionId), eq(people.id, person!.id)));
    }
    expect((await t.request({ method: 'GET', url, as: coordinator })).statusCode).toBe(200);
  });

  it('answers 404 for a coalition that does not exist, signed in', async () => {
    expect((await t.request({ method: 'GET', url: url.replace('la-tech', 'no-such-coalition'), as: coordinator })).statusCode).toBe(404);
  });
});
