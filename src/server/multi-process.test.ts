import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createPostgresTestDatabase, testDbMode } from './test/databases.js';

/**
 * Several app processes on one PostgreSQL: sessions, rate limits and jobs hold no state in a
 * process. Two real server processes (main.ts) start at once on an empty database: one migrates
 * and seeds, a session made through one is valid on the other, an import job runs once, and a
 * labor-market change made through one is served at once by the other (kept bodies are keyed by a
 * version in PostgreSQL).
 */
const onPostgres = testDbMode() === 'postgres';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function startServer(url: string, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '1', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitForHealth(port: number, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not become healthy`);
}

/** Signs the demo Coordinator in through a process; the session cookie. */
async function coordinatorCookie(port: number): Promise<string> {
  const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordinator@la-tech.demo', password: 'coalition-demo' }),
  });
  expect(signIn.status).toBe(200);
  return signIn.headers.get('set-cookie')!.split(';')[0]!;
}

/** Polls an import through a process until it is no longer queued or running. */
async function importStatus(port: number, cookie: string, id: string): Promise<unknown> {
  let status: { status: string } | undefined;
  for (let i = 0; i < 120 && (!status || ['queued', 'running'].includes(status.status)); i++) {
    await new Promise((r) => setTimeout(r, 250));
    status = await (await fetch(`http://127.0.0.1:${port}/api/v1/coalitions/la-tech/imports/${id}`, { headers: { cookie } })).json();
  }
  return status;
}

describe.runIf(onPostgres)('two app processes on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
  const servers: ChildProcess[] = [];
  const ports: number[] = [];

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    ports.push(await freePort(), await freePort());
    for (const port of ports) servers.push(startServer(db.url, port));
    await Promise.all(ports.map((p) => waitForHealth(p)));
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) server.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r)))));
    await db?.drop();
  }, 60_000);

  it('seeds the demo coalition once although both started on an empty database', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`select count(*)::int as n from coalitions where slug = 'la-tech'`);
    await client.end();
    expect(rows[0].n).toBe(1);
  });

  it('accepts a session created through one process on the other', async () => {
    const signIn = await fetch(`http://127.0.0.1:${ports[0]}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coordinator@la-tech.demo', password: 'coalition-demo' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`http://127.0.0.1:${ports[1]}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe('coordinator@la-tech.demo');
    // Signing out on the second process ends it on the first.
    const out = await fetch(`http://127.0.0.1:${ports[1]}/api/v1/auth/sign-out`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await fetch(`http://127.0.0.1:${ports[0]}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('serves a labor-market change made through one process from the other at once, though each keeps the occupations body', async () => {
    const cookie = await coordinatorCookie(ports[0]!);
    const occupations = async (port: number) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/coalitions/la-tech/labor-market/occupations?region=los-angeles`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { soc: string; baseEmployment: number | null }[] }).items.find((i) => i.soc === '11-3021')!.baseEmployment;
    };
    // Both processes build and keep the body (the second read is the kept one).
    for (const port of ports) expect([await occupations(port), await occupations(port)]).toEqual([8690, 8690]);
    const csv = 'region,soc,title,base_year,base_employment,projected_year,projected_employment,annual_new_jobs,annual_replacement_needs\nlos-angeles,11-3021,Computer and Information Systems Managers,2014,8712,2024,10120,143,102\n';
    const started = await fetch(`http://127.0.0.1:${ports[1]}/api/v1/coalitions/la-tech/imports/labor-market`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: csv });
    expect(started.status).toBe(202);
    const { id } = await started.json();
    expect(await importStatus(ports[1]!, cookie, id)).toMatchObject({ status: 'succeeded', result: { updated: 1 } });
    expect(await occupations(ports[0]!)).toBe(8712);
    expect(await occupations(ports[1]!)).toBe(8712);
  });

  it('runs a background job once, not once per process', async () => {
    const cookie = await coordinatorCookie(ports[0]!);
    const csv = 'name,type,external_id\n' + Array.from({ length: 300 }, (_, i) => `Twin Process Org ${i},employer,TWIN-${i}`).join('\n') + '\n';
    const started = await fetch(`http://127.0.0.1:${ports[1]}/api/v1/coalitions/la-tech/imports/organizations`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: csv });
    expect(started.status).toBe(202);
    const { id } = await started.json();
    expect(await importStatus(ports[0]!, cookie, id)).toMatchObject({ status: 'succeeded', result: { created: 300 } });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const orgs = await client.query(`select count(*)::int as n from organizations where external_id like 'TWIN-%'`);
    const job = await client.query(`select attempts from jobs where id = $1`, [id]);
    await client.end();
    expect(orgs.rows[0].n).toBe(300);
    expect(job.rows[0].attempts).toBe(1);
  });
});
