import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { currentYear } from '../metrics/index.js';

let t: TestApp;
const year = currentYear('America/Los_Angeles');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Shown strings of an uncompressed PDF's content streams. */
const pdfText = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ/g)].map((op) => [...op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join('')).join('\n');

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
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(`Annual impact report ${year}`);
    expect(text).toContain('Internship placements');
    const attendance = (await t.request({ method: 'GET', url: `/api/v1/public/coalitions/la-tech?year=${year}` })).json().metrics.find((m: { key: string }) => m.key === 'meeting_attendance').actual;
    expect(text).toContain(`Meeting attendance: ${attendance.toLocaleString('en-US')}`);
  });
});
