// `npm run restore -- <file>`: restores a backup written by `npm run backup` into DATABASE_URL, or
// the embedded database in DATA_DIR (stop the server first). Migrates the database first, so an
// empty one works. A coalition backup needs a database without that coalition; a whole-database
// backup needs an empty one. One transaction: a damaged or truncated file restores nothing.
import path from 'node:path';
import fs from 'node:fs';
import { runMigrations } from '../src/server/db/migrate.js';
import { loadConfig } from '../src/server/env.js';
import { BackupError } from '../src/server/platform/backup/backup.js';
import { restoreFromFile } from '../src/server/platform/backup/restore.js';
import { openDatabase, runIfCommand } from './import.js';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.length !== 1 || argv[0]!.startsWith('-')) {
    console.error('Usage: npm run restore -- <file>');
    return 2;
  }
  const file = path.resolve(argv[0]!);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`No file ${file}`);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    const started = Date.now();
    const summary = await restoreFromFile(database, file);
    const what = summary.coalition ? `coalition ${summary.coalition.slug}` : 'the whole database';
    const where = config.databaseUrl ? 'the server in DATABASE_URL' : `the embedded database in ${config.dataDir}`;
    console.error(`Restored ${what} into ${where}: ${summary.rows.toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)}s${summary.alreadyPresent ? ` (${summary.alreadyPresent} shared rows, such as accounts, were already here and kept)` : ''}.`);
    return 0;
  } finally {
    await database.close();
  }
}

runIfCommand(import.meta.url, main, [BackupError]);
