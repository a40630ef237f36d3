import { DOCUMENT_MAX_BYTES, documentExtensions } from '../../../shared/documents.contract.js';
import { AppError } from '../../platform/errors.js';

/** Content types a download may carry; anything else (HTML above all) is served as octet-stream. */
const SAFE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  md: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export const extensionOf = (filename: string) => (/\.([a-z0-9]{1,8})$/i.exec(filename)?.[1] ?? '').toLowerCase();

/** Refuses types the library does not take (415) and files over the limit (413). */
export function checkUpload(filename: string, size: number): string {
  const ext = extensionOf(filename);
  if (!(documentExtensions as readonly string[]).includes(ext)) {
    throw new AppError('unsupported_media_type', `Files of type .${ext || '(none)'} are not accepted; use one of ${documentExtensions.join(', ')}`);
  }
  if (size > DOCUMENT_MAX_BYTES) throw new AppError('payload_too_large', `Files may be at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`);
  if (size === 0) throw new AppError('invalid', 'file: The file is empty', { errors: [{ path: 'file', message: 'The file is empty' }] });
  return ext;
}

export const downloadTypeFor = (filename: string) => SAFE_TYPES[extensionOf(filename)] ?? 'application/octet-stream';

/** A Content-Disposition that always downloads, with an ASCII fallback name and the UTF-8 one. */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
