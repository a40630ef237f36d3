import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { loadConfig } from '../../env.js';
import { createPostgresTestDatabase, openTestDatabase, testDbMode } from '../../test/databases.js';
import { createTestApp, demo, ORIGIN, type Session, type TestApp } from '../../test/harness.js';
import { DEMO_PASSWORD } from '../../seed/la-tech.data.js';
import { students as seededStudents } from '../../seed/pipeline.data.js';
import { BackupError, backupToFile, writeBackup } from './backup.js';
import type { BackupHeader, BackupTrailer } from './format.js';
import { restoreBackup } from './restore.js';

const run = promisify(execFile);
let t: TestApp;
let coordinator: Session;
let outsider: Session;
const fresh: Database[] = [];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-backup-'));
// Every byte value, so bytea must come back exactly (a PDF extension: the library accepts it).
const libraryBytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7 + 3) % 256));

async function backupText(database: Database, coalition?: string): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeBackup(database, { coalition }, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

const lines = (text: string) => text.trimEnd().split('\n');
const headerOf = (text: string) => JSON.parse(lines(text)[0]!) as BackupHeader;
const trailerOf = (text: string) => JSON.parse(lines(text).at(-1)!) as BackupTrailer;
/** Everything but the header's time of taking: rows and per-table checksums, byte for byte. */
const comparable = (text: string) => {
  // Sequences are compared apart: a database with other coalitions may be further along.
  const { createdAt: _c, sequences: _q, ...header } = headerOf(text);
  const { sha256: _s, ...trailer } = trailerOf(text);
  return { header, rows: lines(text).slice(1, -1).join('\n'), trailer };
};

async function freshDatabase(): Promise<Database> {
  const database = await openTestDatabase();
  fresh.push(database);
  return database;
}

async function count(database: Database, table: string): Promise<number> {
  return Number((await database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n);
}

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = `----tb${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let original = '';
let documentId = '';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  expect((await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } })).statusCode).toBe(201);
  const uploaded = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/documents', as: coordinator, ...multipart({ title: 'Scanned agreement', visibility: 'coalition' }, { name: 'scan.pdf', content: libraryBytes }) });
  expect(uploaded.statusCode).toBe(201);
  documentId = uploaded.json().id;
  // Olivia is also a member of la-tech: one account in two coalitions.
  await t.database.pool.query(`insert into people (coalition_id, id, user_id, name, roles) select id, gen_random_uuid(), $1, 'Olivia Outsider', '{member}' from coalitions where slug = 'la-tech'`, [outsider.userId]);
  await t.runJobs();
  original = await backupText(t.database, 'la-tech');
}, 120_000);

afterAll(async () => {
  for (const database of fresh) await database.close();
  await t?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('a coalition backup', () => {
  it('holds every tenant table and only that coalition, with the accounts and skills its rows point at', async () => {
    const header = headerOf(original);
    expect(header).toMatchObject({ format: 'talentbridge-backup', version: 1, scope: 'coalition', coalition: { slug: 'la-tech' } });
    const tables = new Map(header.tables.map((x) => [x.name, x.role]));
    // Every table with a coalition_id, from the catalog, is in it.
    const tenantTables = (await t.database.pool.query<{ t: string }>(`select table_name as t from information_schema.columns where table_schema = 'public' and column_name = 'coalition_id'`)).rows.map((r) => r.t);
    expect(tenantTables.length).toBeGreaterThan(50);
    for (const name of tenantTables) expect(tables.get(name), name).toBe('tenant');
    expect(tables.get('users')).toBe('shared');
    expect(tables.get('skills')).toBe('shared');
    expect(tables.has('sessions')).toBe(false);
    // Parents come before their children.
    const order = header.tables.map((x) => x.name);
    expect(order.indexOf('coalitions')).toBeLessThan(order.indexOf('people'));
    expect(order.indexOf('students')).toBeLessThan(order.indexOf('student_access_log'));
    expect(order.indexOf('documents')).toBeLessThan(order.indexOf('document_versions'));
    const trailer = trailerOf(original);
    expect(trailer.tables.coalitions!.rows).toBe(1);
    expect(trailer.tables.students!.rows).toBe(await count(t.database, `students where coalition_id = '${header.coalition!.id}'`));
    expect(trailer.tables.document_versions!.rows).toBeGreaterThan(0);
    expect(trailer.rows).toBe(lines(original).length - 2);
    // Bay Area Tech is not in it; Olivia's account is, as she is a member of la-tech too.
    expect(original).not.toContain('bay-tech');
    expect(original).not.toContain('Bay Area Tech');
    expect(original.split('\n').filter((l) => l.startsWith('{"t":"users"') && l.includes('olivia@example.org'))).toHaveLength(1);
    const bayCoalitionId = (await t.database.pool.query(`select id from coalitions where slug = 'bay-tech'`)).rows[0].id as string;
    expect(original).not.toContain(bayCoalitionId);
  });

  it('restores into an empty database exactly: a second backup has the same rows byte for byte, and the app works on it', async () => {
    const target = await freshDatabase();
    const summary = await restoreBackup(target, Readable.from([original]));
    expect(summary.rows).toBe(trailerOf(original).rows);
    const again = await backupText(target, 'la-tech');
    expect(comparable(again)).toEqual(comparable(original));
    expect(headerOf(again).sequences).toEqual(headerOf(original).sequences);
    expect(Number(headerOf(original).sequences.initiative_plan_version_seq)).toBeGreaterThan(0);

    const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: target, logger: false });
    try {
      const inject = (o: InjectOptions) => app.inject({ ...o, headers: { origin: ORIGIN, host: 'localhost:80', ...(o.headers ?? {}) } });
      const signIn = await inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: demo.coordinator, password: DEMO_PASSWORD } });
      expect(signIn.statusCode).toBe(200);
      const cookie = `tb_session=${signIn.cookies.find((c) => c.name === 'tb_session')!.value}`;
      const students = await inject({ method: 'GET', url: '/api/v1/coalitions/la-tech/students?limit=200', headers: { cookie } });
      expect(students.json().items).toHaveLength(seededStudents.length);
      const file = await inject({ method: 'GET', url: `/api/v1/coalitions/la-tech/documents/${documentId}/file`, headers: { cookie } });
      expect(file.statusCode).toBe(200);
      expect(Buffer.compare(file.rawPayload, libraryBytes)).toBe(0);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('restores into a database that has another coalition sharing an account, keeping that account', async () => {
    const target = await freshDatabase();
    await restoreBackup(target, Readable.from([await backupText(t.database, 'bay-tech')]));
    const usersBefore = await count(target, 'users');
    expect(usersBefore).toBe(1);
    const summary = await restoreBackup(target, Readable.from([original]));
    // Olivia's account was already there (from Bay Area Tech) and is kept as it was.
    expect(summary.alreadyPresent).toBe(1);
    expect(await count(target, 'users')).toBe(usersBefore + trailerOf(original).tables.users!.rows - 1);
    expect(comparable(await backupText(target, 'la-tech'))).toEqual(comparable(original));
    expect(await count(target, `coalitions where slug = 'bay-tech'`)).toBe(1);
  }, 120_000);

  it('refuses an account whose e-mail is taken here by another account, and writes nothing', async () => {
    const target = await freshDatabase();
    await target.pool.query(`insert into users (id, email, name, password_hash) values (gen_random_uuid(), $1, 'Someone Else', 'x')`, [demo.coordinator]);
    await expect(restoreBackup(target, Readable.from([original]))).rejects.toThrow(/users row of the backup clashes/);
    expect(await count(target, 'coalitions')).toBe(0);
    expect(await count(target, 'users')).toBe(1);
  });

  it('refuses a database that already has the coalition, and writes nothing', async () => {
    const before = await count(t.database, 'people');
    await expect(restoreBackup(t.database, Readable.from([original]))).rejects.toThrow(/already has coalition la-tech/);
    expect(await count(t.database, 'people')).toBe(before);
  });

  it('refuses a damaged or truncated file, and writes nothing', async () => {
    const target = await freshDatabase();
    const rows = lines(original);
    const at = rows.findIndex((l) => l.startsWith('{"t":"students"'));
    const tampered = [...rows];
    tampered[at] = tampered[at]!.replace(/"first_name": "([^"]+)"/, '"first_name": "Mallory"');
    expect(tampered[at]).not.toBe(rows[at]);
    await expect(restoreBackup(target, Readable.from([`${tampered.join('\n')}\n`]))).rejects.toThrow(BackupError);
    await expect(restoreBackup(target, Readable.from([`${rows.slice(0, -1).join('\n')}\n`]))).rejects.toThrow(/truncated/);
    const last = rows.length - 2; // the last row: removing it breaks no foreign key, only the checksums
    await expect(restoreBackup(target, Readable.from([`${rows.slice(0, last).join('\n')}\n${rows.slice(last + 1).join('\n')}\n`]))).rejects.toThrow(/checksum/);
    await expect(restoreBackup(target, Readable.from(['{"format":"something-else"}\n']))).rejects.toThrow(/Not a TalentBridge backup/);
    const newer = JSON.stringify({ ...headerOf(original), schema: { migrations: 999, last: '0998_future' } });
    await expect(restoreBackup(target, Readable.from([`${newer}\n${rows.slice(1).join('\n')}\n`]))).rejects.toThrow(/schema 0998_future/);
    expect(await count(target, 'coalitions')).toBe(0);
    expect(await count(target, 'users')).toBe(0);
  });

  it('names an unknown coalition', async () => {
    await expect(backupText(t.database, 'nowhere')).rejects.toThrow(/No coalition "nowhere"/);
  });
});

describe('a whole-database backup', () => {
  it('round-trips every table into an empty database, and refuses one that is not empty', async () => {
    const whole = await backupText(t.database);
    const header = headerOf(whole);
    expect(header.scope).toBe('database');
    expect(header.tables.map((x) => x.name)).toEqual(expect.arrayContaining(['sessions', 'users', 'coalitions', 'students']));
    expect(whole).toContain('bay-tech');
    const target = await freshDatabase();
    await restoreBackup(target, Readable.from([whole]));
    expect(comparable(await backupText(target))).toEqual(comparable(whole));
    await expect(restoreBackup(target, Readable.from([whole]))).rejects.toThrow(/empty database/);
  }, 120_000);
});

describe('npm run backup / npm run restore', () => {
  it('round-trip a coalition through files with the command-line tools', async () => {
    const file = path.join(scratch, 'la-tech.tbbackup.gz');
    await backupToFile(t.database, { coalition: 'la-tech' }, file);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(comparable(gunzipSync(fs.readFileSync(file)).toString('utf8'))).toEqual(comparable(original));

    // The target: a new embedded data directory (migrated by restore), or an empty server database.
    let env: Record<string, string>;
    let drop = async () => undefined as void;
    if (testDbMode() === 'pglite') {
      env = { DATA_DIR: path.join(scratch, 'data') };
    } else {
      const created = await createPostgresTestDatabase();
      env = { DATABASE_URL: created.url };
      drop = created.drop;
    }
    try {
      const cli = (script: string, args: string[]) => run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, cwd: process.cwd() });
      const restored = await cli('restore', [file]);
      expect(restored.stderr).toMatch(/Restored coalition la-tech/);
      const second = path.join(scratch, 'second.tbbackup.gz');
      const backedUp = await cli('backup', ['--coalition', 'la-tech', '--out', second]);
      expect(backedUp.stdout.trim()).toBe(second);
      expect(comparable(gunzipSync(fs.readFileSync(second)).toString('utf8'))).toEqual(comparable(original));
      // Again into the same database: refused, exit code 1, the reason said.
      const refused = await cli('restore', [file]).catch((error: { code: number; stderr: string }) => error);
      expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/already has coalition la-tech/) });
      // A usage error.
      const usage = await cli('backup', []).catch((error: { code: number; stderr: string }) => error);
      expect(usage).toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage/) });
    } finally {
      await drop();
    }
  }, 300_000);
});
