// Soak: 50 concurrent clients of mixed reads and writes for 60 s against a real server process
// (main.ts), on embedded PGlite and, with BENCH_DATABASE_URL (a PostgreSQL server the bench may
// create a database on), on PostgreSQL. Goal: zero errors (no 5xx, no refused connection, no
// unexpected status); the server's resident memory is sampled every 5 s and its growth recorded.
// Writes bench/results/soak-<date>.json.
//   node --import tsx bench/soak.ts [seconds] [clients]
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/soak.ts
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.argv[2] ?? 60);
const clients = Number(process.argv[3] ?? 50);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const rssKb = (pid: number | undefined) => {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
};

async function waitForHealth(port: number) {
  const until = Date.now() + 240_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

interface ModeResult {
  mode: string;
  seconds: number;
  clients: number;
  requests: number;
  reads: number;
  writes: number;
  errors: number;
  errorSamples: string[];
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  serverRssKb: { start: number | null; end: number | null; growth: number | null; samples: (number | null)[] };
  databaseRssKb?: { start: number | null; end: number | null };
}

async function soak(mode: 'pglite' | 'postgres', databaseUrl?: string): Promise<ModeResult> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-soak-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '1', LOG_LEVEL: 'error', NODE_ENV: 'development' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.DATA_DIR = dataDir;
  }
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    await waitForHealth(port);
    const base = `http://127.0.0.1:${port}/api/v1`;
    const signIn = async (email: string) => {
      const res = await fetch(`${base}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'coalition-demo' }) });
      if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const cookies = { coordinator: await signIn('coordinator@la-tech.demo'), employer: await signIn('employer@la-tech.demo'), student: await signIn('student@la-tech.demo') };
    const dbPid = mode === 'pglite' ? Number(fs.readFileSync(path.join(dataDir, 'talentbridge.lock'), 'utf8')) : undefined;

    const reads = [
      { as: cookies.coordinator, url: '/coalitions/la-tech/organizations?limit=50' },
      { as: cookies.employer, url: '/coalitions/la-tech/opportunities?limit=50' },
      { as: cookies.student, url: '/auth/me' },
      { as: cookies.coordinator, url: '/coalitions/la-tech/people?limit=50' },
      { as: cookies.employer, url: '/coalitions/la-tech/hiring-needs?limit=50' },
      { as: cookies.coordinator, url: '/coalitions/la-tech/audit-log?limit=50' },
    ];
    const latencies: number[] = [];
    const errorSamples: string[] = [];
    let errors = 0;
    let readCount = 0;
    let writeCount = 0;
    let serial = 0;
    const samples: (number | null)[] = [rssKb(server.pid)];
    const dbStart = rssKb(dbPid);
    const sampler = setInterval(() => samples.push(rssKb(server.pid)), 5000);
    const until = Date.now() + seconds * 1000;
    const fail = (what: string) => {
      errors++;
      if (errorSamples.length < 10) errorSamples.push(what);
    };
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        while (Date.now() < until) {
          const write = (serial++ + client) % 4 === 0; // one request in four writes
          const started = performance.now();
          try {
            if (write) {
              const res = await fetch(`${base}/coalitions/la-tech/organizations`, {
                method: 'POST',
                headers: { cookie: cookies.coordinator, 'content-type': 'application/json' },
                body: JSON.stringify({ name: `Soak Org ${client}-${serial}-${Math.random().toString(36).slice(2, 8)}`, type: 'nonprofit' }),
              });
              await res.arrayBuffer();
              if (res.status !== 201) fail(`POST organizations → ${res.status}`);
              writeCount++;
            } else {
              const read = reads[serial % reads.length]!;
              const res = await fetch(`${base}${read.url}`, { headers: { cookie: read.as } });
              await res.arrayBuffer();
              if (res.status !== 200) fail(`GET ${read.url} → ${res.status}`);
              readCount++;
            }
          } catch (error) {
            fail(`${write ? 'write' : 'read'}: ${error instanceof Error ? error.message : String(error)}`);
          }
          latencies.push(performance.now() - started);
        }
      }),
    );
    clearInterval(sampler);
    samples.push(rssKb(server.pid));
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
    const start = samples[0] ?? null;
    const end = samples[samples.length - 1] ?? null;
    return {
      mode,
      seconds,
      clients,
      requests: latencies.length,
      reads: readCount,
      writes: writeCount,
      errors,
      errorSamples,
      requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
      latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) },
      serverRssKb: { start, end, growth: start !== null && end !== null ? end - start : null, samples },
      ...(dbPid ? { databaseRssKb: { start: dbStart, end: rssKb(dbPid) } } : {}),
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const results: ModeResult[] = [await soak('pglite')];
  const admin = process.env.BENCH_DATABASE_URL;
  if (admin) {
    const name = `tb_bench_soak_${process.pid}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    try {
      const url = new URL(admin);
      url.pathname = `/${name}`;
      results.push(await soak('postgres', url.toString()));
    } finally {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    }
  }
  const out = {
    bench: 'soak',
    date: new Date().toISOString(),
    goal: 'zero errors; memory growth recorded',
    loadAverage: os.loadavg(),
    cpus: os.cpus().length,
    results,
  };
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = path.join(root, 'bench/results', `soak-${out.date.slice(0, 10)}.json`);
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  for (const r of results) {
    console.log(`${r.mode}: ${r.requests} requests (${r.reads} reads, ${r.writes} writes) in ${r.seconds} s by ${r.clients} clients, ${r.requestsPerSecond}/s, p95 ${r.latencyMs.p95} ms, errors ${r.errors}, server RSS ${r.serverRssKb.start} → ${r.serverRssKb.end} kB`);
  }
  console.log(`wrote ${path.relative(root, file)}`);
  process.exit(results.some((r) => r.errors > 0) ? 1 : 0);
}

void main();
