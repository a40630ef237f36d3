import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { chainQueries } from './query-chain.js';

/** A stand-in connection whose queries finish only when the test says so. */
function fakeConnection() {
  const started: string[] = [];
  const finish: Record<string, (value: string) => void> = {};
  const fail: Record<string, (error: Error) => void> = {};
  const client = {
    query: (text: string) => {
      started.push(text);
      return new Promise<string>((resolve, reject) => {
        finish[text] = resolve;
        fail[text] = reject;
      });
    },
  };
  chainQueries(client as never);
  return { query: client.query as (text: string) => Promise<string>, started, finish, fail };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('chainQueries', () => {
  it('sends a query only once the one before it has finished, in the order asked', async () => {
    const c = fakeConnection();
    const results = [c.query('a'), c.query('b'), c.query('c')];
    await settle();
    expect(c.started).toEqual(['a']);
    c.finish.a!('A');
    await settle();
    expect(c.started).toEqual(['a', 'b']);
    c.finish.b!('B');
    await settle();
    c.finish.c!('C');
    expect(await Promise.all(results)).toEqual(['A', 'B', 'C']);
  });

  it('goes on after a failed query, and the failure reaches only its caller', async () => {
    const c = fakeConnection();
    const failed = c.query('bad');
    const next = c.query('good');
    await settle();
    c.fail.bad!(new Error('syntax error'));
    await expect(failed).rejects.toThrow('syntax error');
    await settle();
    expect(c.started).toEqual(['bad', 'good']);
    c.finish.good!('ok');
    expect(await next).toBe('ok');
  });

  it('passes the callback form straight through, at once', () => {
    const c = fakeConnection();
    (c.query as unknown as (text: string, callback: () => void) => unknown)('with a callback', () => undefined);
    expect(c.started).toEqual(['with a callback']);
  });
});

describe('queries sent together inside a transaction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t?.close());

  it('each get their own answer, and node-postgres never sees one sent while another runs', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      const answers = await t.database.db.transaction(async (tx) =>
        Promise.all([1, 2, 3, 4, 5].map(async (n) => (await tx.execute<{ n: number }>(sql`select ${n}::int as n, pg_sleep(0.01)`)).rows[0]!.n)),
      );
      expect(answers).toEqual([1, 2, 3, 4, 5]);
      await new Promise((r) => setTimeout(r, 10)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', listen);
    }
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });
});
