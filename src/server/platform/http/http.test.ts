import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../app.js';
import { testDbMode } from '../../test/databases.js';
import { createTestApp, demo, ORIGIN, type Session, type TestApp } from '../../test/harness.js';
import { distinctRoutes, recordRoutes, routeKey, type RegisteredRoute } from '../../test/routes.js';
import { AppError } from '../errors.js';
import { toAppError } from './problem.js';

let t: TestApp;
let coordinator: Session;
let registered: RegisteredRoute[] = [];
const organizations = '/api/v1/coalitions/la-tech/organizations';

beforeAll(async () => {
  const recording = recordRoutes();
  try {
    t = await createTestApp();
  } finally {
    recording.stop();
  }
  registered = distinctRoutes(recording.routes);
  coordinator = await t.signIn(demo.coordinator);
});
afterAll(() => t?.close());

/** RFC 9457, as the contract promises it, and nothing that leaks how the server is built. */
function expectProblem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  expect(body.detail.length).toBeGreaterThan(0);
  expect(res.body).not.toMatch(/\bat .+:\d+:\d+/); // a stack frame
  expect(res.body).not.toContain('node_modules');
  expect(res.body).not.toContain('/src/server');
  expect(body).not.toHaveProperty('stack');
  return body;
}

describe('health', () => {
  it(`answers ok and names this leg's database (${testDbMode()})`, async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ status: 'ok', database: testDbMode() });
  });
});

describe('OpenAPI document and docs', () => {
  const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
  const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('lists every /api/v1 route the app registers, and nothing else', () => {
    const v1 = registered.filter((r) => r.url.startsWith('/api/v1/'));
    expect(v1.length).toBeGreaterThan(10);
    const missing = v1.filter((r) => !doc.paths[toOpenApiPath(r.url)]?.[r.method.toLowerCase()]).map(routeKey);
    expect(missing, 'registered /api/v1 routes missing from the OpenAPI document').toEqual([]);
    const known = new Set(registered.map((r) => `${r.method} ${toOpenApiPath(r.url)}`));
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.filter((op) => !known.has(op)), 'documented operations the app does not serve').toEqual([]);
  });

  it('gives each operation a response schema: its success body and its problem', () => {
    const defects: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        const op = `${method.toUpperCase()} ${path}`;
        const responses = operation.responses ?? {};
        const success = Object.keys(responses).filter((code) => /^2\d\d$|^2XX$/i.test(code));
        if (success.length === 0) defects.push(`${op}: no success response`);
        for (const code of success) {
          // 204 has no body by definition; every other success describes its body.
          if (code !== '204' && !Object.values(responses[code]?.content ?? {}).some((c) => c.schema)) defects.push(`${op}: ${code} has no schema`);
        }
        const problem = responses['4XX'] ?? responses['4xx'];
        if (!Object.values(problem?.content ?? {}).some((c) => c.schema)) defects.push(`${op}: no problem schema for 4xx`);
      }
    }
    expect(defects).toEqual([]);
  });

  it('serves the browsable docs as HTML', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});

describe('problems', () => {
  it('answers an unknown route with 404 problem+json', async () => {
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/no-such-thing' }), 404);
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/no-such-thing', payload: { a: 1 } }), 404);
    expectProblem(await t.request({ method: 'GET', url: '/api/nope?x=1' }), 404);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    for (const payload of ['{"email":', '{email: "a@b.co"}', '[1,2', '']) {
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/sign-in', payload, headers: { 'content-type': 'application/json' } });
      const body = expectProblem(res, 400);
      expect(body.detail).not.toMatch(/Unexpected|position|SyntaxError/);
    }
  });

  it('answers a body over 1 MiB with 413', async () => {
    const payload = JSON.stringify({ email: 'big@example.org', password: 'x'.repeat(1024 * 1024) });
    expect(Buffer.byteLength(payload)).toBeGreaterThan(1024 * 1024);
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/auth/sign-in', payload, headers: { 'content-type': 'application/json' } }), 413);
    // Just under the limit is parsed (and then judged on its merits).
    const fits = JSON.stringify({ name: 'x'.repeat(1024 * 1024 - 100) });
    const res = await t.request({ method: 'POST', url: organizations, as: coordinator, payload: fits, headers: { 'content-type': 'application/json' } });
    expectProblem(res, 422);
  });

  it('answers an unsupported content type with 415', async () => {
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/auth/sign-in', payload: '<email/>', headers: { 'content-type': 'application/xml' } }), 415);
  });

  it('answers an invalid limit with 400 naming query.limit', async () => {
    for (const limit of ['0', '201', '-1', 'ten', '1.5']) {
      const body = expectProblem(await t.request({ method: 'GET', url: `${organizations}?limit=${limit}`, as: coordinator }), 400);
      expect(body.errors.map((e: { path: string }) => e.path)).toContain('query.limit');
    }
    expect((await t.request({ method: 'GET', url: `${organizations}?limit=1`, as: coordinator })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `${organizations}?limit=200`, as: coordinator })).statusCode).toBe(200);
  });

  it('answers an invalid cursor with 400 naming query.cursor', async () => {
    const wrongShape = Buffer.from(JSON.stringify({ a: 1 })).toString('base64url');
    for (const cursor of ['not-a-cursor', wrongShape, Buffer.from('["only-one"]').toString('base64url')]) {
      const body = expectProblem(await t.request({ method: 'GET', url: `${organizations}?cursor=${cursor}`, as: coordinator }), 400);
      expect(body.errors.map((e: { path: string }) => e.path)).toContain('query.cursor');
    }
    expectProblem(await t.request({ method: 'GET', url: `${organizations}?cursor=${'a'.repeat(501)}`, as: coordinator }), 400);
  });

  it('refuses a cross-site write with 403', async () => {
    expectProblem(await t.request({ method: 'POST', url: organizations, as: coordinator, headers: { origin: 'https://evil.example' }, payload: { name: 'CSRF', type: 'employer' } }), 403);
    // No Origin header, but the browser says the request comes from another site.
    const res = await t.app.inject({
      method: 'POST',
      url: organizations,
      headers: { host: 'localhost:80', cookie: coordinator.cookie, 'sec-fetch-site': 'cross-site' },
      payload: { name: 'CSRF', type: 'employer' },
    });
    expectProblem(res, 403);
    const names = (await t.request({ method: 'GET', url: `${organizations}?q=CSRF`, as: coordinator })).json().items;
    expect(names).toEqual([]);
  });
});

