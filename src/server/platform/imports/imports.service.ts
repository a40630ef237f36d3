import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../audit/audit.js';
import type { TenantCtx } from '../context.js';
import { isoDates } from '../dto.js';
import { AppError } from '../errors.js';
import { enqueueJob, registerJobHandler, type JobContext, type JobOutcome } from '../jobs/jobs.js';
import { jobFiles, jobs } from '../jobs/jobs.table.js';
import { authorize, authorizeRecord, definePolicy, either, hasRole, type Rule } from '../permissions.js';
import { randomUUID } from 'node:crypto';
import { CsvFormatError, toCsv, type SourceRow } from './csv.js';
import { discardUpload, storeUpload, uploadedFile } from './upload.js';
import { findImporter, rowsOf, type Importer, type RowError, type WriteResult } from './importers.js';

const ownImport: Rule<{ createdBy: string | null }> = (s, job) => s.actor !== null && job.createdBy === s.actor.userId;
definePolicy({
  'import.read': either<{ createdBy: string | null }>(hasRole('coordinator'), ownImport),
  'import.list': (s) => s.principal !== null,
});

const BATCH = 1000;
const YIELD_EVERY = 25;
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

/**
 * The job. On PostgreSQL, one pass inside the write transaction: each row is validated and written
 * in batches; after the first bad row nothing more is written, every row is still checked, and the
 * transaction is rolled back. On the embedded database (one connection for the whole app) every
 * row is validated first, so a bad file never holds that connection, and only a clean file is
 * read again and written.
 */
async function runImport(jc: JobContext): Promise<JobOutcome> {
  const { services, job } = jc;
  const db = services.database.db;
  const importer = findImporter(String(job.payload.kind));
  if (!importer) return { status: 'failed', errors: [{ row: 0, column: null, message: `Unknown import kind ${String(job.payload.kind)}` }] };
  const [file] = await db.select({ jobId: jobFiles.jobId }).from(jobFiles).where(and(eq(jobFiles.coalitionId, job.coalitionId), eq(jobFiles.jobId, job.id)));
  if (!file) return { status: 'failed', errors: [{ row: 0, column: null, message: 'The uploaded file is missing' }] };

  const checker = new RowChecker(importer, await importer.prepare?.(db, job.coalitionId));
  const emit = (phase: ImportProgress['phase'], done: number) => emitProgress({ jobId: job.id, kind: importer.kind, phase, processed: done, total: job.total });
  const analyze = async () => {
    if ((job.total ?? 0) < ANALYZE_FROM_ROWS) return;
    for (const table of importer.analyze ?? []) await db.execute(sql.raw(`analyze ${table}`));
  };
  const totals = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const add = (r: WriteResult) => {
    totals.created += r.created;
    totals.updated += r.updated;
    totals.unchanged += r.unchanged ?? 0;
    totals.skipped += r.skipped ?? 0;
  };
  const writerIn = (tx: Executor, onWritten?: (written: number) => void) => new BatchWriter((records) => importer.write(tx, job.coalitionId, records, async () => undefined).then(add), onWritten);

  try {
    if (services.database.mode === 'postgres') {
      await jc.progress({ processed: 0, phase: 'writing' });
      await analyze();
      let phase: ImportProgress['phase'] = 'writing';
      await db
        .transaction(async (tx) => {
          const writer = writerIn(tx);
          // The file is read on a connection of its own: a read queued behind a batch being written
          // on tx would leave this process idle until that write ends, and then the database idle
          // while the next batch is parsed.
          for await (const source of rowsOf(importer, uploadedFile(db, job.coalitionId, job.id))) {
            const record = checker.check(source);
            if (checker.missingColumns) break;
            if (checker.errors.length === 0) await writer.add(record);
            await turnEvery(checker.processed);
            if (checker.processed % 500 === 0) {
              // After a bad row nothing more is written: the rest of the file is only being checked.
              const switched = checker.errors.length > 0 && phase === 'writing';
              if (switched) phase = 'validating';
              emit(phase, checker.processed);
              await jc.progress({ processed: checker.processed, ...(switched ? { phase } : {}) });
            }
          }
          await writer.close();
          if (checker.errors.length > 0 || checker.processed === 0) throw new RolledBack();
          emit('writing', checker.processed);
          if (importer.finish) add(await importer.finish(tx, job.coalitionId));
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        });
      const failed = checker.outcome();
      if (failed) return failed;
    } else {
      await jc.progress({ processed: 0, phase: 'validating' });
      for await (const source of rowsOf(importer, uploadedFile(db, job.coalitionId, job.id))) {
        checker.check(source);
        if (checker.missingColumns) break;
        if (checker.processed % 500 === 0) {
          emit('validating', checker.processed);
          await jc.progress({ processed: checker.processed });
        }
      }
      const failed = checker.outcome();
      if (failed) return failed;
      await jc.progress({ processed: 0, phase: 'writing' });
      await analyze();
      await db.transaction(async (tx) => {
        const writer = writerIn(tx, (written) => emit('writing', written));
        for await (const { values, row } of rowsOf(importer, uploadedFile(tx, job.coalitionId, job.id))) {
          const result = importer.validate(values, checker.lookup, row);
          if ('ok' in result) await writer.add(result.ok);
          await turnEvery(row);
        }
        await writer.close();
        if (importer.finish) add(await importer.finish(tx, job.coalitionId));
      });
    }
  } catch (error) {
    if (error instanceof CsvFormatError) return { status: 'failed', processed: checker.processed, errors: [...checker.errors, { row: error.row, column: null, message: error.message }] };
    throw error;
  }
  await analyze();
  return { status: 'succeeded', processed: checker.processed, result: totals };
}

