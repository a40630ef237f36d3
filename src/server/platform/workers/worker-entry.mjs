// A worker thread of the pool (worker-pool.ts). Plain JavaScript because a worker's first file is
// loaded before any TypeScript loader: it registers tsx (a no-op when the process already runs
// under `--import tsx`), then runs tasks one at a time: import the module, call the export.
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

// This thread runs at a lower priority (nice 10; on Linux a thread's own setting, the event loop's
// thread stays at 0): when the cores are busy, the loop that answers every request goes first and
// documents render in the time left over (decision 028).
try {
  os.setPriority(10);
} catch {
  /* not permitted here: render at the normal priority */
}

// Each module is imported once: a repeated import() still asks the loader (tsx's hooks) to resolve it.
const modules = new Map();

parentPort.on('message', async ({ id, module, fn, args }) => {
  try {
    if (!modules.has(module)) modules.set(module, await import(module));
    const exported = modules.get(module)[fn];
    if (typeof exported !== 'function') throw new Error(`${module} has no function ${fn}`);
    const result = await exported(...args);
    // A Buffer is handed over, not copied; its bytes are read back as a Buffer on the other side.
    if (result instanceof Uint8Array) {
      const bytes = result.byteOffset === 0 && result.byteLength === result.buffer.byteLength ? result : new Uint8Array(result); // a copy: a pooled Buffer shares its memory
      parentPort.postMessage({ id, ok: true, bytes }, [bytes.buffer]);
    } else {
      parentPort.postMessage({ id, ok: true, value: result });
    }
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
