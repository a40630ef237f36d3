// Benchmark (issue 9): a real server process (main.ts) with the demo coalition, on embedded PGlite
// and on PostgreSQL (BENCH_ADMIN_URL, default the machine's postgres://postgres@127.0.0.1:5432/test,
// where the bench creates and drops a scratch database).
//   1. Throughput under 50 connections (autocannon, 10 s each): the bare `/api/health` of the same
//      server, then an opportunity-board list with filters as a signed-in employer.
//   2. Responsiveness: 32 heavy requests kept in flight (master plan, skills alignment, metrics,
//      labor-market occupations, the board list, the coalition status report PDF) while
//      `/api/health` is asked every 20 ms; target: its p99 under 250 ms in both modes. The same probe
//      with nothing in flight is recorded beside it. Inside the server, bench/support/loop-probe.ts
//      records how long its event loop was held during that phase (monitorEventLoopDelay) and the CPU
//      it used; PDFs render on its worker threads (decision 024).
// Writes bench/results/http-load-<date>.json.
//   node --import tsx bench/http-load.ts [seconds per phase]
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuTicks, machine, root, startServer, withScratchDatabase, type RunningServer } from './support/server.js';

const PROBE = ['--import', path.join(root, 'bench', 'support', 'loop-probe.ts')];

const SECONDS = Math.max(5, Number(process.argv[2] ?? 10));
const CONNECTIONS = 50;
const IN_FLIGHT = 32;
const HEALTH_P99_TARGET_MS = 250;
const round = (ms: number) => Math.round(ms * 10) / 10;

const BOARD = '/coalitions/la-tech/opportunities?status=open&kind=internship&audience=college&limit=50';
const HEAVY = [
  '/coalitions/la-tech/master-plan',
  '/coalitions/la-tech/alignment/skills',
  `/coalitions/la-tech/metrics?year=${new Date().getUTCFullYear()}`,
  '/coalitions/la-tech/labor-market/occupations?region=los-angeles',
  BOARD,
  '/coalitions/la-tech/status-report.pdf',
];

interface Throughput {
  url: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU (user + system, all threads) per request: the server process, and the embedded database's own process. */
  cpuMsPerRequest: { server: number; database: number | null };
  /** Cores the server process had on average during the run (2 would be the whole machine). */
  serverCores: number;
}

/** CPU time of a process so far, in ms, from /proc (utime + stime, in clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  const ticks = cpuTicks(pid);
  if (ticks === null) throw new Error(`process ${pid} is gone`);
  return ticks * 10;
}

async function throughput(server: RunningServer, url: string, cookie?: string): Promise<Throughput> {
  const [server0, database0, started] = [cpuMs(server.pid), cpuMs(server.databasePid), performance.now()];
  const result = await autocannon({ url: `http://127.0.0.1:${server.port}${url}`, connections: CONNECTIONS, duration: SECONDS, headers: cookie ? { cookie } : {} });
  const [serverCpu, databaseCpu, wallMs] = [cpuMs(server.pid) - server0, cpuMs(server.databasePid) - database0, performance.now() - started];
  const requests = Math.max(1, result.requests.total);
  return {
    url,
    connections: CONNECTIONS,
    seconds: SECONDS,
    requestsPerSecond: round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuMsPerRequest: { server: Math.round((serverCpu / requests) * 100) / 100, database: server.databasePid ? Math.round((databaseCpu / requests) * 100) / 100 : null },
    serverCores: Math.round((serverCpu / wallMs) * 100) / 100,
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** `/api/health` asked every 20 ms for `seconds`, one at a time; latencies in ms. */
async function probeHealth(server: RunningServer, seconds: number) {
  const latencies: number[] = [];
  let failures = 0;
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const started = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) failures++;
    } catch {
      failures++;
    }
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  latencies.sort((a, b) => a - b);
  return { samples: latencies.length, failures, p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies[latencies.length - 1] ?? NaN) };
}

