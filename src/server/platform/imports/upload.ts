import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { AppError } from '../errors.js';
import { jobFileChunks, jobFiles, jobs } from '../jobs/jobs.table.js';

const CHUNK_BYTES = 1024 * 1024;

export interface StoredUpload {
  bytes: number;
  /** Lines as countLines counts them: newlines, plus one for a last line without one. */
  lines: number;
}

/**
 * Streams an upload into job_file_chunks under `jobId` (chosen before the job exists), about 1 MB
 * at a time, counting lines as it goes: memory stays at one chunk whatever the file's size. Over
 * `maxBytes`, what was stored is deleted and the upload refused.
 */
export async function storeUpload(db: Db, coalitionId: string, jobId: string, source: Buffer | AsyncIterable<Buffer | Uint8Array | string>, maxBytes: number): Promise<StoredUpload> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let bytes = 0;
  let lines = 0;
  let lastByte = -1;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await db.insert(jobFileChunks).values({ coalitionId, jobId, seq: seq++, data });
  };
  try {
    for await (const piece of Buffer.isBuffer(source) ? [source] : source) {
      const buffer = typeof piece === 'string' ? Buffer.from(piece) : Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      if (buffer.length === 0) continue;
      bytes += buffer.length;
      if (bytes > maxBytes) throw new AppError('payload_too_large', `Files up to ${Math.round(maxBytes / 1024 / 1024)} MB can be imported`);
      for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines++;
      lastByte = buffer[buffer.length - 1]!;
      // Large pieces (a whole file from the CLI) are cut so no chunk is much over CHUNK_BYTES.
      for (let offset = 0; offset < buffer.length; ) {
        const take = Math.min(buffer.length - offset, CHUNK_BYTES - pendingBytes);
        pending.push(buffer.subarray(offset, offset + take));
        pendingBytes += take;
        offset += take;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
    }
    await flush();
  } catch (error) {
    await discardUpload(db, coalitionId, jobId);
    throw error;
  }
  if (bytes > 0 && lastByte !== 10) lines++;
  return { bytes, lines };
}

export async function discardUpload(db: Db, coalitionId: string, jobId: string): Promise<void> {
  await db.delete(jobFileChunks).where(and(eq(jobFileChunks.coalitionId, coalitionId), eq(jobFileChunks.jobId, jobId)));
}

/**
 * The job's file, chunk by chunk, read one at a time through `db` (inside a transaction, its
 * connection). Files stored whole in job_files (before chunks existed) come as one piece.
 */
export async function* uploadedFile(db: Executor, coalitionId: string, jobId: string): AsyncGenerator<Buffer> {
  const read = (seq: number) => {
    const query = db
      .select({ data: jobFileChunks.data })
      .from(jobFileChunks)
      .where(and(eq(jobFileChunks.coalitionId, coalitionId), eq(jobFileChunks.jobId, jobId), eq(jobFileChunks.seq, seq)))
      .then(([chunk]) => chunk?.data);
    query.catch(() => undefined); // awaited below; a reader that stops early must not leave an unhandled rejection
    return query;
  };
  let seq = 0;
  // One chunk ahead: the next read is queued on the connection while the caller works on this one.
  let next = read(0);
  for (;;) {
    const data = await next;
    if (!data) break;
    seq++;
    next = read(seq);
    yield data;
  }
  if (seq > 0) return;
  const [file] = await db.select({ content: jobFiles.content }).from(jobFiles).where(and(eq(jobFiles.coalitionId, coalitionId), eq(jobFiles.jobId, jobId)));
  if (file && file.content.length > 0) yield file.content;
}

/**
 * Maintenance: chunks of uploads that never became a job (a refused or interrupted upload) after a
 * day, and of finished imports after a week (their results and bad rows stay on the job).
 */
export async function pruneUploads(db: Db, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const weekAgo = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  await db.delete(jobFileChunks).where(
    and(
      lt(jobFileChunks.createdAt, dayAgo),
      sql`not exists (select 1 from ${jobs} where ${jobs.coalitionId} = ${jobFileChunks.coalitionId} and ${jobs.id} = ${jobFileChunks.jobId} and (${jobs.finishedAt} is null or ${jobs.finishedAt} > ${weekAgo}))`,
    ),
  );
}
