// `npm run import -- <kind> <file> [--coalition <slug>]`: imports a file exactly as the API does
// (the same import job: validate every row, then write all or nothing), against DATABASE_URL or
// the embedded database in DATA_DIR, as the coalition's first Coordinator. Progress goes to
// stderr; every bad row is listed; the exit code is 1 when the import fails.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Role } from '../src/shared/common.contract.js';
import { connectPostgres, startEmbedded, type Database } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { coalitions, organizations, people, users } from '../src/server/db/schema.js';
import { loadConfig, type Config } from '../src/server/env.js';
import type { Services, TenantCtx } from '../src/server/platform/context.js';
import { AppError } from '../src/server/platform/errors.js';
import { findImporter, importerKinds } from '../src/server/platform/imports/importers.js';
import { getImport, onImportProgress, startImport, type ImportProgress, type ImportStatus } from '../src/server/platform/imports/imports.service.js';
import { drainJobs } from '../src/server/platform/jobs/jobs.js';
import { createMailer } from '../src/server/platform/mail/mailer.js';

const featuresDir = fileURLToPath(new URL('../src/server/features/', import.meta.url));

/**
 * Registers the import kinds without building the whole app (a few seconds saved per run): every
 * room's policies, and the rooms that have importers (their `*.import.ts` files, loaded through
 * the room's index). `everything` loads the app itself, for a kind or a policy found elsewhere.
 */
export async function loadImporters(everything = false): Promise<void> {
  if (everything) {
    await import('../src/server/app.js');
    return;
  }
  const modules: string[] = [];
  for (const room of fs.readdirSync(featuresDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const files = fs.readdirSync(path.join(featuresDir, room.name));
    for (const file of files) if (file.endsWith('.policy.ts')) modules.push(path.join(featuresDir, room.name, file));
    if (files.some((file) => file.endsWith('.import.ts')) && files.includes('index.ts')) modules.push(path.join(featuresDir, room.name, 'index.ts'));
  }
  for (const module of modules) await import(pathToFileURL(module).href);
}

export class CliError extends Error {}

/**
 * Runs `main` when this module is the command node was started with: exits with its code; an error
 * of one of the `plain` kinds (the user's mistake, already worded) prints its message alone.
 */
export function runIfCommand(moduleUrl: string, main: () => Promise<number>, plain: (new (...args: never[]) => Error)[]): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  main()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error([CliError, ...plain].some((kind) => error instanceof kind) ? (error as Error).message : error);
      process.exit(1);
    });
}

/** DATABASE_URL, else the embedded database in DATA_DIR; a directory held by a running server is said so plainly. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl, 3);
  try {
    return await startEmbedded(config.dataDir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const holder = /in use by process (\d+)/.exec(message);
    if (holder) {
      throw new CliError(
        `The embedded database in ${config.dataDir} is in use by a running TalentBridge server (its database process is ${holder[1]}). ` +
          'Stop the server and run the import again, or import through the running server (the Imports page, or POST /api/v1/coalitions/<slug>/imports/<kind>).',
      );
    }
    throw error;
  }
}

const quietLog = {
  level: 'warn',
  fatal: (...args: unknown[]) => console.error(...args),
  error: (...args: unknown[]) => console.error(...args),
  warn: (...args: unknown[]) => console.error(...args),
  info: () => undefined,
  debug: () => undefined,
  trace: () => undefined,
  silent: () => undefined,
  child: () => quietLog,
} as unknown as FastifyBaseLogger;

/** The import as the coalition's first Coordinator would start it through the API. */
async function coordinatorContext(services: Services, coalitionSlug: string | undefined): Promise<TenantCtx> {
  const db = services.database.db;
  const [coalition] = await db
    .select({ id: coalitions.id, slug: coalitions.slug, name: coalitions.name, timeZone: coalitions.timeZone })
    .from(coalitions)
    .where(coalitionSlug ? eq(coalitions.slug, coalitionSlug.toLowerCase()) : undefined)
    .orderBy(asc(coalitions.createdAt))
    .limit(1);
  if (!coalition) throw new CliError(coalitionSlug ? `No coalition "${coalitionSlug}" in this database.` : 'This database has no coalition yet: start the app once (the embedded demo seeds one) or create one.');
  const [coordinator] = await db
    .select({ personId: people.id, roles: people.roles, organizationId: people.organizationId, organizationType: organizations.type, userId: users.id, email: users.email, name: users.name })
    .from(people)
    .innerJoin(users, eq(users.id, people.userId))
    .leftJoin(organizations, and(eq(organizations.coalitionId, people.coalitionId), eq(organizations.id, people.organizationId)))
    .where(and(eq(people.coalitionId, coalition.id), sql`'coordinator' = any(${people.roles})`))
    .orderBy(asc(people.createdAt))
    .limit(1);
  if (!coordinator) throw new CliError(`Coalition ${coalition.slug} has no Coordinator with an account to import as.`);
  return {
    services,
    db,
    actor: { userId: coordinator.userId, email: coordinator.email, name: coordinator.name, via: 'token' },
    ip: '127.0.0.1',
    userAgent: 'talentbridge-import-cli',
    baseUrl: services.config.publicUrl ?? `http://localhost:${services.config.port}`,
    coalition,
    principal: { personId: coordinator.personId, roles: new Set(coordinator.roles as Role[]), organizationId: coordinator.organizationId, organizationType: coordinator.organizationType },
  };
}

