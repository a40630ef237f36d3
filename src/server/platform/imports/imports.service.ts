import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/audit.js';
import type { TenantCtx } from '../context.js';
import { isoDates } from '../dto.js';
import { AppError } from '../errors.js';
import { enqueueJob, registerJobHandler, type JobContext, type JobOutcome } from '../jobs/jobs.js';
import { jobFiles, jobs } from '../jobs/jobs.table.js';
import { authorize, authorizeRecord, definePolicy, either, hasRole, type Rule } from '../permissions.js';
import { randomUUID } from 'node:crypto';
import { toCsv } from './csv.js';
import { discardUpload, storeUpload, uploadedFile } from './upload.js';
import { findImporter, rowsOf, type RowError, type WriteResult } from './importers.js';

const ownImport: Rule<{ createdBy: string | null }> = (s, job) => s.actor !== null && job.createdBy === s.actor.userId;
definePolicy({
  'import.read': either<{ createdBy: string | null }>(hasRole('coordinator'), ownImport),
  'import.list': (s) => s.principal !== null,
});

const BATCH = 1000;
/** From this many rows an import refreshes the planner statistics of the tables it writes (see Importer.analyze). */
const ANALYZE_FROM_ROWS = 5000;
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Progress as it happens, in this process: for a CLI's progress bar, also while the write transaction holds the embedded database's only connection. */
export interface ImportProgress {
  jobId: string;
  kind: string;
  phase: 'validating' | 'writing';
  processed: number;
  total: number | null;
}
const progressListeners = new Set<(progress: ImportProgress) => void>();
export function onImportProgress(listener: (progress: ImportProgress) => void): () => void {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}
function emitProgress(progress: ImportProgress) {
  for (const listener of progressListeners) listener(progress);
}

/**
 * Streams the upload into chunks under a job id chosen first, then queues the job in one short
 * transaction: a slow upload never holds a transaction (on PGlite, the only connection).
 */
export async function startImport(ctx: TenantCtx, kind: string, body: Buffer | AsyncIterable<Buffer | Uint8Array | string> | undefined): Promise<{ id: string }> {
  const importer = findImporter(kind);
  authorize(ctx, importer?.action ?? 'import.unknown-kind');
  if (!importer) throw new AppError('not_found', `No import of kind ${kind}`);
  const empty = () => new AppError('invalid', 'The file is empty', { errors: [{ path: 'body', message: 'Send the file as the request body' }] });
  if (!body) throw empty();
  const jobId = randomUUID();
  const stored = await storeUpload(ctx.db, ctx.coalition.id, jobId, body, MAX_FILE_BYTES);
  if (stored.bytes === 0) throw empty();
  try {
    await ctx.db.transaction(async (tx) => {
      await enqueueJob(tx, { id: jobId, coalitionId: ctx.coalition.id, kind: 'import', payload: { kind }, createdBy: ctx.actor.userId, total: Math.max(stored.lines - 1, 0) });
      await tx.insert(jobFiles).values({ coalitionId: ctx.coalition.id, jobId, content: Buffer.alloc(0), contentType: 'text/csv' });
      await recordAudit(tx, ctx, { action: 'import', entityType: 'import', entityId: jobId, changes: { kind, bytes: stored.bytes } });
    });
  } catch (error) {
    await discardUpload(ctx.db, ctx.coalition.id, jobId);
    throw error;
  }
  ctx.services.jobRunner?.poke();
  return { id: jobId };
}

const statusColumns = {
  id: jobs.id,
  kind: jobs.payload,
  status: jobs.status,
  phase: jobs.phase,
  processed: jobs.processed,
  total: jobs.total,
  errors: jobs.errors,
  result: jobs.result,
  createdBy: jobs.createdBy,
  createdAt: jobs.createdAt,
  finishedAt: jobs.finishedAt,
};

function toStatus(row: { kind: Record<string, unknown> } & Record<string, unknown>) {
  const { kind, createdBy: _createdBy, ...rest } = isoDates(row);
  return { ...rest, kind: String(kind.kind ?? '') } as ImportStatus;
}

export interface ImportStatus {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  phase: string | null;
  processed: number;
  total: number | null;
  errors: RowError[];
  result: Record<string, unknown> | null;
  createdAt: string;
  finishedAt: string | null;
}

async function findImport(db: Db, coalitionId: string, id: string) {
  const [row] = await db
    .select(statusColumns)
    .from(jobs)
    .where(and(eq(jobs.coalitionId, coalitionId), eq(jobs.id, id), eq(jobs.kind, 'import')));
  return row;
}

export async function getImport(ctx: TenantCtx, id: string): Promise<ImportStatus> {
  return toStatus(await authorizeRecord(ctx, 'import.read', () => findImport(ctx.db, ctx.coalition.id, id), 'Import'));
}