async function underHeavyLoad(server: RunningServer, cookie: string) {
  for (const url of HEAVY) {
    const res = await fetch(`${server.base}${url}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    await res.arrayBuffer();
  }
  const idle = await probeHealth(server, Math.min(SECONDS, 5));
  let stop = false;
  let completed = 0;
  let failed = 0;
  const workers = Array.from({ length: IN_FLIGHT }, async (_, i) => {
    for (let n = i; !stop; n++) {
      try {
        const res = await fetch(`${server.base}${HEAVY[n % HEAVY.length]}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status === 200) completed++;
        else failed++;
      } catch {
        failed++;
      }
    }
  });
  await new Promise((r) => setTimeout(r, 1000)); // let the heavy requests pile up first
  const probeFile = process.env.BENCH_LOOP_PROBE_FILE!;
  fs.rmSync(probeFile, { force: true });
  process.kill(server.pid!, 'SIGUSR2');
  const started = performance.now();
  const loaded = await probeHealth(server, SECONDS);
  process.kill(server.pid!, 'SIGUSR2');
  const wallMs = performance.now() - started;
  stop = true;
  await Promise.all(workers);
  for (let i = 0; i < 100 && !fs.existsSync(probeFile); i++) await new Promise((r) => setTimeout(r, 50));
  const loop = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as { p50: number; p99: number; max: number; mean: number; cpuMs: number };
  fs.rmSync(probeFile, { force: true });
  const serverEventLoopDelayMs = { p50: loop.p50, p99: loop.p99, max: loop.max, mean: loop.mean };
  // Share of one core the server process got while loaded: on a shared 2-core machine, the rest went elsewhere.
  const serverCpuCores = Math.round((loop.cpuMs / wallMs) * 100) / 100;
  return { inFlight: IN_FLIGHT, heavy: HEAVY, heavyCompleted: completed, heavyFailed: failed, idle, loaded, serverEventLoopDelayMs, serverCpuCores, p99TargetMs: HEALTH_P99_TARGET_MS, withinTarget: loaded.p99 < HEALTH_P99_TARGET_MS && loaded.failures === 0 };
}

async function measure(mode: 'pglite' | 'postgres', databaseUrl?: string) {
  process.env.BENCH_LOOP_PROBE_FILE = path.join(os.tmpdir(), `tb-loop-probe-${process.pid}-${mode}.json`); // read by the server's loop-probe
  const server = await startServer(mode, databaseUrl, 'error', PROBE);
  try {
    const employer = await server.signIn('employer@la-tech.demo');
    const coordinator = await server.signIn('coordinator@la-tech.demo');
    const bare = await throughput(server, '/api/health');
    const board = await throughput(server, `/api/v1${BOARD}`, employer);
    const health = await underHeavyLoad(server, coordinator);
    const result = { mode, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), bare, board, boardShareOfBare: round((board.requestsPerSecond / bare.requestsPerSecond) * 100) / 100, healthUnderLoad: health };
    console.log(`${mode}: bare ${bare.requestsPerSecond} req/s (${bare.cpuMsPerRequest.server} ms CPU each), board ${board.requestsPerSecond} req/s (${board.cpuMsPerRequest.server} ms server CPU each${board.cpuMsPerRequest.database === null ? '' : `, ${board.cpuMsPerRequest.database} ms database`}, server had ${board.serverCores} cores; errors ${board.errors}, non-2xx ${board.non2xx}); health p99 idle ${health.idle.p99} ms, with ${IN_FLIGHT} heavy in flight ${health.loaded.p99} ms (${health.withinTarget ? 'within' : 'OVER'} ${HEALTH_P99_TARGET_MS} ms; ${health.heavyCompleted} heavy done; server loop delay p99 ${health.serverEventLoopDelayMs.p99} ms, max ${health.serverEventLoopDelayMs.max} ms, ${health.serverCpuCores} cores); load ${os.loadavg()[0]!.toFixed(1)}`);
    return result;
  } finally {
    await server.stop();
  }
}

const results = [await measure('pglite')];
const admin = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
results.push(await withScratchDatabase(admin, 'tb_bench_http', (url) => measure('postgres', url)));

const out = {
  benchmark: 'http-load',
  date: new Date().toISOString(),
  method: `autocannon, ${CONNECTIONS} connections × ${SECONDS} s per endpoint against a server process with the demo coalition; health probed every 20 ms, one request at a time, with ${IN_FLIGHT} heavy requests kept in flight; the server's event-loop delay (monitorEventLoopDelay, 10 ms resolution) and CPU over that phase from inside it`,
  results,
  allWithinTarget: results.every((r) => r.healthUnderLoad.withinTarget),
  machine: machine(),
};
const file = path.join(root, 'bench', 'results', `http-load-${out.date.slice(0, 10)}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${path.relative(root, file)}`);
process.exit(results.every((r) => r.board.errors === 0 && r.board.non2xx === 0) ? 0 : 1);
