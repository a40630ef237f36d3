// Benchmark: GET …/alignment/skills (the skills gap) on the seeded demo coalition, through the whole
// HTTP stack (Fastify inject: session, tenancy, validation, the SQL, serialization), against the
// embedded PGlite in its own worker process, as `npm start` runs it. Also times the other alignment
// views for context. Target (issue 4): under 50 ms. Writes bench/results/alignment-<date>.json.
//   node --import tsx bench/alignment.ts [runs]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import { startEmbedded } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { loadConfig } from '../src/server/env.js';
import { seedDemo } from '../src/server/seed/index.js';
import { DEMO_PASSWORD } from '../src/server/seed/la-tech.data.js';
import { skillAlignment } from '../src/server/features/alignment/alignment.queries.js';
import { percentile, round } from './support/inject.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(50, Number(process.argv[2] ?? 100));
const WARMUP = 10;
const TARGET_MS = 50;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-alignment-'));
const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'silent' });
console.error(`Fresh embedded database in ${dataDir}: migrating and seeding the demo coalition…`);
const database = await startEmbedded(dataDir);
const app = await buildApp({ config, database });
try {
  await runMigrations(database);
  const coalitionId = (await seedDemo(database, { accounts: true }))!;
  await app.ready();
  const headers = { origin: 'http://localhost:80', host: 'localhost:80' };
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers, payload: { email: 'coordinator@la-tech.demo', password: DEMO_PASSWORD } });
  const session = signIn.cookies.find((c) => c.name === 'tb_session');
  if (!session) throw new Error(`sign-in failed: ${signIn.statusCode} ${signIn.body}`);
  const cookie = `tb_session=${session.value}`;

  async function measure(url: string) {
    let items = 0;
    for (let i = 0; i < WARMUP; i++) await app.inject({ method: 'GET', url, headers: { ...headers, cookie } });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      const res = await app.inject({ method: 'GET', url, headers: { ...headers, cookie } });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      const body = res.json() as { items?: unknown[]; skills?: unknown[] };
      items = body.items?.length ?? body.skills?.length ?? 0;
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { url, runs, items, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!) };
  }

  const skills = await measure('/api/v1/coalitions/la-tech/alignment/skills');
  // What the request costs without the gap: session, tenancy and a one-row answer.
  const baseline = await measure('/api/v1/coalitions/la-tech/notifications?limit=1');
  // The gap's SQL alone, on the same connection pool.
  const sqlTimes: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const started = process.hrtime.bigint();
    await skillAlignment(database.db, coalitionId);
    if (i >= WARMUP) sqlTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sqlSorted = sqlTimes.sort((a, b) => a - b);
  const sqlOnly = { runs, p50: round(percentile(sqlSorted, 50)), p95: round(percentile(sqlSorted, 95)), min: round(sqlSorted[0]!) };
  const others = [];
  for (const view of ['occupations', 'institutions', 'heatmap']) others.push(await measure(`/api/v1/coalitions/la-tech/alignment/${view}`));

  const result = {
    benchmark: 'alignment',
    date: new Date().toISOString(),
    path: 'GET /api/v1/coalitions/la-tech/alignment/skills via Fastify inject (session cookie, tenancy, Zod, SQL, serialization) → embedded PGlite worker over its socket',
    data: 'the seeded la-tech demo coalition',
    targetMs: TARGET_MS,
    skills: { ...skills, underTarget: skills.p50 < TARGET_MS },
    skillsSqlOnly: sqlOnly,
    requestBaseline: { ...baseline, note: 'GET …/notifications?limit=1: session, tenancy, one indexed query' },
    otherViews: others,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model.split(' ').slice(0, 2).join(' '), totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024), loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
  };
  const out = path.join(root, 'bench', 'results', `alignment-${result.date.slice(0, 10)}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(`alignment/skills: p50 ${skills.p50} ms, p95 ${skills.p95} ms over ${runs} runs (${skills.items} skills; target < ${TARGET_MS} ms)`);
  console.log(`  of which the SQL alone: p50 ${sqlOnly.p50} ms; a minimal request (session + tenancy): p50 ${baseline.p50} ms`);
  for (const o of others) console.log(`${o.url.split('/').pop()}: p50 ${o.p50} ms, p95 ${o.p95} ms`);
  console.log(`written to ${path.relative(root, out)}`);
} finally {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
