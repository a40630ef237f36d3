// Benchmark: the real O*NET Skills file (61,530 rows) imported into a fresh embedded database
// through the job path (startImport → drainJobs, exactly as the API and the CLI run it), with a
// live progress bar. Records wall time, rows/s and peak memory of this process (RSS sampled every
// 50 ms) and of the embedded PGlite worker process, into bench/results/import-onet-skills-<date>.json.
//   node --import tsx bench/import-onet-skills.ts [path/to/Skills.txt]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbedded } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { loadConfig } from '../src/server/env.js';
import { seedDemo } from '../src/server/seed/index.js';
import { importFile, progressBar } from '../scripts/import.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'datasets', 'onet', 'Skills.txt'));
if (!fs.existsSync(file)) {
  console.error(`No file ${file} (the real O*NET Skills.txt from ../shared/datasets/onet/)`);
  process.exit(2);
}

/** The embedded PGlite worker among this process's children, from /proc (Linux). */
function pgliteWorkerPid(): number | null {
  try {
    const children = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.find((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pglite-worker')) ?? null;
  } catch {
    return null;
  }
}

/** VmRSS / VmHWM (peak) of a process in bytes, from /proc. */
function procMemory(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-import-'));
const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'silent' });
console.error(`Fresh embedded database in ${dataDir}: migrating and seeding the demo coalition…`);
const database = await startEmbedded(dataDir).catch((error: unknown) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  throw error;
});
try {
  await runMigrations(database);
  await seedDemo(database, { accounts: true });
  const worker = pgliteWorkerPid();
  const rows = Math.max(fs.readFileSync(file).toString('utf8').split('\n').filter((l) => l.trim()).length - 1, 0);

  const samples = { node: 0, heap: 0, worker: 0 };
  const baseline = { node: process.memoryUsage().rss, worker: worker ? (procMemory(worker)?.rss ?? 0) : 0 };
  const sample = () => {
    const m = process.memoryUsage();
    samples.node = Math.max(samples.node, m.rss);
    samples.heap = Math.max(samples.heap, m.heapUsed);
    if (worker) samples.worker = Math.max(samples.worker, procMemory(worker)?.rss ?? 0);
  };
  const timer = setInterval(sample, 50);
  const phases: Record<string, number> = {};
  const bar = progressBar();
  const started = performance.now();
  const status = await importFile({
    database,
    config,
    kind: 'onet-skills',
    file,
    onProgress: (p) => {
      phases[p.phase] ??= Math.round(performance.now() - started);
      bar.update(p);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  bar.done();
  if (status.status !== 'succeeded') {
    console.error('The import failed:', status.errors.slice(0, 20));
    process.exitCode = 1;
  }

  const result = {
    benchmark: 'import-onet-skills',
    date: new Date().toISOString(),
    file: path.relative(root, file),
    rows,
    status: status.status,
    result: status.result,
    path: 'startImport → import job (validate every row, then write all in one transaction) → drainJobs, embedded PGlite in its worker process',
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    phasesStartedAtMs: phases,
    memoryMB: {
      nodeRssBaseline: mb(baseline.node),
      nodeRssPeak: mb(samples.node),
      nodeHeapUsedPeak: mb(samples.heap),
      pgliteWorkerRssBaseline: mb(baseline.worker),
      pgliteWorkerRssPeak: mb(samples.worker),
      pgliteWorkerRssHighWaterMark: worker ? mb(procMemory(worker)?.peak ?? 0) : null,
      sampledEveryMs: 50,
    },
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? null, totalMemoryMB: mb(os.totalmem()), loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version, platform: `${os.platform()} ${os.release()}` },
  };
  const outDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `import-onet-skills-${result.date.slice(0, 10)}.json`);
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.error(`${rows.toLocaleString('en-US')} rows in ${result.seconds}s (${result.rowsPerSecond.toLocaleString('en-US')} rows/s); peak RSS ${result.memoryMB.nodeRssPeak} MB (node), ${result.memoryMB.pgliteWorkerRssPeak} MB (PGlite worker). Written to ${path.relative(root, out)}`);
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
