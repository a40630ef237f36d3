import PDFDocument from 'pdfkit';
import { strToU8, zipSync } from 'fflate';

/** A real PDF made by pdfkit, one page per string (tests only). */
export function makePdf(pages: string[], options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ compress: options.compress ?? true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  pages.forEach((text, i) => (i === 0 ? doc : doc.addPage()).text(text));
  doc.end();
  return done;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal but valid Word document (Office Open XML), one paragraph per string; `level: 0` stores it uncompressed. */
export function makeDocx(paragraphs: string[], options: { level?: 0 | 6 } = {}): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  };
  return Buffer.from(zipSync(files, { level: options.level ?? 6 }));
}

/** A minimal slide deck (Office Open XML): one slide per string. */
export function makePptx(slides: string[]): Buffer {
  const files: Record<string, Uint8Array> = {};
  slides.forEach((text, i) => {
    files[`ppt/slides/slide${i + 1}.xml`] = strToU8(`<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`);
  });
  return Buffer.from(zipSync(files));
}
