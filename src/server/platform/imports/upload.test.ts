import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { findCoalitionBySlug } from '../../features/coalitions/index.js';
import { jobFileChunks } from '../jobs/jobs.table.js';
import { readDelimited } from './csv.js';
import { storeUpload, uploadedFile, pruneUploads } from './upload.js';

let t: TestApp;
let coordinator: Session;
let coalitionId: string;
const url = '/api/v1/coalitions/la-tech';
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  coalitionId = (await findCoalitionBySlug(t.database.db, 'la-tech'))!.id;
});
afterAll(() => t?.close());

/** `text` cut into pieces of awkward sizes, as a network delivers it. */
async function* pieces(text: Buffer, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.subarray(i, i + size);
}

async function readAll(jobId: string): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of uploadedFile(t.database.db, coalitionId, jobId)) out.push(chunk);
  return Buffer.concat(out);
}

const chunkSizes = async (jobId: string) =>
  (await t.database.db.select({ seq: jobFileChunks.seq, data: jobFileChunks.data }).from(jobFileChunks).where(and(eq(jobFileChunks.coalitionId, coalitionId), eq(jobFileChunks.jobId, jobId))).orderBy(jobFileChunks.seq)).map((c) => c.data.length);

describe('uploads kept in chunks', () => {
  it('stores a 2.5 MB upload as 1 MB chunks, counts its lines, and gives back exactly the bytes sent', async () => {
    const line = 'name,type,external_id\n';
    const body = Buffer.from(line.repeat(Math.ceil((2.5 * MB) / line.length)) + 'last line without newline');
    const jobId = randomUUID();
    const stored = await storeUpload(t.database.db, coalitionId, jobId, pieces(body, 65_537), 10 * MB);
    expect(stored.bytes).toBe(body.length);
    expect(stored.lines).toBe(body.toString().split('\n').length);
    expect(await chunkSizes(jobId)).toEqual([MB, MB, body.length - 2 * MB]);
    expect((await readAll(jobId)).equals(body)).toBe(true);
  });

  it('parses a quoted cell that spans two chunks as one cell', async () => {
    const filler = 'x'.repeat(MB - 20);
    const csv = Buffer.from(`name,notes\n"A, Inc.","${filler}"\nB,"line one\nline two"\n`);
    const jobId = randomUUID();
    await storeUpload(t.database.db, coalitionId, jobId, csv, 10 * MB);
    expect((await chunkSizes(jobId)).length).toBe(2);
    const rows = [];
    for await (const row of readDelimited(uploadedFile(t.database.db, coalitionId, jobId))) rows.push(row);
    expect(rows.map((r) => [r.values.name, r.values.notes!.length])).toEqual([
      ['A, Inc.', filler.length],
      ['B', 'line one\nline two'.length],
    ]);
  });

  it('refuses an upload over the limit and keeps none of it', async () => {
    const jobId = randomUUID();
    await expect(storeUpload(t.database.db, coalitionId, jobId, pieces(Buffer.alloc(3 * MB, 97), MB / 2), 2 * MB)).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await chunkSizes(jobId)).toEqual([]);
  });

  it('prunes chunks of uploads that never became a job after a day, and keeps those of queued jobs', async () => {
    const orphan = randomUUID();
    await storeUpload(t.database.db, coalitionId, orphan, Buffer.from('a,b\n1,2\n'), MB);
    const res = await t.request({ method: 'POST', url: `${url}/imports/organizations`, as: coordinator, headers: { 'content-type': 'text/csv' }, payload: 'name,type\nKept Upload Org,nonprofit\n' });
    expect(res.statusCode).toBe(202);
    const queued = res.json().id as string;
    await pruneUploads(t.database.db, new Date());
    expect(await chunkSizes(orphan)).toHaveLength(1); // not yet a day old
    await pruneUploads(t.database.db, new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect(await chunkSizes(orphan)).toEqual([]);
    expect(await chunkSizes(queued)).toHaveLength(1);
  });

  it('refuses an empty upload with a 422 naming the body, and queues nothing', async () => {
    const before = (await t.request({ method: 'GET', url: `${url}/imports`, as: coordinator })).json().items.length;
    const res = await t.request({ method: 'POST', url: `${url}/imports/organizations`, as: coordinator, headers: { 'content-type': 'text/csv' }, payload: '' });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain('body');
    expect((await t.request({ method: 'GET', url: `${url}/imports`, as: coordinator })).json().items.length).toBe(before);
  });

  it('accepts an upload over a real socket (a request stream, not an injected one) within seconds', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const csv = 'name,type\n' + Array.from({ length: 2000 }, (_, i) => `Socket Org ${i},nonprofit`).join('\n') + '\n';
    const res = await fetch(`${address}${url}/imports/organizations`, {
      method: 'POST',
      headers: { cookie: coordinator.cookie, origin: address, 'content-type': 'text/csv' },
      body: csv,
      signal: AbortSignal.timeout(30_000),
    });
    expect(res.status).toBe(202);
    const id = ((await res.json()) as { id: string }).id;
    expect((await readAll(id)).toString()).toBe(csv);
  });
});
