import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { documentVisibilities, type DocumentDto, type DocumentTextStatus, type DocumentListQuery, type DocumentUpdateInput, type DocumentUploadFields, type DocumentVersionDto, type DocumentVisibility } from '../../../shared/documents.contract.js';
import type { Page } from '../../../shared/common.contract.js';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { Services, TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, can } from '../../platform/permissions.js';
import { enqueueJob, registerJobHandler, type JobHandler } from '../../platform/jobs/jobs.js';
import { workerModule, workersOf } from '../../platform/workers/worker-pool.js';
import { checkUpload, downloadTypeFor } from './documents.files.js';
import { extractText, INLINE_TEXT_BYTES, textKindOf } from './documents.text.js';
import './documents.policy.js';
import * as q from './documents.queries.js';
import { documents, documentVersions } from './documents.table.js';

export interface UploadedFile {
  filename: string;
  mimetype: string;
  content: Buffer;
}

const subject = (ctx: TenantCtx) => ({ actor: ctx.actor, principal: ctx.principal });
const toDto = (row: q.DocumentRow): DocumentDto => ({ ...isoDates(row), visibility: row.visibility as DocumentVisibility, textStatus: row.textStatus as DocumentTextStatus });

export const EXTRACT_TEXT_JOB = 'documents:extract-text';

interface VersionText {
  extractedText: string | null;
  textStatus: DocumentTextStatus;
}

// PDF and Office files are parsed on a worker thread: pdf.js and unzipping hold the thread they run on.
const fileText = workerModule<typeof import('./documents.text.js')>(new URL('./documents.text.js', import.meta.url));

/** Reads a file's text for search; a file that cannot be read is kept, searchable by title only. */
async function readText(services: Services, filename: string, content: Buffer): Promise<VersionText> {
  try {
    const text = textKindOf(filename) === 'binary' ? await workersOf(services).run(fileText, 'extractText', [filename, content]) : await extractText(filename, content);
    return text === null ? { extractedText: null, textStatus: 'none' } : { extractedText: text, textStatus: 'done' };
  } catch (error) {
    // A busy or stopping server is not an unreadable file: the caller gets the 503.
    if (error instanceof AppError && error.code === 'unavailable') throw error;
    return { extractedText: null, textStatus: 'failed' };
  }
}

/** Text files and small PDF/Office files are read during the upload; larger ones by a job, off the request path. */
async function textAtUpload(services: Services, file: UploadedFile): Promise<VersionText> {
  if (textKindOf(file.filename) === 'binary' && file.content.length > INLINE_TEXT_BYTES) return { extractedText: null, textStatus: 'pending' };
  return readText(services, file.filename, file.content);
}

const extractTextJob: JobHandler = async ({ services, job }) => {
  const { documentId, version } = job.payload as { documentId: string; version: number };
  const db = services.database.db;
  const file = await q.fileOf(db, job.coalitionId, documentId, version);
  if (!file) return { status: 'succeeded', result: { skipped: 'the version was removed' } };
  const text = await readText(services, file.filename, file.content);
  await q.setVersionText(db, job.coalitionId, documentId, version, text);
  return text.textStatus === 'failed'
    ? { status: 'failed', errors: [{ row: 0, column: null, message: `${file.filename} could not be read; it stays searchable by title` }] }
    : { status: 'succeeded', result: { characters: text.extractedText?.length ?? 0 } };
};
registerJobHandler(EXTRACT_TEXT_JOB, extractTextJob);

/** Loads a document the caller may see; one they may not see is a 404, like one that does not exist. */
async function visible(ctx: TenantCtx, id: string): Promise<q.DocumentRow> {
  const row = await q.findDocument(ctx.db, ctx.coalition.id, id);
  if (!row || !can(subject(ctx), 'document.read', row)) throw notFound('Document');
  return row;
}

export async function listDocuments(ctx: TenantCtx, query: DocumentListQuery): Promise<Page<DocumentDto>> {
  authorize(ctx, 'document.list');
  const allowed = documentVisibilities.filter((visibility) => can(subject(ctx), 'document.read', { visibility, ownerId: null }));
  const rows = await q.listDocuments(ctx.db, ctx.coalition.id, query, allowed);
  const page = toPage(rows, query.limit, (r) => [r.title, r.id]);
  return { items: page.items.map(toDto), nextCursor: page.nextCursor };
}

export async function getDocument(ctx: TenantCtx, id: string): Promise<DocumentDto> {
  authorize(ctx, 'document.list');
  return toDto(await visible(ctx, id));
}

