// Benchmark: the master plan for 5,000 tasks across 200 initiatives (issue 6 target: under 100 ms).
// Three figures:
//   cpm     the critical-path method alone (the pure function), on the same graph;
//   service computePlan: load every task and dependency from the database, schedule, judge states;
//   http    GET …/master-plan through the whole HTTP stack (session, tenancy, serialization).
// The service and HTTP figures come twice: warm (the plan unchanged since the last read, so the plan
// kept for the current plan version is used) and cold (a task is changed before every timed read, as
// another process would: the version moves and the plan is computed afresh).
// Each figure also carries the mean CPU time per read, of this process (cpuMsPerRun) and of the PGlite
// worker (databaseCpuMsPerRun, Linux): on a shared, busy machine the wall-clock times mostly measure the
// wait for a core, the CPU times what a read costs.
// Embedded PGlite in its own worker process, as `npm start` runs it; with BENCH_DATABASE_URL (a
// PostgreSQL server the bench may create a database on) also on PostgreSQL, as a regional coalition
// runs it. Writes bench/results/master-plan-<date>.json.
//   node --import tsx bench/master-plan.ts [runs]
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/master-plan.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import type { Database } from '../src/server/db/client.js';
import { measureOnBothModes } from './support/databases.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { coalitions, initiatives, initiativeTasks, taskDependencies } from '../src/server/db/schema.js';
import { loadConfig } from '../src/server/env.js';
import { criticalPath, isoDay, dayNumber, type PlanTask } from '../src/server/features/initiatives/critical-path.js';
import { computePlan } from '../src/server/features/initiatives/master-plan.service.js';
import { newId } from '../src/server/platform/auth/secrets.js';
import { seedDemo } from '../src/server/seed/index.js';
import { DEMO_PASSWORD } from '../src/server/seed/la-tech.data.js';
import { eq } from 'drizzle-orm';
import { percentile, round } from './support/inject.js';
import { cpuTicks } from './support/server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(20, Number(process.argv[2] ?? 50));
const WARMUP = 5;
const TARGET_MS = 100;
const INITIATIVES = 200;
const TASKS_PER_INITIATIVE = 25;

/** A deterministic plan: each task waits for one or two earlier tasks of its initiative; every
 * initiative's first task waits for a task of an earlier initiative (a dependency across initiatives). */
function generatePlan(): { initiative: number; task: PlanTask }[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const start = dayNumber('2027-01-04');
  const out: { initiative: number; task: PlanTask }[] = [];
  for (let i = 0; i < INITIATIVES; i++) {
    const first = out.length;
    for (let k = 0; k < TASKS_PER_INITIATIVE; k++) {
      const dependsOn: string[] = [];
      if (k > 0) dependsOn.push(out[first + Math.floor(random() * k)]!.task.id);
      if (k > 1 && random() < 0.5) dependsOn.push(out[first + k - 1]!.task.id);
      if (k === 0 && i > 0) dependsOn.push(out[Math.floor(random() * first)]!.task.id);
      const milestone = random() < 0.1;
      out.push({ initiative: i, task: { id: newId(), startsOn: isoDay(start + Math.floor(random() * 60)), durationDays: milestone ? 0 : 1 + Math.floor(random() * 20), dependsOn: [...new Set(dependsOn)] } });
    }
  }
  return out;
}


/**
 * CPU time (ms) used so far by this process's children (the embedded PGlite worker), from /proc on
 * Linux; null elsewhere. Wall-clock times on a shared machine mostly measure the queue for a core:
 * CPU time per read is what the read itself costs, whoever else is running.
 */
let databaseIsChild = false;
function childrenCpuMs(): number | null {
  if (process.platform !== 'linux' || !databaseIsChild) return null;
  try {
    const kids = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return kids.reduce((sum, pid) => sum + (cpuTicks(pid) ?? 0), 0) * 10; // USER_HZ = 100
  } catch {
    return null;
  }
}

async function time(fn: () => Promise<unknown> | unknown, before?: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) {
    await before?.();
    await fn();
  }
  const times: number[] = [];
  let cpuMicros = 0;
  const childrenBefore = childrenCpuMs();
  for (let i = 0; i < runs; i++) {
    await before?.();
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
  }
  const childrenAfter = childrenCpuMs();
  times.sort((a, b) => a - b);
  return {
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times.at(-1)!),
    // Mean CPU per read: this process (server code), and the PGlite worker (which also serves the `before` writes).
    cpuMsPerRun: round(cpuMicros / 1000 / runs),
    databaseCpuMsPerRun: childrenBefore === null || childrenAfter === null ? null : round((childrenAfter - childrenBefore) / runs),
  };
}

const loadAverageAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
const plan = generatePlan();
const cpm = await time(() => {
  const result = criticalPath(plan.map((p) => p.task));
  if (!result.ok) throw new Error('cycle');
});
console.error(`cpm: median ${cpm.medianMs} ms`);

