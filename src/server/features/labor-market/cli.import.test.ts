import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, importFile, openDatabase } from '../../../../scripts/import.js';
import type { ImportProgress } from '../../platform/imports/imports.service.js';
import { loadConfig } from '../../env.js';
import { createTestApp, demo, type TestApp } from '../../test/harness.js';
import { datasetsDir } from './fixtures/import-harness.js';

const fixturePath = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('npm run import (scripts/import.ts)', () => {
  it('runs the import job as the coalition’s first Coordinator, reporting progress while it validates and writes', async () => {
    const events: ImportProgress[] = [];
    const status = await importFile({ database: t.database, config: t.config, kind: 'soc-2018-structure', file: path.join(datasetsDir, 'soc', 'soc2018_structure.csv'), onProgress: (p) => events.push(p) });
    expect(status).toMatchObject({ status: 'succeeded', processed: 1447, coordinator: demo.coordinator, coalition: 'la-tech', result: { created: 1447 } });
    if (t.database.mode === 'postgres') {
      // One pass: every 500 rows checked and handed to the writer, then the end.
      expect(events.map((e) => [e.phase, e.processed])).toEqual([['writing', 500], ['writing', 1000], ['writing', 1447]]);
    } else {
      // The embedded database: every row validated first, then written a batch at a time.
      expect(events.filter((e) => e.phase === 'validating').map((e) => e.processed)).toEqual([500, 1000]);
      expect(events.filter((e) => e.phase === 'writing').map((e) => e.processed)).toEqual([1000, 1447]);
    }
    expect(events.every((e) => e.total === 1447)).toBe(true);
  });

  it('returns every bad row of a failed import', async () => {
    const status = await importFile({ database: t.database, config: t.config, kind: 'cip-soc', file: fixturePath('cip-soc.bad.tsv'), coalition: 'la-tech' });
    expect(status.status).toBe('failed');
    expect(status.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'cip2020code'],
      [4, 'soc2018code'],
      [5, 'cip2020title'],
      [5, 'soc2018title'],
      [6, null],
    ]);
  });

  it('names an unknown coalition', async () => {
    await expect(importFile({ database: t.database, config: t.config, kind: 'cip-soc', file: fixturePath('cip-soc.good.tsv'), coalition: 'atlantis' })).rejects.toThrow(CliError);
  });

  it('says plainly when a running server holds the embedded database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-import-lock-'));
    try {
      // The parent process (the test runner) is alive and is not the worker: it "holds" the directory.
      fs.writeFileSync(path.join(dataDir, 'talentbridge.lock'), String(process.ppid));
      const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' });
      await expect(openDatabase(config)).rejects.toThrow(new RegExp(`in use by a running TalentBridge server \\(its database process is ${process.ppid}\\)`));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('prints its usage with every kind, and exits 2, when called without a kind and a file', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    expect(result.status).toBe(2);
    for (const kind of ['labor-market', 'bls-projections', 'soc-2018-structure', 'soc-2010-structure', 'soc-crosswalk', 'onet-occupations', 'onet-technology-skills', 'onet-skills', 'onet-knowledge', 'onet-job-zones', 'cip-soc']) {
      expect(result.stderr).toContain(`  ${kind} `);
    }
  }, 30_000);
});
