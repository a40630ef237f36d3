import { threadId } from 'node:worker_threads';

// Tasks for worker-pool.test.ts, run on the pool's threads.
export const whereAmI = async (label: string) => ({ label, threadId });
export const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
export function fail(message: string): never {
  throw new Error(message);
}
/** Holds its thread for `ms` (as a synchronous renderer would). */
export function spin(ms: number): number {
  const until = Date.now() + ms;
  let n = 0;
  while (Date.now() < until) n++;
  return n;
}
/** Ends its own thread, as a crash would. */
export function exitThread(): void {
  process.exit(3);
}
