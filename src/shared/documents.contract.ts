import { z } from 'zod';
import { isoDateTime, listQuery, requiredText, uuid } from './common.contract.js';

export const documentVisibilities = ['public', 'coalition', 'leadership_council'] as const;
export const documentVisibilitySchema = z.enum(documentVisibilities);
export type DocumentVisibility = z.infer<typeof documentVisibilitySchema>;

/** Largest file the library takes (bytes). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** File types the library takes, by extension: documents, spreadsheets, slides, text and images. */
export const documentExtensions = ['pdf', 'txt', 'md', 'csv', 'html', 'htm', 'json', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'ppt', 'odt', 'ods', 'odp', 'png', 'jpg', 'jpeg', 'gif', 'webp'] as const;

const tags = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')))
  .pipe(z.array(z.string().trim().toLowerCase().max(40)).max(20))
  .transform((list) => [...new Set(list.filter(Boolean))]);

/** The text fields of the multipart upload (`file` is the file part). */
export const documentUploadFields = z.object({
  title: requiredText(300),
  visibility: documentVisibilitySchema,
  tags: tags.optional(),
});
export type DocumentUploadFields = z.infer<typeof documentUploadFields>;

export const documentUpdateInput = z.object({ title: requiredText(300).optional(), visibility: documentVisibilitySchema.optional(), tags: tags.optional() });
export type DocumentUpdateInput = z.infer<typeof documentUpdateInput>;

/** none: a type without text (images); pending: being read in the background; done: searchable; failed: the file could not be read. */
export const documentTextStatuses = ['none', 'pending', 'done', 'failed'] as const;
export const documentTextStatusSchema = z.enum(documentTextStatuses);
export type DocumentTextStatus = z.infer<typeof documentTextStatusSchema>;

export const documentVersionDto = z.object({
  version: z.number().int(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  textStatus: documentTextStatusSchema,
  uploadedBy: uuid.nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: isoDateTime,
});
export type DocumentVersionDto = z.infer<typeof documentVersionDto>;

export const documentDto = z.object({
  id: uuid,
  title: z.string(),
  visibility: documentVisibilitySchema,
  tags: z.array(z.string()),
  ownerId: uuid.nullable(),
  ownerName: z.string().nullable(),
  currentVersion: z.number().int(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** The current version's text is searchable (text, PDF and Office files once read). */
  searchable: z.boolean(),
  textStatus: documentTextStatusSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type DocumentDto = z.infer<typeof documentDto>;

export const documentListQuery = listQuery.extend({ tag: z.string().trim().toLowerCase().max(40).optional(), visibility: documentVisibilitySchema.optional() });
export type DocumentListQuery = z.infer<typeof documentListQuery>;
export const documentFileQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
