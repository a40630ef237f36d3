// `npm run backup -- --coalition <slug> [--out <file>]` or `npm run backup -- --all [--out <file>]`:
// one coalition (every row with its coalition_id, its library files included, and the accounts and
// skills those rows point at), or the whole database, to a gzip'd JSON-lines file with a schema
// version and checksums (decision 017). Reads DATABASE_URL, or the embedded database in DATA_DIR
// (stop the server first: the embedded database has one owner). Writes to BACKUP_DIR by default.
import path from 'node:path';
import { loadConfig } from '../src/server/env.js';
import { backupToFile, BackupError } from '../src/server/platform/backup/backup.js';
import { openDatabase, runIfCommand } from './import.js';

const usage = 'Usage: npm run backup -- (--coalition <slug> | --all) [--out <file>]';

export function parseBackupArgs(argv: string[]): { coalition?: string; all: boolean; out?: string } | null {
  const args: { coalition?: string; all: boolean; out?: string } = { all: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--coalition') args.coalition = inline ?? argv[++i];
    else if (flag === '--out') args.out = inline ?? argv[++i];
    else if (flag === '--all') args.all = true;
    else return null;
  }
  if (args.all === (args.coalition !== undefined) || args.coalition === '' || args.out === '') return null;
  return args;
}

async function main(): Promise<number> {
  const args = parseBackupArgs(process.argv.slice(2));
  if (!args) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = path.resolve(args.out ?? path.join(config.backupDir, `${args.coalition ?? 'database'}-${stamp}.tbbackup.gz`));
  const database = await openDatabase(config);
  try {
    const started = Date.now();
    const summary = await backupToFile(database, { coalition: args.coalition }, file);
    const what = summary.coalition ? `coalition ${summary.coalition.slug}` : 'the whole database';
    console.error(`Backed up ${what}: ${summary.rows.toLocaleString('en-US')} rows from ${Object.values(summary.tables).filter((n) => n > 0).length} tables in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
    console.error(`SHA-256 ${summary.sha256}`);
    console.error('The file holds personal data and password hashes: keep it as safe as the database.');
    console.log(file);
    return 0;
  } finally {
    await database.close();
  }
}

runIfCommand(import.meta.url, main, [BackupError]);
