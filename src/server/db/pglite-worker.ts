import path from 'node:path';
import { lockDataDir, startPgliteHost } from './pglite-host.js';

/**
 * The embedded database's own process: PGlite runs queries synchronously in WebAssembly, so in the
 * HTTP process a slow query would stop every timer and request. Here it stalls only itself.
 */
const dataDir = process.argv[2];
if (!dataDir || !process.send) {
  console.error('usage: forked with IPC and the data directory as its argument');
  process.exit(2);
}

let unlock: (() => void) | undefined;
try {
  unlock = lockDataDir(dataDir);
  const host = await startPgliteHost(path.join(dataDir, 'pglite'));
  const shutdown = async () => {
    await host.stop().catch(() => undefined);
    unlock?.();
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void shutdown();
  });
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  // If the app dies without telling us, do not keep the directory locked.
  process.on('disconnect', () => void shutdown());
  process.send({ type: 'ready', port: host.port });
} catch (error) {
  unlock?.();
  process.send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