describe('security headers', () => {
  const check = (res: LightMyRequestResponse) => {
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
  };

  it('are on API responses, successes and problems alike, which are never cached', async () => {
    const responses = [
      await t.request({ method: 'GET', url: '/api/health' }),
      await t.request({ method: 'GET', url: organizations, as: coordinator }),
      await t.request({ method: 'GET', url: organizations }),
      await t.request({ method: 'GET', url: '/api/v1/no-such-thing' }),
      await t.request({ method: 'GET', url: '/api/openapi.json' }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 401, 404, 200]);
    for (const res of responses) {
      check(res);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('are on HTML responses', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs' });
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    check(res);
  });

  it('keep inline scripts out everywhere but the docs', async () => {
    const directive = (res: LightMyRequestResponse, name: string) =>
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive(await t.request({ method: 'GET', url: '/api/health' }), 'script-src')).toBe("script-src 'self'");
    expect(directive(await t.request({ method: 'GET', url: '/api/v1/no-such-thing' }), 'script-src')).toBe("script-src 'self'");
  });
});

describe('unexpected errors', () => {
  it('become a 500 with a generic detail and no internals', async () => {
    const app = await buildApp({ config: t.config, database: t.database });
    app.get('/api/v1/test/boom', async () => {
      throw new Error('connect ECONNREFUSED postgres://admin:hunter2@10.0.0.7/secret_db');
    });
    app.get('/api/v1/test/type-error', async () => (undefined as unknown as { x: { y: number } }).x.y);
    app.get('/api/v1/test/status-500', async () => {
      throw Object.assign(new Error('upstream said hunter2'), { statusCode: 502 });
    });
    app.get('/api/v1/test/throw-null', async () => {
      throw null;
    });
    app.get('/api/v1/test/callback-error', (_request, reply) => {
      reply.send(new RangeError('Invalid time value at /srv/app/hunter2.ts'));
    });
    app.get('/api/v1/test/bad-shape', { schema: { response: { 200: z.object({ ok: z.literal(true) }) } } }, async () => ({ ok: 'hunter2' }) as never);
    await app.ready();
    try {
      for (const url of ['/api/v1/test/boom', '/api/v1/test/type-error', '/api/v1/test/status-500', '/api/v1/test/throw-null', '/api/v1/test/callback-error', '/api/v1/test/bad-shape']) {
        const res = await app.inject({ method: 'GET', url, headers: { origin: ORIGIN } });
        const body = expectProblem(res, 500);
        expect(body.detail).toBe('Something went wrong on our side. It has been logged.');
        expect(res.body).not.toMatch(/hunter2|ECONNREFUSED|secret_db|undefined|TypeError|reading/);
        expect(res.headers['cache-control']).toBe('no-store');
      }
    } finally {
      await app.close(); // the database belongs to the shared test app
    }
  });

  it('toAppError maps what it knows and hides what it does not', () => {
    const own = new AppError('conflict', 'Already there');
    expect(toAppError(own)).toBe(own);
    expect(toAppError(Object.assign(new Error('duplicate key value violates unique constraint "x_key"'), { code: '23505' }))).toMatchObject({
      status: 409,
      message: 'A record with these values already exists',
    });
    expect(toAppError(Object.assign(new Error('invalid input syntax for type uuid: "abc"'), { code: '22P02' }))).toMatchObject({ status: 422, message: 'A value does not fit' });
    expect(toAppError(Object.assign(new Error('Body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).status).toBe(413);
    expect(toAppError(Object.assign(new Error('Not Found'), { statusCode: 404 })).status).toBe(404);
    expect(toAppError(new SyntaxError('Unexpected token } in JSON at position 3'))).toMatchObject({ status: 400, message: 'The request body is not valid JSON' });
    for (const thrown of [new Error('secret'), new TypeError('x is undefined'), 'a string', null, undefined, { statusCode: 503, message: 'secret' }]) {
      const mapped = toAppError(thrown);
      expect(mapped).toMatchObject({ status: 500, code: 'internal' });
      expect(mapped.message).not.toContain('secret');
    }
  });
});
