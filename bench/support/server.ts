// What the benchmarks that drive a real server process (main.ts) share: a free port, the server in
// either database mode with the demo coalition seeded, signing in, a throw-away PostgreSQL database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in kB, from /proc (null when it is gone). */
/** The fields of /proc/<pid>/stat after the command name (state first), or null once the process is gone (Linux). */
export function procStat(pid: number | string): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state …": the command may hold spaces and parentheses, so read after the last ")".
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU time a process has used so far (user + system), in clock ticks (100 a second on Linux); null once it is gone. */
export function cpuTicks(pid: number | string): number | null {
  const fields = procStat(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : null;
}

export const rssKb = (pid: number | undefined): number | null => {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
};

async function waitForHealth(port: number, child: ChildProcess) {
  const until = Date.now() + 240_000;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it answered`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

export interface RunningServer {
  mode: 'pglite' | 'postgres';
  port: number;
  /** http://127.0.0.1:port/api/v1 */
  base: string;
  pid: number | undefined;
  /** The embedded database's own process (PGlite mode). */
  databasePid: number | undefined;
  signIn(email: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The V8 flags `npm start` runs the server with (package.json's start script; decision 029), so a
 * bench measures the server as it runs in production.
 */
export function productionNodeFlags(): string[] {
  const start: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  return start.split(/\s+/).filter((word) => /^--max-old-space-size=\d+$/.test(word));
}

/** main.ts on embedded PGlite (a fresh data directory) or on `databaseUrl`, with the demo seeded; `nodeArgs` go after tsx's loader, before the script (a preload such as loop-probe.ts). */
export async function startServer(mode: 'pglite' | 'postgres', databaseUrl?: string, logLevel = 'error', nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '1', LOG_LEVEL: logLevel, NODE_ENV: 'development' };
  if (mode === 'postgres') env.DATABASE_URL = databaseUrl!;
  else {
    delete env.DATABASE_URL;
    env.DATA_DIR = dataDir;
  }
  const child: ChildProcess = spawn(process.execPath, [...productionNodeFlags(), '--import', 'tsx', ...nodeArgs, 'src/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(port, child);
  } catch (error) {
    await stop();
    throw error;
  }
  const base = `http://127.0.0.1:${port}/api/v1`;
  const lock = path.join(dataDir, 'talentbridge.lock');
  return {
    mode,
    port,
    base,
    pid: child.pid,
    databasePid: mode === 'pglite' && fs.existsSync(lock) ? Number(fs.readFileSync(lock, 'utf8')) : undefined,
    async signIn(email: string) {
      const res = await fetch(`${base}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'coalition-demo' }) });
      if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    },
    stop,
  };
}

/** Runs `fn` with the URL of a new, empty database on the PostgreSQL server at `adminUrl`, dropped after. */
export async function withScratchDatabase<T>(adminUrl: string, prefix: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
}

export const machine = () => ({ cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) });
