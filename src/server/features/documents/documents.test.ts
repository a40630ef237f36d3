import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { makeDocx, makePdf } from './documents.fixtures.js';
import { INLINE_TEXT_BYTES } from './documents.text.js';

let t: TestApp;
let coordinator: Session;
let government: Session;
let employer: Session;
let student: Session;
let outsider: Session;
const base = '/api/v1/coalitions/la-tech/documents';

/** A multipart/form-data body with text fields and one file. */
function form(fields: Record<string, string>, file?: { name: string; type: string; content: string | Buffer }) {
  const boundary = `----tb${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (as: Session, fields: Record<string, string>, file?: { name: string; type: string; content: string | Buffer }) => t.request({ method: 'POST', url: base, as, ...form(fields, file) });

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  government = await t.signIn(demo.government);
  employer = await t.signIn(demo.employer);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia.documents@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-documents', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
});
afterAll(() => t?.close());

describe('shared library', () => {
  it('keeps a Leadership Council document from students and other coalitions', async () => {
    const res = await upload(government, { title: 'Council budget notes', visibility: 'leadership_council', tags: 'budget, council' }, { name: 'budget.txt', type: 'text/plain', content: 'Kresge grant renewal: confidential figures' });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ title: 'Council budget notes', visibility: 'leadership_council', tags: ['budget', 'council'], currentVersion: 1, searchable: true, ownerName: 'Dana Brooks' });
    const own = await t.request({ method: 'GET', url: `${base}/${doc.id}/file`, as: coordinator });
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe('Kresge grant renewal: confidential figures');
    for (const who of [student, employer]) {
      expect((await t.request({ method: 'GET', url: `${base}/${doc.id}/file`, as: who })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: `${base}/${doc.id}`, as: who })).statusCode).toBe(404);
      const listed = (await t.request({ method: 'GET', url: `${base}?limit=200`, as: who })).json().items;
      expect(listed.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    }
    expect((await t.request({ method: 'GET', url: `${base}/${doc.id}/file`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-documents/documents/${doc.id}/file`, as: outsider })).statusCode).toBe(404);
    // A member who is not on the Council cannot file one.
    expect((await upload(employer, { title: 'X', visibility: 'leadership_council' }, { name: 'x.txt', type: 'text/plain', content: 'x' })).statusCode).toBe(403);
  });

  it('serves an HTML upload as an attachment, never rendered', async () => {
    const html = '<html><body><script>alert(document.cookie)</script><h1>Partner toolkit</h1></body></html>';
    const res = await upload(employer, { title: 'Partner toolkit', visibility: 'coalition' }, { name: 'toolkit.html', type: 'text/html', content: html });
    expect(res.statusCode).toBe(201);
    const file = await t.request({ method: 'GET', url: `${base}/${res.json().id}/file`, as: coordinator });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="toolkit.html"/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-type'])).toBe('application/octet-stream');
    // Students do not see coalition documents; public ones they do.
    expect((await t.request({ method: 'GET', url: `${base}/${res.json().id}/file`, as: student })).statusCode).toBe(404);
    const pub = await upload(coordinator, { title: 'Coalition one-pager', visibility: 'public' }, { name: 'one-pager.md', type: 'text/markdown', content: '# Join us' });
    const got = await t.request({ method: 'GET', url: `${base}/${pub.json().id}/file`, as: student });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('searches titles and extracted text, filters by tag, keeps versions', async () => {
    const res = await upload(coordinator, { title: 'Internship playbook', visibility: 'coalition', tags: 'internships' }, { name: 'playbook.txt', type: 'text/plain', content: 'Stipends and mentorship for summer cohorts' });
    const id = res.json().id;
    const byText = (await t.request({ method: 'GET', url: `${base}?q=mentorship`, as: employer })).json().items;
    expect(byText.map((d: { id: string }) => d.id)).toEqual([id]);
    const byTag = (await t.request({ method: 'GET', url: `${base}?tag=internships`, as: employer })).json().items;
    expect(byTag.map((d: { id: string }) => d.id)).toEqual([id]);
    const v2 = await t.request({ method: 'POST', url: `${base}/${id}/versions`, as: coordinator, ...form({}, { name: 'playbook-v2.txt', type: 'text/plain', content: 'Paid internships with apprenticeship pathways' }) });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ currentVersion: 2, filename: 'playbook-v2.txt' });
    expect((await t.request({ method: 'GET', url: `${base}?q=mentorship`, as: employer })).json().items).toEqual([]);
    expect((await t.request({ method: 'GET', url: `${base}/${id}/file?version=1`, as: employer })).body).toBe('Stipends and mentorship for summer cohorts');
    const versions = (await t.request({ method: 'GET', url: `${base}/${id}/versions`, as: employer })).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Someone else's document: not theirs to change.
    expect((await t.request({ method: 'PATCH', url: `${base}/${id}`, as: employer, payload: { title: 'Mine now' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { tags: 'internships, playbook' } })).json().tags).toEqual(['internships', 'playbook']);
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(404);
  });

  it('searches the text of PDF and Word uploads; a large one is read by a background job', async () => {
    const ids = (items: { id: string }[]) => items.map((d) => d.id);
    const search = async (q: string) => ids((await t.request({ method: 'GET', url: `${base}?q=${encodeURIComponent(q)}`, as: coordinator })).json().items);
    const pdf = await upload(coordinator, { title: 'Labor market brief', visibility: 'coalition' }, { name: 'brief.pdf', type: 'application/pdf', content: await makePdf(['Regional outlook', 'Quantum networking apprenticeships are growing']) });
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ textStatus: 'done', searchable: true });
    const docx = await upload(coordinator, { title: 'Partnership agreement', visibility: 'coalition' }, { name: 'agreement.docx', type: 'application/octet-stream', content: makeDocx(['The employer hosts five interns', 'Zephyrine mentoring circles each term']) });
    expect(docx.statusCode).toBe(201);
    expect(docx.json()).toMatchObject({ textStatus: 'done', searchable: true });
    expect(await search('quantum networking')).toEqual([pdf.json().id]);
    expect(await search('zephyrine')).toEqual([docx.json().id]);

    // Over the inline limit: stored at once, read by the job runner, searchable after it ran.
    const filler = Array.from({ length: 2500 }, (_, i) => `Paragraph ${i} of the annual report on regional hiring.`);
    const large = makeDocx([...filler, 'Obsidianwing scholarship fund'], { level: 0 });
    expect(large.length).toBeGreaterThan(INLINE_TEXT_BYTES);
    const big = await upload(coordinator, { title: 'Annual report', visibility: 'coalition' }, { name: 'annual.docx', type: 'application/octet-stream', content: large });
    expect(big.statusCode).toBe(201);
    expect(big.json()).toMatchObject({ textStatus: 'pending', searchable: false });
    expect(await search('obsidianwing')).toEqual([]);
    expect(await t.runJobs()).toBeGreaterThanOrEqual(1);
    expect((await t.request({ method: 'GET', url: `${base}/${big.json().id}`, as: coordinator })).json()).toMatchObject({ textStatus: 'done', searchable: true });
    expect(await search('obsidianwing')).toEqual([big.json().id]);
    const versions = (await t.request({ method: 'GET', url: `${base}/${big.json().id}/versions`, as: coordinator })).json().items;
    expect(versions[0]).toMatchObject({ version: 1, textStatus: 'done' });

    // A damaged PDF is kept (searchable by title only) and says its text could not be read.
    const broken = await upload(coordinator, { title: 'Scanned minutes', visibility: 'coalition' }, { name: 'minutes.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4 not really a pdf') });
    expect(broken.statusCode).toBe(201);
    expect(broken.json()).toMatchObject({ textStatus: 'failed', searchable: false });
    expect(await search('scanned minutes')).toEqual([broken.json().id]);
  });

  it('refuses bad uploads: type 415, size 413, missing fields 422 — and writes nothing', async () => {
    const before = (await t.request({ method: 'GET', url: `${base}?limit=200`, as: coordinator })).json().items.length;
    const exe = await upload(coordinator, { title: 'Tool', visibility: 'coalition' }, { name: 'tool.exe', type: 'application/octet-stream', content: 'MZ' });
    expect(exe.statusCode).toBe(415);
    const svg = await upload(coordinator, { title: 'Logo', visibility: 'coalition' }, { name: 'logo.svg', type: 'image/svg+xml', content: '<svg onload="alert(1)"/>' });
    expect(svg.statusCode).toBe(415);
    const big = await upload(coordinator, { title: 'Huge', visibility: 'coalition' }, { name: 'huge.txt', type: 'text/plain', content: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
    const noTitle = await upload(coordinator, { visibility: 'secret' }, { name: 'a.txt', type: 'text/plain', content: 'a' });
    expect(noTitle.statusCode).toBe(422);
    expect(noTitle.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['title', 'visibility']));
    const noFile = await upload(coordinator, { title: 'Nothing', visibility: 'coalition' });
    expect(noFile.statusCode).toBe(422);
    expect(noFile.json().errors[0].path).toBe('file');
    const json = await t.request({ method: 'POST', url: base, as: coordinator, payload: { title: 'x' } });
    expect(json.statusCode).toBe(415);
    expect((await t.request({ method: 'GET', url: `${base}?limit=200`, as: coordinator })).json().items.length).toBe(before);
  });
});
