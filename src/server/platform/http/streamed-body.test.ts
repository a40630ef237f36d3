import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../../test/harness.js';

/**
 * An import's file reaches the route as the request stream itself. Over a real socket that stream
 * is an IncomingMessage, whose object graph (socket, server, parser…) is cyclic and huge: a hook
 * that walks the parsed body (the NUL guard) once spun on it for ever, freezing the whole server.
 * app.inject() cannot show this (its stream is small), so this test listens on a port.
 */
let t: TestApp;
let base = '';
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => t?.close());

describe('a streamed request body over a real socket', () => {
  it('is stored and answered, and the server keeps answering', async () => {
    const session = await t.signIn(demo.coordinator);
    const csv = 'name,type,website\nStreamed Org,nonprofit,https://example.org\n';
    const res = await fetch(`${base}/api/v1/coalitions/la-tech/imports/organizations`, {
      method: 'POST',
      headers: { cookie: session.cookie, origin: `http://${new URL(base).host}`, 'content-type': 'text/csv' },
      body: csv,
      signal: AbortSignal.timeout(20_000),
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
    expect(health.status).toBe(200);
    await t.runJobs();
    const status = await t.request({ method: 'GET', url: `/api/v1/coalitions/la-tech/imports/${(await res.json()).id}`, as: session });
    expect(status.json()).toMatchObject({ status: 'succeeded', processed: 1 });
  });

  it('still has a NUL character in a JSON body refused, naming the field', async () => {
    const session = await t.signIn(demo.coordinator);
    const res = await fetch(`${base}/api/v1/coalitions/la-tech/organizations`, {
      method: 'POST',
      headers: { cookie: session.cookie, origin: `http://${new URL(base).host}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bad\u0000Org', type: 'nonprofit' }),
      signal: AbortSignal.timeout(20_000),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([{ path: 'name', message: 'Must not contain a NUL character' }]);
  });
});
