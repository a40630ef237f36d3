import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../../test/harness.js';
import { currentYear } from '../metrics/index.js';

let t: TestApp;
const year = currentYear('America/Los_Angeles');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** The text a PDF reader (pdf.js, through unpdf) extracts, one text run a line. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const lines: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) lines.push(...(await (await doc.getPage(n)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')));
    return lines.join('\n');
  } finally {
    await doc.loadingTask.destroy();
  }
}

describe('the public page', () => {
  it('shows mission, priorities, progress against targets, recognized partners and open opportunities without sign-in', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/public/coalitions/la-tech' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ slug: 'la-tech', name: 'Los Angeles Tech Talent Coalition', year });
    expect(body.metrics.find((m: { key: string }) => m.key === 'internship_placements')).toMatchObject({ target: 500, actual: expect.any(Number) });
    expect(body.recognizedPartners).toHaveLength(4);
    expect(body.recognizedPartners.every((p: { year: number }) => p.year === year - 1)).toBe(true);
    expect(body.openOpportunities.map((o: { title: string }) => o.title)).toContain('Tech Talent Challenge: software engineering intern');
    expect(body.roadmap.total).toBe(15);
  });

  it('lists public events: published workshops and classroom events not over yet, and nothing else', async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const post = async (payload: object) => {
      const res = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/opportunities', as: coordinator, payload });
      expect(res.statusCode, res.body).toBe(201);
    };
    const snap = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/organizations?q=Snap', as: coordinator })).json().items[0].id;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await post({ employerId: snap, kind: 'hard_skill_wbl', title: 'Public hack day', skills: ['Python'], startsOn: day(10), endsOn: day(10), location: 'Santa Monica, CA' });
    await post({ employerId: snap, kind: 'soft_skill_wbl', title: 'Draft mock interviews', skills: ['Speaking'], startsOn: day(12), status: 'draft' });
    await post({ employerId: snap, kind: 'classroom_engagement', title: 'Panel that already happened', skills: ['Speaking'], startsOn: day(-20), endsOn: day(-19) });
    await post({ employerId: snap, kind: 'classroom_engagement', title: 'Design sprint under way', skills: ['Figma'], startsOn: day(-3), endsOn: day(30) });

    const events = (await t.request({ method: 'GET', url: '/api/v1/public/coalitions/la-tech' })).json().publicEvents as { title: string; kind: string; hostName: string; startsOn: string }[];
    const titles = events.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['Public speaking workshop for high-school students', 'Public hack day', 'Design sprint under way']));
    expect(events.find((e) => e.title === 'Public hack day')).toMatchObject({ kind: 'hard_skill_wbl', hostName: 'Snap Inc.', startsOn: day(10), location: 'Santa Monica, CA' });
    for (const hidden of ['Draft mock interviews', 'Panel that already happened', 'Résumé writing workshop', 'Tech Talent Challenge: software engineering intern']) expect(titles).not.toContain(hidden);
    expect(events.every((e) => ['soft_skill_wbl', 'hard_skill_wbl', 'classroom_engagement'].includes(e.kind))).toBe(true);
    expect(events.map((e) => e.startsOn)).toEqual([...events.map((e) => e.startsOn)].sort());
  });

  it('carries no personal data: no e-mail addresses, no student or staff names', async () => {
    const text = (await t.request({ method: 'GET', url: '/api/v1/public/coalitions/la-tech' })).body;
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
    for (const name of ['Luis', 'Hernández', 'Maya Chen', 'Jordan Rivera', 'Priya Natarajan', 'dateOfBirth']) expect(text).not.toContain(name);
  });

  it('answers 404 for a coalition that does not exist, and gives the annual report as a PDF', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/public/coalitions/nowhere' })).statusCode).toBe(404);
    const pdf = await t.request({ method: 'GET', url: `/api/v1/public/coalitions/la-tech/annual-report.pdf?year=${year}` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(`Annual impact report ${year}`);
    expect(text).toContain('Internship placements');
    expect(text).toContain('Upcoming public events');
    expect(text).toContain('Public speaking workshop for high-school students');
    const attendance = (await t.request({ method: 'GET', url: `/api/v1/public/coalitions/la-tech?year=${year}` })).json().metrics.find((m: { key: string }) => m.key === 'meeting_attendance').actual;
    expect(text).toContain(`Meeting attendance: ${attendance.toLocaleString('en-US')}`);
  });
});
