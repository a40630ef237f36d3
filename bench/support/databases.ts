// Runs one in-process measurement on a fresh embedded PGlite and, when BENCH_DATABASE_URL names a
// PostgreSQL server the bench may create databases on, on a scratch database there (dropped after).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPostgres, startEmbedded, type Database } from '../../src/server/db/client.js';
import { withScratchDatabase } from './server.js';

export async function measureOnBothModes<T>(name: string, measureOn: (database: Database) => Promise<T>): Promise<{ pglite: T; postgres: T | null }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tb-bench-${name}-`));
  console.error(`Fresh embedded database in ${dataDir}`);
  const embedded = await startEmbedded(dataDir);
  let pglite: T;
  try {
    pglite = await measureOn(embedded);
  } finally {
    await embedded.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const postgres = serverUrl
    ? await withScratchDatabase(serverUrl, `tb_bench_${name.replaceAll('-', '_')}`, async (url) => {
        const server = connectPostgres(url);
        try {
          return await measureOn(server);
        } finally {
          await server.close();
        }
      })
    : null;
  return { pglite, postgres };
}