/** Migrates and seeds a fresh database, adds the generated plan, and times the service and HTTP. */
async function measureOn(database: Database) {
  databaseIsChild = database.mode === 'pglite';
  const config = loadConfig({ DATA_DIR: os.tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database });
  try {
    await runMigrations(database);
    const coalitionId = (await seedDemo(database, { accounts: true }))!;
    const [coalition] = await database.db.select({ id: coalitions.id, timeZone: coalitions.timeZone }).from(coalitions).where(eq(coalitions.id, coalitionId));
    const initiativeIds = Array.from({ length: INITIATIVES }, () => newId());
    await database.db.transaction(async (tx) => {
      await tx.insert(initiatives).values(initiativeIds.map((id, i) => ({ coalitionId, id, title: `Bench initiative ${String(i).padStart(3, '0')}`, category: 'custom', customCategory: 'Benchmark' })));
      for (let k = 0; k < plan.length; k += 1000) {
        const batch = plan.slice(k, k + 1000);
        await tx.insert(initiativeTasks).values(batch.map(({ initiative, task }, j) => ({ coalitionId, id: task.id, initiativeId: initiativeIds[initiative]!, name: `Task ${k + j}`, startsOn: task.startsOn, durationDays: task.durationDays, milestone: task.durationDays === 0, progress: (k + j) % 3 === 0 ? 50 : 0 })));
      }
      const edges = plan.flatMap(({ task }) => task.dependsOn.map((dependsOnId) => ({ coalitionId, taskId: task.id, dependsOnId })));
      for (let k = 0; k < edges.length; k += 1000) await tx.insert(taskDependencies).values(edges.slice(k, k + 1000));
    });
    await app.ready();
    const headers = { origin: 'http://localhost:80', host: 'localhost:80' };
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers, payload: { email: 'coordinator@la-tech.demo', password: DEMO_PASSWORD } });
    const session = signIn.cookies.find((c) => c.name === 'tb_session');
    if (!session) throw new Error(`sign-in failed: ${signIn.statusCode} ${signIn.body}`);
    const cookie = `tb_session=${session.value}`;

    let tasks = 0;
    const service = await time(async () => {
      tasks = (await computePlan(database.db, coalition!, '2027-03-01')).items.length;
    });
    let bytes = 0;
    const get = async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/coalitions/la-tech/master-plan?asOf=2027-03-01', headers: { ...headers, cookie } });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
      bytes = res.rawPayload.length;
    };
    const http = await time(get);
    // Cold: a committed change to one task (its progress) before every read moves the plan version.
    let progress = 0;
    const touch = () => database.db.update(initiativeTasks).set({ progress: (progress = (progress + 7) % 100) }).where(eq(initiativeTasks.id, plan[0]!.task.id));
    const serviceCold = await time(() => computePlan(database.db, coalition!, '2027-03-01'), touch);
    const httpCold = await time(get, touch);
    console.error(`${database.mode}: service median ${service.medianMs} ms warm, ${serviceCold.medianMs} ms cold; http median ${http.medianMs} ms warm, ${httpCold.medianMs} ms cold; over ${tasks} tasks (${Math.round(bytes / 1024)} KiB)`);
    console.error(`${database.mode}: CPU per read (server + database): http ${http.cpuMsPerRun} + ${http.databaseCpuMsPerRun} ms warm, ${httpCold.cpuMsPerRun} + ${httpCold.databaseCpuMsPerRun} ms cold`);
    return { tasks, service, serviceCold, http: { ...http, responseBytes: bytes }, httpCold };
  } finally {
    await app.close();
  }
}

console.error(`Migrating, seeding, adding ${plan.length} tasks…`);
const { pglite, postgres } = await measureOnBothModes('master-plan', measureOn);

{
  const result = {
    benchmark: 'master-plan',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
    plan: { generatedInitiatives: INITIATIVES, generatedTasks: plan.length, dependencies: plan.reduce((s, p) => s + p.task.dependsOn.length, 0), tasksWithDemoSeed: pglite.tasks },
    runs,
    targetMs: TARGET_MS,
    loadAverageAtStart,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    cpm,
    pglite: { service: pglite.service, serviceCold: pglite.serviceCold, http: pglite.http, httpCold: pglite.httpCold },
    postgres: postgres && { service: postgres.service, serviceCold: postgres.serviceCold, http: postgres.http, httpCold: postgres.httpCold },
    meetsTarget: {
      cpm: cpm.medianMs < TARGET_MS,
      pgliteService: pglite.service.medianMs < TARGET_MS,
      pgliteServiceCold: pglite.serviceCold.medianMs < TARGET_MS,
      pgliteHttp: pglite.http.medianMs < TARGET_MS,
      pgliteHttpCold: pglite.httpCold.medianMs < TARGET_MS,
      postgresService: postgres ? postgres.service.medianMs < TARGET_MS : null,
      postgresServiceCold: postgres ? postgres.serviceCold.medianMs < TARGET_MS : null,
      postgresHttp: postgres ? postgres.http.medianMs < TARGET_MS : null,
      postgresHttpCold: postgres ? postgres.httpCold.medianMs < TARGET_MS : null,
    },
  };
  const out = path.join(root, 'bench', 'results', `master-plan-${result.date.slice(0, 10)}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
}