export async function listImports(ctx: TenantCtx): Promise<{ items: ImportStatus[] }> {
  authorize(ctx, 'import.list');
  const mine = ctx.principal.roles.has('coordinator') ? undefined : eq(jobs.createdBy, ctx.actor.userId);
  const rows = await ctx.db
    .select(statusColumns)
    .from(jobs)
    .where(and(eq(jobs.coalitionId, ctx.coalition.id), eq(jobs.kind, 'import'), mine))
    .orderBy(desc(jobs.createdAt))
    .limit(50);
  return { items: rows.map((r) => ({ ...toStatus(r), errors: r.errors.slice(0, 20) })) };
}

/** Every bad row as a CSV the user can open next to their file. */
export async function importErrorReport(ctx: TenantCtx, id: string): Promise<string> {
  const job = await getImport(ctx, id);
  return toCsv(['row', 'column', 'message'], job.errors.map((e) => [e.row, e.column, e.message]));
}

/** The job: validate every row (reporting every bad one), then write all in one transaction. */
async function runImport(jc: JobContext): Promise<JobOutcome> {
  const { services, job } = jc;
  const db = services.database.db;
  const importer = findImporter(String(job.payload.kind));
  if (!importer) return { status: 'failed', errors: [{ row: 0, column: null, message: `Unknown import kind ${String(job.payload.kind)}` }] };
  const [file] = await db.select({ jobId: jobFiles.jobId }).from(jobFiles).where(and(eq(jobFiles.coalitionId, job.coalitionId), eq(jobFiles.jobId, job.id)));
  if (!file) return { status: 'failed', errors: [{ row: 0, column: null, message: 'The uploaded file is missing' }] };

  const lookup = await importer.prepare?.(db, job.coalitionId);
  const errors: RowError[] = [];
  const keys = new Map<string, number>();
  let processed = 0;
  let headerChecked = false;
  await jc.progress({ processed: 0, phase: 'validating' });
  const emit = (phase: ImportProgress['phase'], done: number) => emitProgress({ jobId: job.id, kind: importer.kind, phase, processed: done, total: job.total });
  for await (const { row, values } of rowsOf(importer, uploadedFile(db, job.coalitionId, job.id))) {
    if (!headerChecked) {
      headerChecked = true;
      const missing = importer.requiredColumns.filter((c) => !(c in values));
      if (missing.length > 0) {
        return { status: 'failed', processed: 0, errors: missing.map((column) => ({ row: 1, column, message: `Missing column "${column}"` })) };
      }
    }
    const result = importer.validate(values, lookup, row);
    if ('errors' in result) {
      for (const e of result.errors) errors.push({ row, column: e.column, message: e.message });
    } else if (importer.keyOf) {
      const key = importer.keyOf(result.ok);
      const first = keys.get(key);
      if (first !== undefined) errors.push({ row, column: null, message: `Same key as row ${first} (${key})` });
      else keys.set(key, row);
    }
    processed++;
    if (processed % 500 === 0) {
      emit('validating', processed);
      await jc.progress({ processed });
    }
  }
  if (!headerChecked) return { status: 'failed', processed: 0, errors: [{ row: 1, column: null, message: 'The file has no rows' }] };
  if (errors.length > 0) return { status: 'failed', processed, errors };

  await jc.progress({ processed: 0, phase: 'writing' });
  const analyze = async () => {
    if (processed < ANALYZE_FROM_ROWS) return;
    for (const table of importer.analyze ?? []) await db.execute(sql.raw(`analyze ${table}`));
  };
  await analyze();
  // Progress from a second connection while the transaction runs: only a server has one to spare.
  const visibleProgress = services.database.mode === 'postgres';
  const totals = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const add = (r: WriteResult) => {
    totals.created += r.created;
    totals.updated += r.updated;
    totals.unchanged += r.unchanged ?? 0;
    totals.skipped += r.skipped ?? 0;
  };
  await db.transaction(async (tx) => {
    let batch: unknown[] = [];
    let written = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      add(await importer.write(tx, job.coalitionId, batch, async () => undefined));
      written += batch.length;
      batch = [];
      emit('writing', written);
      if (visibleProgress) await jc.progress({ processed: written });
    };
    for await (const { values, row } of rowsOf(importer, uploadedFile(tx, job.coalitionId, job.id))) {
      const result = importer.validate(values, lookup, row);
      if ('ok' in result) batch.push(result.ok);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (importer.finish) add(await importer.finish(tx, job.coalitionId));
  });
  await analyze();
  return { status: 'succeeded', processed, result: totals };
}

registerJobHandler('import', runImport);

