// What the in-process endpoint benchmarks share: the whole app (buildApp) on a database, signing in
// with a real session (the demo password), and GETs through Fastify inject that fail loudly on
// anything but 200. Also the timing and summary arithmetic their results use.
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { loadConfig } from '../../src/server/env.js';
import { DEMO_PASSWORD } from '../../src/server/seed/la-tech.data.js';

const headers = { origin: 'http://localhost:80', host: 'localhost:80' };

export interface InjectedApp {
  app: FastifyInstance;
  /** Signs in with the demo password; returns the Cookie header value of the session. */
  signIn(email: string): Promise<string>;
  /** GET with the session; throws unless 200. */
  get(cookie: string, url: string): Promise<{ body: string; json: () => unknown }>;
  close(): Promise<void>;
}

/** `databaseUrl`: the server's URL in PostgreSQL mode (the config says which mode the app is in). */
export async function injectedApp(database: Database, databaseUrl?: string): Promise<InjectedApp> {
  const config = loadConfig({ DATA_DIR: os.tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    async signIn(email) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers, payload: { email, password: DEMO_PASSWORD } });
      const session = res.cookies.find((c) => c.name === 'tb_session');
      if (!session) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
      return `tb_session=${session.value}`;
    },
    async get(cookie, url) {
      const res = await app.inject({ method: 'GET', url, headers: { ...headers, cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return { body: res.body, json: () => JSON.parse(res.body) };
    },
    close: () => app.close(),
  };
}

export const round = (ms: number) => Math.round(ms * 100) / 100;
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
export const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

export function summarize(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), min: round(s[0]!), n: s.length };
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e6, value];
}