export interface ImportFileOptions {
  database: Database;
  config: Config;
  kind: string;
  file: string;
  coalition?: string;
  onProgress?: (progress: ImportProgress) => void;
}

/** Starts the import job and runs it to the end in this process; returns its final status. */
export async function importFile(options: ImportFileOptions): Promise<ImportStatus & { coordinator: string; coalition: string }> {
  const services: Services = {
    config: options.config,
    database: options.database,
    mailer: createMailer({ smtpUrl: options.config.smtpUrl, from: options.config.mailFrom, log: quietLog, production: options.config.production }),
  };
  if (!findImporter(options.kind)) await loadImporters();
  const ctx = await coordinatorContext(services, options.coalition);
  const body = fs.readFileSync(options.file);
  let started: { id: string };
  try {
    started = await startImport(ctx, options.kind, body);
  } catch (error) {
    // A kind whose policy lives outside the rooms' *.policy.ts files: load the whole app, once.
    if (!(error instanceof AppError && (error.code === 'forbidden' || error.code === 'not_found'))) throw error;
    await loadImporters(true);
    started = await startImport(ctx, options.kind, body);
  }
  const { id } = started;
  const stop = onImportProgress((progress) => {
    if (progress.jobId === id) options.onProgress?.(progress);
  });
  try {
    await drainJobs(services, quietLog);
    // Another process (a running server on the same database) may have claimed the job: wait for it.
    for (;;) {
      const status = await getImport(ctx, id);
      if (status.status === 'succeeded' || status.status === 'failed') return { ...status, coordinator: ctx.actor.email, coalition: ctx.coalition.slug };
      if (status.phase) options.onProgress?.({ jobId: id, kind: options.kind, phase: status.phase as ImportProgress['phase'], processed: status.processed, total: status.total });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    stop();
  }
}

/** A text progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastLine = '';
  let lastStep = -1;
  return {
    update(p: ImportProgress) {
      const total = p.total && p.total > 0 ? p.total : null;
      const share = total ? Math.min(p.processed / total, 1) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const line = `${p.phase.padEnd(10)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${total ? `${String(Math.floor(share * 100)).padStart(3)}%` : '   '} ${p.processed.toLocaleString('en-US')}${total ? `/${total.toLocaleString('en-US')}` : ''} rows  ${seconds}s`;
      if (stream.isTTY) {
        stream.write(`\r${line}`);
        lastLine = line;
      } else {
        const step = Math.floor(share * 10) + (p.phase === 'writing' ? 100 : 0);
        if (step !== lastStep) stream.write(`${line}\n`);
        lastStep = step;
      }
    },
    done() {
      if (stream.isTTY && lastLine) stream.write('\n');
    },
  };
}

const usage = () =>
  [
    'Usage: npm run import -- <kind> <file> [--coalition <slug>]',
    '',
    'Imports into DATABASE_URL, or the embedded database in DATA_DIR (default ./data; stop the server first).',
    'Kinds:',
    ...importerKinds().map((kind) => `  ${kind.padEnd(24)} ${findImporter(kind)?.description ?? ''}`),
  ].join('\n');

function parseArgs(argv: string[]) {
  const positional: string[] = [];
  let coalition: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--coalition') coalition = argv[++i];
    else if (arg.startsWith('--coalition=')) coalition = arg.slice('--coalition='.length);
    else if (arg === '--help' || arg === '-h') return null;
    else positional.push(arg);
  }
  if (positional.length !== 2) return null;
  return { kind: positional[0]!, file: positional[1]!, coalition };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    await loadImporters();
    console.error(usage());
    return 2;
  }
  const file = path.resolve(args.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`No file ${file}`);
    return 2;
  }
  const config = loadConfig();
  // The embedded database starts in its own process while this one loads the import kinds.
  const opening = openDatabase(config);
  opening.catch(() => undefined);
  await loadImporters();
  if (!findImporter(args.kind)) await loadImporters(true);
  const database = await opening;
  if (!findImporter(args.kind)) {
    await database.close();
    console.error(`No import of kind "${args.kind}".\n\n${usage()}`);
    return 2;
  }
  try {
    await runMigrations(database);
    const bar = progressBar();
    const started = Date.now();
    const status = await importFile({ database, config, kind: args.kind, file, coalition: args.coalition, onProgress: (p) => bar.update(p) });
    bar.done();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const where = config.databaseUrl ? 'the server in DATABASE_URL' : `the embedded database in ${config.dataDir}`;
    if (status.status === 'succeeded') {
      console.error(`Imported ${path.basename(file)} as ${args.kind} into ${status.coalition} (${where}) as ${status.coordinator}: ${status.processed.toLocaleString('en-US')} rows in ${seconds}s.`);
      console.error(`Result: ${JSON.stringify(status.result)}`);
      return 0;
    }
    console.error(`Import failed: nothing was written. ${status.errors.length} problem${status.errors.length === 1 ? '' : 's'}:`);
    for (const e of status.errors) console.error(`  row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
    return 1;
  } finally {
    await database.close();
  }
}

runIfCommand(import.meta.url, main, [AppError]);
