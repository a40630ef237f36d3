// `npm run bench`: every benchmark in turn; each writes bench/results/<name>-<date>.json.
// Absolute times drift on shared 2-core machines: read each result with its recorded load average.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benches = ['import-onet-skills.ts', 'alignment.ts', 'master-plan.ts'];
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== bench/${bench} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', bench)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
console.log(`\nbenchmarks: ${benches.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