async function insertVersion(tx: Executor, ctx: TenantCtx, documentId: string, version: number, file: UploadedFile, text: VersionText) {
  checkUpload(file.filename, file.content.length);
  await tx.insert(documentVersions).values({
    coalitionId: ctx.coalition.id,
    documentId,
    version,
    filename: file.filename.slice(0, 255),
    contentType: file.mimetype.slice(0, 200),
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    ...text,
    uploadedBy: ctx.principal.personId,
  });
  if (text.textStatus === 'pending') await enqueueJob(tx, { coalitionId: ctx.coalition.id, kind: EXTRACT_TEXT_JOB, payload: { documentId, version }, createdBy: ctx.actor.userId });
}

export async function uploadDocument(ctx: TenantCtx, fields: DocumentUploadFields, file: UploadedFile): Promise<DocumentDto> {
  authorize(ctx, 'document.create', { visibility: fields.visibility });
  checkUpload(file.filename, file.content.length);
  const id = newId();
  const text = await textAtUpload(ctx.services, file);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(documents).values({ coalitionId: ctx.coalition.id, id, title: fields.title, visibility: fields.visibility, tags: fields.tags ?? [], ownerId: ctx.principal.personId });
    await insertVersion(tx, ctx, id, 1, file, text);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'document', entityId: id, changes: { title: fields.title, visibility: fields.visibility, filename: file.filename, size: file.content.length } });
  });
  if (text.textStatus === 'pending') ctx.services.jobRunner?.poke();
  return getDocument(ctx, id);
}

export async function addVersion(ctx: TenantCtx, id: string, file: UploadedFile): Promise<DocumentDto> {
  authorize(ctx, 'document.update', await visible(ctx, id));
  checkUpload(file.filename, file.content.length);
  const text = await textAtUpload(ctx.services, file);
  await ctx.db.transaction(async (tx) => {
    const [doc] = await tx
      .update(documents)
      .set({ currentVersion: documents.currentVersion, updatedAt: new Date() })
      .where(and(eq(documents.coalitionId, ctx.coalition.id), eq(documents.id, id)))
      .returning({ currentVersion: documents.currentVersion });
    const version = doc!.currentVersion + 1;
    await insertVersion(tx, ctx, id, version, file, text);
    await tx.update(documents).set({ currentVersion: version }).where(and(eq(documents.coalitionId, ctx.coalition.id), eq(documents.id, id)));
    await recordAudit(tx, ctx, { action: 'version', entityType: 'document', entityId: id, changes: { version, filename: file.filename, size: file.content.length } });
  });
  if (text.textStatus === 'pending') ctx.services.jobRunner?.poke();
  return getDocument(ctx, id);
}

export async function updateDocument(ctx: TenantCtx, id: string, patch: DocumentUpdateInput): Promise<DocumentDto> {
  const before = await visible(ctx, id);
  authorize(ctx, 'document.update', before);
  if (patch.visibility) authorize(ctx, 'document.create', { visibility: patch.visibility });
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before as Record<string, unknown>, set);
    if (Object.keys(changes).length === 0) return;
    await tx.update(documents).set({ ...set, updatedAt: new Date() }).where(and(eq(documents.coalitionId, ctx.coalition.id), eq(documents.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'document', entityId: id, changes });
  });
  return getDocument(ctx, id);
}

export async function deleteDocument(ctx: TenantCtx, id: string): Promise<void> {
  const before = await visible(ctx, id);
  authorize(ctx, 'document.delete', before);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(documents).where(and(eq(documents.coalitionId, ctx.coalition.id), eq(documents.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'document', entityId: id, changes: { title: before.title } });
  });
}

export async function listVersions(ctx: TenantCtx, id: string): Promise<{ items: DocumentVersionDto[] }> {
  authorize(ctx, 'document.list');
  await visible(ctx, id);
  return { items: (await q.versionsOf(ctx.db, ctx.coalition.id, id)).map((v) => ({ ...isoDates(v), textStatus: v.textStatus as DocumentTextStatus })) };
}

export async function downloadFile(ctx: TenantCtx, id: string, version?: number): Promise<{ filename: string; contentType: string; content: Buffer }> {
  authorize(ctx, 'document.list');
  const doc = await visible(ctx, id);
  const file = await q.fileOf(ctx.db, ctx.coalition.id, id, version ?? doc.currentVersion);
  if (!file) throw notFound('Version');
  return { filename: file.filename, contentType: downloadTypeFor(file.filename), content: file.content };
}
