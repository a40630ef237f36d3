import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isZombie, lockDataDir, startPgliteHost, type PgliteHost } from './pglite-host.js';

const temps: string[] = [];
const tempDir = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tb-${name}-`));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

const lockFile = (dir: string) => path.join(dir, 'talentbridge.lock');
const hostModule = pathToFileURL(path.resolve('src/server/db/pglite-host.ts')).href;

/** Tries to lock `dir` from another Node process; resolves with its exit code and what it printed. */
function lockFromChild(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(hostModule)});
    try {
      lockDataDir(${JSON.stringify(dir)});
      console.log('locked');
    } catch (error) {
      console.error(error.message);
      process.exit(3);
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(child.stdout);
  expect(pid).toBeGreaterThan(0);
  expect(() => process.kill(pid, 0)).toThrow();
  return pid;
}

describe('lockDataDir', () => {
  it('locks a directory, recording its pid, and the unlock function removes the lock', () => {
    const dir = tempDir('lock');
    const unlock = lockDataDir(dir);
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(String(process.pid));
    unlock();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    unlock(); // twice is harmless
    // And it can be taken again.
    lockDataDir(dir)();
  });

  it('creates the directory when it does not exist yet', () => {
    const dir = path.join(tempDir('lock-new'), 'nested', 'data');
    const unlock = lockDataDir(dir);
    expect(fs.existsSync(lockFile(dir))).toBe(true);
    unlock();
  });

  it('refuses a second process with a message naming the directory', async () => {
    const dir = tempDir('lock-busy');
    const unlock = lockDataDir(dir);
    try {
      const child = await lockFromChild(dir);
      expect(child.code, child.stderr).toBe(3);
      expect(child.stdout).not.toContain('locked');
      expect(child.stderr).toContain(dir);
      expect(child.stderr).toContain(String(process.pid));
      // The holder's lock is untouched.
      expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(String(process.pid));
    } finally {
      unlock();
    }
    // Once released, another process may take it.
    const again = await lockFromChild(dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('locked');
  }, 60_000);

  it('takes over a stale lock whose process is gone', () => {
    const dir = tempDir('lock-stale');
    fs.writeFileSync(lockFile(dir), String(deadPid()));
    const unlock = lockDataDir(dir);
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(String(process.pid));
    unlock();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose process exited but was never reaped (a zombie)', async () => {
    // `sleep 0.1` exits while its parent, now `sleep 30`, never waits for it: a zombie, as a killed
    // database worker becomes when its server died too and the container's init does not reap.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = await new Promise<number>((resolve) => parent.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))));
      const until = Date.now() + 5000;
      while (!isZombie(zombie) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(isZombie(zombie)).toBe(true);
      expect(() => process.kill(zombie, 0)).not.toThrow(); // still "there" to a plain signal check
      const dir = tempDir('lock-zombie');
      fs.writeFileSync(lockFile(dir), String(zombie));
      const unlock = lockDataDir(dir);
      expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(String(process.pid));
      unlock();
    } finally {
      parent.kill('SIGKILL');
    }
    expect(isZombie(process.pid)).toBe(false);
  });

  it('takes over a lock file that holds no pid (e.g. torn by a crash)', () => {
    const dir = tempDir('lock-torn');
    fs.writeFileSync(lockFile(dir), '');
    const unlock = lockDataDir(dir);
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(String(process.pid));
    unlock();
  });

  it("does not remove a lock that another process has since taken", () => {
    const dir = tempDir('lock-other');
    const unlock = lockDataDir(dir);
    fs.writeFileSync(lockFile(dir), '1'); // pid 1 is alive: someone else's lock now
    unlock();
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe('1');
  });
});

describe('startPgliteHost', () => {
  const query = async (host: PgliteHost, sql: string) => {
    const client = new pg.Client({ host: '127.0.0.1', port: host.port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('runs with fsync on, and what it wrote survives a stop and a restart on the same directory', async () => {
    const dir = path.join(tempDir('pglite'), 'pglite');
    let host = await startPgliteHost(dir);
    try {
      expect(host.port).toBeGreaterThan(0);
      expect(await query(host, 'show fsync')).toEqual([{ fsync: 'on' }]);
      await query(host, "create table durable (id int primary key, note text); insert into durable values (1, 'kept across restarts')");
    } finally {
      await host.stop();
    }

    host = await startPgliteHost(dir);
    try {
      expect(await query(host, 'show fsync')).toEqual([{ fsync: 'on' }]);
      expect(await query(host, 'select id, note from durable')).toEqual([{ id: 1, note: 'kept across restarts' }]);
    } finally {
      await host.stop();
    }
  }, 60_000);
});
