// Soak: 50 concurrent clients of mixed reads and writes for 60 s against a real server process
// (main.ts), on embedded PGlite and, with BENCH_DATABASE_URL (a PostgreSQL server the bench may
// create a database on), on PostgreSQL. Goal: zero errors (no 5xx, no refused connection, no
// unexpected status); the server's resident memory is sampled every 5 s and its growth recorded.
// Writes bench/results/soak-<date>.json.
//   node --import tsx bench/soak.ts [seconds] [clients]
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/soak.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, rssKb, startServer, withScratchDatabase } from './support/server.js';

const seconds = Number(process.argv[2] ?? 60);
const clients = Number(process.argv[3] ?? 50);

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
  const server = await startServer(mode, databaseUrl);
  try {
    const base = server.base;
    const signIn = server.signIn;
    const cookies = { coordinator: await signIn('coordinator@la-tech.demo'), employer: await signIn('employer@la-tech.demo'), student: await signIn('student@la-tech.demo') };
    const dbPid = server.databasePid;

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
    await server.stop();
  }
}

async function main() {
  const results: ModeResult[] = [await soak('pglite')];
  const admin = process.env.BENCH_DATABASE_URL;
  if (admin) results.push(await withScratchDatabase(admin, 'tb_bench_soak', (url) => soak('postgres', url)));
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
