import fc from 'fast-check';
import diagnostics from 'node:diagnostics_channel';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, demo, type Session, type TestApp } from '../test/harness.js';
import { toAppError } from './http/problem.js';

/**
 * Hostile input at every route the app registers, driven by the routes themselves and their Zod
 * schemas (like the access matrix): each field of each body, query and path gets malformed,
 * oversized, wrongly typed and hostile values, sent by the Coordinator (the caller who gets furthest).
 * Never a 5xx, never a stack trace or SQL in the answer, always problem+json on failure, and a
 * refused write leaves every table's row count as it was.
 */
interface CapturedRoute {
  method: string;
  url: string;
  body?: z.ZodType;
  querystring?: z.ZodType;
  params?: z.ZodType;
}

function captureRoutes(): { routes: CapturedRoute[]; stop(): void } {
  const routes: CapturedRoute[] = [];
  const channel = diagnostics.channel('fastify.initialization');
  let seen = false;
  const onInit = (message: unknown) => {
    if (seen) return;
    seen = true;
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const schema = (route.schema ?? {}) as { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType; hide?: boolean };
      for (const method of [route.method].flat()) {
        if (method === 'HEAD' || method === 'OPTIONS') continue;
        routes.push({ method: String(method), url: route.url, body: schema.body, querystring: schema.querystring, params: schema.params });
      }
    });
  };
  channel.subscribe(onInit);
  return { routes, stop: () => channel.unsubscribe(onInit) };
}

const keysOf = (schema: z.ZodType | undefined): string[] => {
  const shape = (schema as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
};

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; drop table users; --",
  "' or '1'='1",
  '../../../../etc/passwd',
  '\u0000',
  '%00',
  '\uFFFF\uD800',
  '=cmd|calc!A0',
  '{{7*7}}${7*7}',
  '__proto__',
  'x'.repeat(70_000),
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  '2024-02-30',
  ' ',
  '',
];
const hostileScalar = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, -1, 0, 1.5),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const hostileValue = fc.oneof(
  { weight: 5, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 2000 }, (_, i) => `item-${i}`)) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', 'id'), hostileScalar, { maxKeys: 3 }) },
);
/** A body: the route's own keys with hostile values (sometimes missing), or no object at all. */
const hostileBody = (keys: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>([], 'text', 42, null, { __proto__: { admin: true } }, JSON.parse('{"__proto__":{"polluted":1}}')) },
  );
const hostileParam = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length > 0 && s.length < 1000)), fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }));

/** Percent-encodes; a lone surrogate (not encodable) becomes an invalid UTF-8 sequence, hostile too. */
function encodeParam(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80' + encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''));
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Counted before and after every refused write: state a refused request may legitimately touch
// (rate-limit windows and back-off counters, sessions touched on use) is left out.
const VOLATILE = new Set(['rate_limit_hits', 'sign_in_failures', 'sessions']);

let t: TestApp;
let coordinator: Session;
let routes: CapturedRoute[] = [];
let countSql = '';

beforeAll(async () => {
  const recorder = captureRoutes();
  t = await createTestApp();
  recorder.stop();
  routes = recorder.routes.filter((r) => r.url.startsWith('/api/v1/'));
  coordinator = await t.signIn(demo.coordinator);
  const tables = (await t.database.db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '\\_\\_%'`)).rows
    .map((r) => r.table_name)
    .filter((name) => !VOLATILE.has(name));
  countSql = `select ${tables.map((name) => `(select count(*) from "${name}")`).join(' + ')} as n`;
}, 120_000);
afterAll(() => t?.close());

const totalRows = async () => Number((await t.database.db.execute<{ n: string }>(sql.raw(countSql))).rows[0]!.n);

function expectSafe(res: LightMyRequestResponse, label: string) {
  expect(res.statusCode, `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.headers['content-type'], label).toContain('application/problem+json');
    const body = res.json();
    expect(body.status, label).toBe(res.statusCode);
    expect(body, label).not.toHaveProperty('stack');
  }
  // No stack trace, file path or SQL leaks into any answer.
  expect(res.body, label).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules|\.ts:\d+|syntax error at or near|violates (foreign key|unique) constraint/);
}

async function ensureSignedIn() {
  const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', as: coordinator });
  if (me.statusCode === 200) return;
  // A hostile password change or sign-out may have ended the session: start again.
  await t.database.db.execute(sql`delete from sign_in_failures`);
  coordinator = await t.signIn(demo.coordinator);
}

