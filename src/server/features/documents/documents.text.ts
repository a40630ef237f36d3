import { unzipSync } from 'fflate';
import { extensionOf } from './documents.files.js';

/** Search text is capped: titles and the first pages are what people search for. */
export const MAX_TEXT_CHARS = 200_000;
const MAX_PDF_PAGES = 300;
/** PDF and Office files up to this size are read during the upload; larger ones by a background job. */
export const INLINE_TEXT_BYTES = 256 * 1024;
/** A zip entry may declare at most this many bytes: fflate inflates into a buffer of the declared size, so a zip bomb is cut off here. */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

const TEXT_LIKE = new Set(['txt', 'md', 'csv', 'html', 'htm', 'json']);
/** Office Open XML and OpenDocument files: zip archives whose text is in known XML parts. */
const ZIPPED_XML: Record<string, (name: string) => boolean> = {
  docx: (n) => n === 'word/document.xml' || /^word\/(header|footer)\d*\.xml$/.test(n) || n === 'word/footnotes.xml',
  pptx: (n) => /^ppt\/slides\/slide\d+\.xml$/.test(n) || /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n),
  xlsx: (n) => n === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(n),
  odt: (n) => n === 'content.xml',
  ods: (n) => n === 'content.xml',
  odp: (n) => n === 'content.xml',
};

export type TextKind = 'text' | 'binary' | 'none';
/** How a type's text is had: read as it is (cheap), parsed (PDF, Office: may be slow), or not at all (images, legacy binary Office). */
export function textKindOf(filename: string): TextKind {
  const ext = extensionOf(filename);
  if (TEXT_LIKE.has(ext)) return 'text';
  if (ext === 'pdf' || ext in ZIPPED_XML) return 'binary';
  return 'none';
}

const squash = (text: string) => text.replaceAll('\u0000', '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_CHARS);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number.parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** The words of an XML part: paragraph, cell and break ends become spaces so words never run together. */
export function xmlText(xml: string): string {
  const spaced = xml
    .replace(/<\/(w:p|a:p|text:p|text:h|si|c|row)>/g, '\n')
    .replace(/<(w:tab|w:br|text:tab|text:line-break|text:s)\b[^>]*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(spaced);
}

function zippedXmlText(ext: string, content: Buffer): string {
  const wanted = ZIPPED_XML[ext]!;
  let total = 0;
  const parts = unzipSync(new Uint8Array(content.buffer, content.byteOffset, content.byteLength), {
    filter: (file) => {
      if (!wanted(file.name) || file.originalSize > MAX_ENTRY_BYTES || total + file.originalSize > MAX_TOTAL_BYTES) return false;
      total += file.originalSize;
      return true;
    },
  });
  // Slides and sheets in their own order (slide2 before slide10).
  const names = Object.keys(parts).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const decoder = new TextDecoder();
  return names.map((name) => xmlText(decoder.decode(parts[name]))).join('\n');
}

async function pdfText(content: Buffer): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  // pdf.js may transfer the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(content));
  try {
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PDF_PAGES) && length < MAX_TEXT_CHARS; n++) {
      const page = await pdf.getPage(n);
      const text = await page.getTextContent();
      const line = text.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      pages.push(line);
      length += line.length;
    }
    return pages.join('\n');
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** Text-like files only (synchronous, cheap): HTML without its tags and scripts. */
export function plainText(filename: string, content: Buffer): string | null {
  const ext = extensionOf(filename);
  if (!TEXT_LIKE.has(ext)) return null;
  let text = content.toString('utf8');
  if (ext === 'html' || ext === 'htm') text = decodeEntities(text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '));
  return squash(text);
}

/**
 * The searchable text of any accepted file, or null for a type without text. Throws when a PDF or
 * Office file cannot be read (damaged, encrypted, not what its extension says).
 */
export async function extractText(filename: string, content: Buffer): Promise<string | null> {
  const ext = extensionOf(filename);
  const kind = textKindOf(filename);
  if (kind === 'none') return null;
  if (kind === 'text') return plainText(filename, content);
  return squash(ext === 'pdf' ? await pdfText(content) : zippedXmlText(ext, content));
}