/**
 * Every YIELD_EVERY rows, a turn of the event loop. Rows already read come through as promise
 * callbacks, which run before any I/O: without a turn, the replies to the batch being written wait
 * until a whole chunk is parsed, and its next statement with them, so the database and this process
 * would take turns instead of working at the same time.
 */
async function turnEvery(row: number): Promise<void> {
  if (row % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Thrown inside the one-pass transaction to roll it back when a row was bad. */
class RolledBack extends Error {}

/** Validates rows one at a time, keeping every bad row and catching keys used twice in the file. */
class RowChecker {
  readonly errors: RowError[] = [];
  processed = 0;
  missingColumns: RowError[] | null = null;
  private headerChecked = false;
  /** Key → first row with it; the keys are short strings (about 60 bytes each in V8). */
  private readonly keys = new Map<string, number>();

  constructor(
    private readonly importer: Importer<unknown, unknown>,
    readonly lookup: unknown,
  ) {}

  /** The row's record when it is valid (errors are kept); undefined when it is not. */
  check({ row, values }: SourceRow): unknown {
    if (!this.headerChecked) {
      this.headerChecked = true;
      const missing = this.importer.requiredColumns.filter((c) => !(c in values));
      if (missing.length > 0) {
        this.missingColumns = missing.map((column) => ({ row: 1, column, message: `Missing column "${column}"` }));
        return undefined;
      }
    }
    this.processed++;
    const result = this.importer.validate(values, this.lookup, row);
    if ('errors' in result) {
      for (const e of result.errors) this.errors.push({ row, column: e.column, message: e.message });
      return undefined;
    }
    if (this.importer.keyOf) {
      const key = this.importer.keyOf(result.ok);
      const first = this.keys.get(key);
      if (first !== undefined) {
        this.errors.push({ row, column: null, message: `Same key as row ${first} (${key})` });
        return undefined;
      }
      this.keys.set(key, row);
    }
    return result.ok;
  }

  /** The failed outcome when the file was bad (missing columns, no rows, bad rows); null when it was clean. */
  outcome(): JobOutcome | null {
    if (this.missingColumns) return { status: 'failed', processed: 0, errors: this.missingColumns };
    if (!this.headerChecked) return { status: 'failed', processed: 0, errors: [{ row: 1, column: null, message: 'The file has no rows' }] };
    if (this.errors.length > 0) return { status: 'failed', processed: this.processed, errors: this.errors };
    return null;
  }
}

/**
 * Batches of records written one after another, while the caller reads and validates the next
 * batch: a batch is sent without waiting for the one before it to be done, so the database and
 * this process work at the same time (the connection runs one statement at a time anyway).
 */
class BatchWriter {
  written = 0;
  private batch: unknown[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly write: (records: unknown[]) => Promise<void>,
    private readonly onWritten?: (written: number) => void,
  ) {}

  async add(record: unknown): Promise<void> {
    this.batch.push(record);
    if (this.batch.length >= BATCH) await this.send();
  }

  async close(): Promise<void> {
    await this.send();
    await this.inFlight;
    if (this.failure) throw this.failure.error;
  }

  private async send() {
    if (this.batch.length === 0) return;
    const records = this.batch;
    this.batch = [];
    await this.inFlight;
    if (this.failure) throw this.failure.error;
    // Caught here and rethrown by the next send or close: never an unhandled rejection meanwhile.
    this.inFlight = this.write(records).then(
      () => {
        this.written += records.length;
        this.onWritten?.(this.written);
      },
      (error: unknown) => {
        this.failure = { error };
      },
    );
  }
}

registerJobHandler('import', runImport);

