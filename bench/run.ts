// `npm run bench`: every benchmark in turn; each writes bench/results/<name>-<date>.json.
// Absolute times drift on shared 2-core machines: read each result with its recorded load average.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// la-scale.ts builds its PostgreSQL database on first use (BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/tb_bench_la) and reuses it; la-import.ts makes and drops its own
// (BENCH_IMPORT_DATABASE_URL, default …/tb_bench_la_import); metrics-rollup.ts generates 2,000,000
// applications into BENCH_METRICS_DATABASE_URL (default …/tb_bench_metrics) and reuses it.
// la-endpoints.ts reads the LA database la-scale.ts built (adding bench/la-scale/extras.ts once) and
// builds its small-scale twin BENCH_SMALL_DATABASE_URL (default …/tb_bench_la_small), kept too.
const benches = ['import-onet-skills.ts', 'alignment.ts', 'master-plan.ts', 'digest.ts', 'la-scale.ts', 'la-endpoints.ts', 'la-import.ts', 'metrics-rollup.ts', 'soak.ts', 'http-load.ts', 'web-perf.ts'];
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== bench/${bench} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', bench)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
// Last: the Markdown table of the newest result of each benchmark (bench/results/README.md).
spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', 'summary.ts')], { cwd: root, stdio: 'inherit' });
console.log(`\nbenchmarks: ${benches.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
