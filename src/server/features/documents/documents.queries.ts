import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DocumentListQuery } from '../../../shared/documents.contract.js';
import type { Executor } from '../../db/client.js';
import { people } from '../../db/schema.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { documents, documentVersions } from './documents.table.js';

const columns = {
  id: documents.id,
  title: documents.title,
  visibility: documents.visibility,
  tags: documents.tags,
  ownerId: documents.ownerId,
  ownerName: people.name,
  currentVersion: documents.currentVersion,
  filename: documentVersions.filename,
  contentType: documentVersions.contentType,
  size: documentVersions.size,
  searchable: sql<boolean>`${documentVersions.extractedText} is not null`,
  textStatus: documentVersions.textStatus,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
};

const base = (db: Executor) =>
  db
    .select(columns)
    .from(documents)
    .innerJoin(
      documentVersions,
      and(eq(documentVersions.coalitionId, documents.coalitionId), eq(documentVersions.documentId, documents.id), eq(documentVersions.version, documents.currentVersion)),
    )
    .leftJoin(people, and(eq(people.coalitionId, documents.coalitionId), eq(people.id, documents.ownerId)));

export type DocumentRow = Awaited<ReturnType<typeof findDocument>> & {};

export async function findDocument(db: Executor, coalitionId: string, id: string) {
  const [row] = await base(db).where(and(eq(documents.coalitionId, coalitionId), eq(documents.id, id)));
  return row;
}

/** Search runs over titles and the text extracted from the current version. */
export async function listDocuments(db: Executor, coalitionId: string, query: DocumentListQuery, visibilities: string[]) {
  const filters: (SQL | undefined)[] = [eq(documents.coalitionId, coalitionId), inArray(documents.visibility, visibilities)];
  if (query.visibility) filters.push(eq(documents.visibility, query.visibility));
  if (query.tag) filters.push(sql`${query.tag} = any(${documents.tags})`);
  if (query.q) filters.push(or(ilike(documents.title, likePattern(query.q)), ilike(documentVersions.extractedText, likePattern(query.q))));
  filters.push(afterCursor(documents.title, documents.id, decodeCursor(query.cursor, 2)));
  return base(db)
    .where(and(...filters))
    .orderBy(documents.title, documents.id)
    .limit(query.limit + 1);
}

export async function versionsOf(db: Executor, coalitionId: string, documentId: string) {
  return db
    .select({
      version: documentVersions.version,
      filename: documentVersions.filename,
      contentType: documentVersions.contentType,
      size: documentVersions.size,
      sha256: documentVersions.sha256,
      textStatus: documentVersions.textStatus,
      uploadedBy: documentVersions.uploadedBy,
      uploadedByName: people.name,
      createdAt: documentVersions.createdAt,
    })
    .from(documentVersions)
    .leftJoin(people, and(eq(people.coalitionId, documentVersions.coalitionId), eq(people.id, documentVersions.uploadedBy)))
    .where(and(eq(documentVersions.coalitionId, coalitionId), eq(documentVersions.documentId, documentId)))
    .orderBy(desc(documentVersions.version));
}

export async function fileOf(db: Executor, coalitionId: string, documentId: string, version: number) {
  const [row] = await db
    .select({ filename: documentVersions.filename, content: documentVersions.content })
    .from(documentVersions)
    .where(and(eq(documentVersions.coalitionId, coalitionId), eq(documentVersions.documentId, documentId), eq(documentVersions.version, version)));
  return row;
}

/** Stores the text a background job read from a version. */
export async function setVersionText(db: Executor, coalitionId: string, documentId: string, version: number, text: { extractedText: string | null; textStatus: string }) {
  await db
    .update(documentVersions)
    .set(text)
    .where(and(eq(documentVersions.coalitionId, coalitionId), eq(documentVersions.documentId, documentId), eq(documentVersions.version, version)));
}
