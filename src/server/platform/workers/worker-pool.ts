import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Services } from '../context.js';
import { AppError } from '../errors.js';

/**
 * A small pool of worker threads for CPU-heavy synchronous work (PDF rendering, reading a PDF's or
 * an Office file's text) so it never holds the event loop that answers every other request
 * (decision 023). Bounded: at most `size` threads, each running one task at a time, and at most
 * `maxQueued` tasks waiting; beyond that a request gets a 503 with Retry-After rather than an
 * ever-growing queue. Threads start on first use and are replaced if one dies.
 */

/** A module whose exported functions may run in the pool; `M` is its type (typeof import(...)). */
export interface WorkerModule<M> {
  url: string;
  /** Phantom: carries the module's type for `run`'s checks. */
  readonly type?: M;
}

export const workerModule = <M>(url: URL | string): WorkerModule<M> => ({ url: String(url) });

type Fn = (...args: never[]) => unknown;
type FnKeys<M> = { [K in keyof M]: M[K] extends Fn ? K : never }[keyof M] & string;

export interface WorkerPoolOptions {
  size: number;
  maxQueued?: number;
  /** A task running longer than this is ended with its thread (a runaway render must not pin a core). */
  timeoutMs?: number;
}

interface Task {
  id: number;
  module: string;
  fn: string;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** One thread fewer than the cores (the event loop keeps one), at least one, at most four. */
export const defaultPoolSize = () => Math.max(1, Math.min(4, os.availableParallelism() - 1));

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;
  readonly maxQueued: number;
  private readonly timeoutMs: number;

  constructor(options: WorkerPoolOptions) {
    this.size = Math.max(1, Math.floor(options.size));
    this.maxQueued = options.maxQueued ?? 64;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Runs `module[fn](...args)` on a worker thread; its errors come back as AppError (500, details logged by the handler, not shown). */
  run<M, K extends FnKeys<M>>(module: WorkerModule<M>, fn: K, args: M[K] extends Fn ? Parameters<M[K]> : never): Promise<M[K] extends Fn ? Awaited<ReturnType<M[K]>> : never> {
    if (this.closed) return Promise.reject(new AppError('unavailable', 'The server is shutting down'));
    return new Promise((resolve, reject) => {
      const task: Task = { id: this.nextId++, module: module.url, fn, args: args as unknown[], resolve: resolve as (v: unknown) => void, reject };
      const idle = this.slots.find((s) => s.task === null);
      if (idle) return this.start(idle, task);
      if (this.slots.length < this.size) return this.start(this.spawn(), task);
      if (this.queue.length >= this.maxQueued) return reject(new AppError('unavailable', 'The server is busy rendering documents; try again in a few seconds', { headers: { 'retry-after': '5' } }));
      this.queue.push(task);
    });
  }

  /** Tasks waiting for a thread, and threads busy now. */
  stats() {
    return { threads: this.slots.length, busy: this.slots.filter((s) => s.task).length, queued: this.queue.length };
  }

  /** Refuses new tasks, fails the waiting ones, and ends every thread (after the HTTP server has drained). */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new AppError('unavailable', 'The server is shutting down'));
    await Promise.all(this.slots.splice(0).map((slot) => this.end(slot, new AppError('unavailable', 'The server is shutting down'))));
  }

  private spawn(): Slot {
    // Not the process's own --import preloads (a benchmark's probe, a profiler): the entry loads tsx itself.
    const worker = new Worker(ENTRY, { execArgv: [] });
    const slot: Slot = { worker, task: null, timer: null };
    this.slots.push(slot);
    worker.on('message', (message: { id: number; ok: boolean; value?: unknown; bytes?: Uint8Array; message?: string }) => {
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      this.settle(slot);
      if (message.ok) task.resolve(message.bytes ? Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength) : message.value);
      else task.reject(new AppError('internal', `${task.fn} failed in a worker thread: ${message.message}`));
      this.next(slot);
    });
    // A thread that dies (an uncaught error, out of memory) fails its task and is replaced on demand.
    const lost = (reason: string) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      const task = slot.task;
      this.settle(slot);
      task?.reject(new AppError('internal', `${task.fn}: the worker thread ${reason}`));
      if (!this.closed && this.queue.length > 0) this.start(this.spawn(), this.queue.shift()!);
    };
    worker.on('error', (error) => lost(`failed: ${error.message}`));
    worker.on('exit', (code) => lost(`exited with code ${code}`));
    worker.unref(); // an idle pool never keeps the process alive
    return slot;
  }

  private start(slot: Slot, task: Task) {
    slot.task = task;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      this.settle(slot);
      task.reject(new AppError('unavailable', `${task.fn} took longer than ${this.timeoutMs / 1000} s`));
      void slot.worker.terminate();
      if (!this.closed && this.queue.length > 0) this.start(this.spawn(), this.queue.shift()!);
    }, this.timeoutMs);
    slot.worker.postMessage({ id: task.id, module: task.module, fn: task.fn, args: task.args });
  }

  private settle(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
  }

  private next(slot: Slot) {
    const task = this.queue.shift();
    if (task) this.start(slot, task);
  }

  private async end(slot: Slot, error: AppError) {
    const task = slot.task;
    this.settle(slot);
    task?.reject(error);
    await slot.worker.terminate();
  }
}

// One pool per app (its Services), started on first use and closed with the app (app.ts onClose).
const pools = new WeakMap<Services, WorkerPool>();

export function workersOf(services: Services): WorkerPool {
  let pool = pools.get(services);
  if (!pool) {
    pool = new WorkerPool({ size: services.config.workerThreads ?? defaultPoolSize() });
    pools.set(services, pool);
  }
  return pool;
}

export async function closeWorkers(services: Services): Promise<void> {
  const pool = pools.get(services);
  pools.delete(services);
  await pool?.close();
}
