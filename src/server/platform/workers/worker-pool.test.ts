import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { certificatePdf } from '../../features/recognition/certificate.pdf.js';
import type { PublicAward } from '../../features/recognition/credential.service.js';
import { AppError } from '../errors.js';
import { WorkerPool, workerModule } from './worker-pool.js';

const tasks = workerModule<typeof import('./worker-pool.fixtures.js')>(new URL('./worker-pool.fixtures.js', import.meta.url));
const certificate = workerModule<typeof import('../../features/recognition/certificate.pdf.js')>(new URL('../../features/recognition/certificate.pdf.js', import.meta.url));

const pools: WorkerPool[] = [];
const pool = (size: number, options: { maxQueued?: number; timeoutMs?: number } = {}) => {
  const p = new WorkerPool({ size, ...options });
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('worker pool', () => {
  it('runs a module’s function on another thread and hands back a Buffer whole', async () => {
    const p = pool(2);
    const where = await p.run(tasks, 'whereAmI', ['a']);
    expect(where.label).toBe('a');
    expect(where.threadId).not.toBe(threadId);
    const out = await p.run(tasks, 'bytes', ['héllo, wörld']);
    expect(Buffer.isBuffer(out)).toBe(true);
    expect(out.toString('utf8')).toBe('héllo, wörld');
  });

  it('runs at most `size` tasks at once and queues the rest in order', async () => {
    const p = pool(2);
    const started = Date.now();
    const results = await Promise.all([0, 1, 2, 3].map(() => p.run(tasks, 'spin', [150])));
    expect(results.every((n) => n > 0)).toBe(true);
    expect(p.stats()).toEqual({ threads: 2, busy: 0, queued: 0 });
    // Four 150 ms tasks on two threads: two rounds, not one.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('maps a task’s error to a 500 AppError and keeps the thread', async () => {
    const p = pool(1);
    const error = await rejection(p.run(tasks, 'fail', ['the renderer broke']));
    expect(error.status).toBe(500);
    expect(error.message).toContain('the renderer broke');
    expect((await p.run(tasks, 'whereAmI', ['after'])).label).toBe('after');
  });

  it('refuses with a 503 and Retry-After when the queue is full', async () => {
    const p = pool(1, { maxQueued: 1 });
    const running = p.run(tasks, 'spin', [300]);
    const queued = p.run(tasks, 'spin', [10]);
    const refused = await rejection(p.run(tasks, 'spin', [10]));
    expect(refused.status).toBe(503);
    expect(refused.headers).toEqual({ 'retry-after': '5' });
    expect(await running).toBeGreaterThan(0);
    expect(await queued).toBeGreaterThan(0);
  });

  it('fails the task of a thread that dies and starts another for the next', async () => {
    const p = pool(1);
    const error = await rejection(p.run(tasks, 'exitThread', []));
    expect(error.status).toBe(500);
    expect(error.message).toContain('exited with code 3');
    expect((await p.run(tasks, 'whereAmI', ['again'])).label).toBe('again');
  });

  it('ends a task that runs past its time limit, with its thread', async () => {
    // The limit counts from the hand-over, a new thread's start-up included: generous for a loaded machine.
    const p = pool(1, { timeoutMs: 3_000 });
    const error = await rejection(p.run(tasks, 'spin', [60_000]));
    expect(error.status).toBe(503);
    expect((await p.run(tasks, 'whereAmI', ['fresh'])).label).toBe('fresh');
  });

  it('on close, fails waiting and new tasks with 503 and ends its threads', async () => {
    const p = pool(1);
    const running = rejection(p.run(tasks, 'spin', [200]));
    const waiting = rejection(p.run(tasks, 'spin', [10]));
    await new Promise((r) => setTimeout(r, 50));
    await p.close();
    expect((await waiting).status).toBe(503);
    expect((await running).status).toBe(503);
    expect((await rejection(p.run(tasks, 'whereAmI', ['late']))).status).toBe(503);
    expect(p.stats()).toEqual({ threads: 0, busy: 0, queued: 0 });
  });

  it('renders the same certificate PDF on a thread as in process (only the creation date differs)', async () => {
    const award: PublicAward = {
      id: '3f1c2b9e-0000-4000-8000-000000000001',
      tier: 'gold',
      year: 2025,
      issuedAt: new Date('2026-01-15T17:00:00Z'),
      organizationName: 'Acme Robotics',
      organizationWebsite: null,
      coalition: { slug: 'la-tech', name: 'Los Angeles Tech Talent Coalition', mission: null },
      programName: 'Community Partner Recognition',
      endorsedBy: 'The Mayor’s Office',
      credentialUrl: 'https://example.test/api/v1/credentials/1',
      verifyUrl: 'https://example.test/verify/1',
      issuerUrl: 'https://example.test/issuer',
    };
    const masked = (pdf: Buffer) => pdf.toString('latin1').replace(/\(D:\d{14}Z\)/g, '(D:)').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID []');
    const inProcess = await certificatePdf(award);
    const onThread = await pool(1).run(certificate, 'certificatePdf', [award]);
    expect(onThread.subarray(0, 5).toString()).toBe('%PDF-');
    expect(onThread.length).toBe(inProcess.length);
    expect(masked(onThread)).toBe(masked(inProcess));
    expect(masked(onThread)).toContain('Acme Robotics');
  });
});
