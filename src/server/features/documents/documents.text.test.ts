import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf, makePptx } from './documents.fixtures.js';
import { extractText, textKindOf, xmlText } from './documents.text.js';

describe('text extraction for the library search', () => {
  it('reads every page of a real PDF', async () => {
    const pdf = await makePdf(['Apprenticeship stipends for cybersecurity cohorts', 'Second page: mentorship ledger']);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await extractText('report.pdf', pdf);
    expect(text).toContain('Apprenticeship stipends for cybersecurity cohorts');
    expect(text).toContain('mentorship ledger');
  });

  it('reads the paragraphs of a Word document, with entities decoded and words kept apart', async () => {
    const docx = makeDocx(['Employer & college agreement', 'Hosting <five> interns', 'Signed']);
    expect(await extractText('agreement.docx', docx)).toBe('Employer & college agreement Hosting <five> interns Signed');
  });

  it('reads slides in their order (slide 2 before slide 10)', async () => {
    const slides = Array.from({ length: 10 }, (_, i) => `slide-${i + 1}`);
    const text = await extractText('deck.pptx', makePptx(slides));
    expect(text).toBe(slides.join(' '));
  });

  it('reads OpenDocument text', async () => {
    const odt = Buffer.from(zipSync({ 'content.xml': strToU8('<office:document-content><office:body><office:text><text:p>Labor market</text:p><text:p>brief&#x2014;2026</text:p></office:text></office:body></office:document-content>') }));
    expect(await extractText('brief.odt', odt)).toBe('Labor market brief—2026');
  });

  it('throws for a damaged PDF or a file that is not the zip its extension says', async () => {
    await expect(extractText('broken.pdf', Buffer.from('%PDF-1.4 this is not really a pdf'))).rejects.toThrow();
    await expect(extractText('fake.docx', Buffer.from('plain text pretending'))).rejects.toThrow();
  });

  it('skips a zip entry that declares more than it may inflate to (a zip bomb yields no text)', async () => {
    // 40 MB of zeros compresses to a few KB; its declared size is over the per-entry limit.
    const bomb = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await extractText('bomb.docx', bomb)).toBe('');
  });

  it('knows which types have text: text files, PDF and Office; images and legacy binary Office have none', async () => {
    expect(textKindOf('notes.md')).toBe('text');
    expect(textKindOf('report.PDF')).toBe('binary');
    expect(textKindOf('sheet.xlsx')).toBe('binary');
    expect(textKindOf('photo.png')).toBe('none');
    expect(textKindOf('old.doc')).toBe('none');
    expect(await extractText('photo.png', Buffer.from([0x89, 0x50]))).toBeNull();
    expect(await extractText('page.html', Buffer.from('<p>Hi&amp;bye</p><script>evil()</script>'))).toBe('Hi&bye');
    expect(xmlText('<si><t>Cell A</t></si><si><t>Cell B</t></si>').trim().split(/\s+/)).toEqual(['Cell', 'A', 'Cell', 'B']);
  });
});