describe('hostile input at every route', () => {
  it('never answers 5xx, never leaks internals, and a refused write changes nothing', async () => {
    expect(routes.length).toBeGreaterThan(100);
    let requests = 0;
    let refusedWrites = 0;
    for (const route of routes) {
      const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const bodyKeys = keysOf(route.body);
      const queryKeys = keysOf(route.querystring);
      const sample = fc.record({
        params: fc.record(Object.fromEntries(paramNames.map((p) => [p, p === 'slug' ? fc.constantFrom('la-tech', '<x>', 'no-such-coalition') : hostileParam]))),
        query: fc.dictionary(fc.constantFrom(...(queryKeys.length ? queryKeys : ['q'])), fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000)), fc.string({ maxLength: 20 })), { maxKeys: 3 }),
        body: hostileBody(bodyKeys),
      });
      const runs = UNSAFE.has(route.method) ? 4 : 3;
      for (const input of fc.sample(sample, { numRuns: runs, seed: 10 + requests })) {
        const url =
          route.url.replace(/:(\w+)/g, (_, name: string) => encodeParam(String((input.params as Record<string, string>)[name]))) +
          (Object.keys(input.query).length
            ? `?${Object.entries(input.query as Record<string, string>).map(([k, v]) => `${encodeParam(k)}=${encodeParam(v)}`).join('&')}`
            : '');
        const unsafe = UNSAFE.has(route.method);
        const before = unsafe ? await totalRows() : 0;
        const res = await t.request({
          method: route.method as 'GET',
          url,
          as: coordinator,
          ...(unsafe && route.body ? { payload: JSON.stringify(input.body), headers: { 'content-type': 'application/json' } } : {}),
        });
        requests++;
        const label = `${route.method} ${route.url} (${url.slice(0, 120)})`;
        expectSafe(res, label);
        if (unsafe && res.statusCode >= 400) {
          refusedWrites++;
          expect(await totalRows(), `${label}: a refused write changed the row count`).toBe(before);
        }
        if (res.statusCode === 401 || route.url.includes('/auth/')) await ensureSignedIn();
      }
    }
    expect(requests).toBeGreaterThan(300);
    expect(refusedWrites).toBeGreaterThan(100);
  }, 240_000);

  it('refuses bodies that are too large, too deep or not JSON, as problems', async () => {
    const big = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/organizations', as: coordinator, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.statusCode).toBe(413);
    expectSafe(big, 'large body');
    const deep = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/organizations', as: coordinator, headers: { 'content-type': 'application/json' }, payload: '['.repeat(100_000) + ']'.repeat(100_000) });
    expectSafe(deep, 'deep body');
    const broken = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/organizations', as: coordinator, headers: { 'content-type': 'application/json' }, payload: '{"name": "x",' });
    expect(broken.statusCode).toBe(400);
    expectSafe(broken, 'broken JSON');
    const xml = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/organizations', as: coordinator, headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expectSafe(xml, 'xml');
    const polluted = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/organizations', as: coordinator, headers: { 'content-type': 'application/json' }, payload: '{"name":"Polluter Inc","type":"nonprofit","__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}' });
    expectSafe(polluted, 'prototype pollution');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    // A NUL character is refused before validation, naming where it was.
    const nulBody = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/organizations', as: coordinator, payload: { name: 'Nul\u0000Org', type: 'nonprofit' } });
    expect(nulBody.statusCode).toBe(422);
    expect(nulBody.json().errors).toEqual([{ path: 'name', message: 'Must not contain a NUL character' }]);
    const nulQuery = await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/organizations?q=%00', as: coordinator });
    expect(nulQuery.statusCode).toBe(400);
    expect(nulQuery.json().errors[0].path).toBe('query.q');
    // The next request is answered normally.
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/organizations?q=ok', as: coordinator })).statusCode).toBe(200);
  });
});

describe('database errors as problems', () => {
  it('a delete refused because the record is still referenced is a 409 conflict; a missing reference is a 422', () => {
    const referenced = Object.assign(new Error('update or delete on table "organizations" violates foreign key constraint "people_organization_fk" on table "people"'), { code: '23503' });
    expect(toAppError(referenced)).toMatchObject({ status: 409, code: 'conflict' });
    const missing = Object.assign(new Error('insert or update on table "people" violates foreign key constraint "people_organization_fk"'), { code: '23503' });
    expect(toAppError(missing)).toMatchObject({ status: 422, code: 'invalid' });
    // The message of either never reaches the client.
    expect(toAppError(referenced).message).not.toContain('constraint');
    // A NUL byte PostgreSQL cannot store (22021), an out-of-range number (22003): bad input, not a 500.
    expect(toAppError(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }))).toMatchObject({ status: 422 });
    expect(toAppError(Object.assign(new Error('value "99999999999" is out of range for type integer'), { code: '22003' }))).toMatchObject({ status: 422 });
    // Wrapped by Drizzle: the driver's error is the cause.
    const wrapped = Object.assign(new Error('Failed query: select …'), { cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }) });
    expect(toAppError(wrapped)).toMatchObject({ status: 422 });
  });
});
