import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * Runs PGlite behind a PostgreSQL wire-protocol socket so the app reaches it with node-postgres,
 * exactly as it reaches a real server. Used inside the worker process (production) and in-process
 * by tests, where a stalled event loop does not matter.
 */
export interface PgliteHost {
  port: number;
  stop(): Promise<void>;
}

// PGlite starts postgres with -F (fsync off); durability matters more than the few ms it saves.
const startParams = PGlite.defaultStartParams.filter((p) => p !== '-F');

export async function startPgliteHost(dataDir: string, port = 0): Promise<PgliteHost> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new PGlite({ dataDir, startParams });
  await db.waitReady;
  // One connection: PGlite is a single session, and interleaving two clients' extended-protocol
  // messages would corrupt the unnamed statement. The app's pool queues instead.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 1 });
  await server.start();
  const conn = server.getServerConn();
  const actualPort = Number(conn.slice(conn.lastIndexOf(':') + 1));
  return {
    port: actualPort,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** An exclusive lock on the data directory: a second process gets a clear error, a stale lock is taken over. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'talentbridge.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The data directory ${dataDir} is in use by process ${holder}. Stop it, or set DATA_DIR to another directory.`,
        );
      }
      fs.unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** Whether a process still holds what it opened: it runs (or we may not signal it), and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A process killed while its parent died too stays a zombie until an init reaps it, and some
  // container inits never do: it holds no file any more, so it does not hold the directory.
  return !isZombie(pid);
}

/** Linux: the process has exited and only waits to be reaped (state Z in /proc). Elsewhere: false. */
export function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state …": the command may hold spaces and parentheses, so read after the last ")".
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}
