import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { connectPostgres, poolForPgliteHost, wrapPool, type Database } from '../db/client.js';
import { migrationsFolder, runMigrations } from '../db/migrate.js';
import { startPgliteHost } from '../db/pglite-host.js';
import { testSettings } from '../env.js';

/**
 * Test databases start from a migrated snapshot, not a fresh migrate: a new PGlite directory takes
 * ~6 s here, a copy of a migrated one well under a second. The snapshot is keyed by the migrations,
 * so a new migration makes a new one.
 */
export const testRoot = path.resolve('.test-data');
export type TestDbMode = 'pglite' | 'postgres';

export function testDbMode(): TestDbMode {
  return testSettings().dbMode;
}

export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 12);
}

const pgliteTemplate = () => path.join(testRoot, `pglite-template-${migrationsHash()}`);
const postgresTemplate = () => `tb_template_${migrationsHash()}`;

export function testDatabaseUrl(): string {
  const url = testSettings().databaseUrl;
  if (!url) throw new Error('TB_TEST_DB=postgres needs TEST_DATABASE_URL');
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Called once per run by the global setup. */
export async function prepareTemplate(mode: TestDbMode): Promise<void> {
  if (mode === 'pglite') {
    const target = pgliteTemplate();
    if (fs.existsSync(target)) return;
    fs.mkdirSync(testRoot, { recursive: true });
    const building = `${target}.building-${process.pid}`;
    fs.rmSync(building, { recursive: true, force: true });
    const host = await startPgliteHost(building);
    const database = wrapPool(poolForPgliteHost(host.port), 'pglite', { onClose: () => host.stop() });
    await runMigrations(database);
    await database.close();
    try {
      fs.renameSync(building, target);
    } catch (error) {
      // Another test run built the same template meanwhile: keep theirs.
      if (!fs.existsSync(target)) throw error;
      fs.rmSync(building, { recursive: true, force: true });
    }
    return;
  }
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    // Several test runs may start at once: one builds the template while the others wait.
    await admin.query('select pg_advisory_lock(hashtext($1))', ['talentbridge-test-template']);
    const name = postgresTemplate();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return;
    await admin.query(`create database ${name}`);
    const database = connectPostgres(withDatabase(testDatabaseUrl(), name), 2);
    await runMigrations(database);
    await database.close();
  } finally {
    await admin.end();
  }
}

/** A private, migrated, empty database for one test file. */
export async function openTestDatabase(): Promise<Database> {
  // The migrations may change while a long run is under way (a new migration in a shared tree):
  // build the template for the current ones if it is missing, instead of failing on its absence.
  await prepareTemplate(testDbMode());
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (testDbMode() === 'pglite') {
    const dir = path.join(testRoot, `run-${suffix}`);
    fs.cpSync(pgliteTemplate(), dir, { recursive: true });
    const host = await startPgliteHost(dir);
    return wrapPool(poolForPgliteHost(host.port), 'pglite', {
      onClose: async () => {
        await host.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    });
  }
  const name = `tb_test_${suffix}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template ${postgresTemplate()}`);
  await admin.end();
  return wrapPool(new pg.Pool({ connectionString: withDatabase(testDatabaseUrl(), name), max: 5 }), 'postgres', {
    onClose: async () => {
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  });
}

/** A migrated, empty PostgreSQL database for tests that start real server processes on it. */
export async function createPostgresTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  await prepareTemplate('postgres');
  const name = `tb_proc_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template ${postgresTemplate()}`);
  await admin.end();
  return {
    url: withDatabase(testDatabaseUrl(), name),
    async drop() {
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
