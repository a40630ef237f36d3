import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { currentYear } from '../metrics/index.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let government: Session;
let student: Session;
let outsider: Session;
const LA = '/api/v1/coalitions/la-tech';
const year = currentYear('America/Los_Angeles');

const get = (url: string, as?: Session) => t.request({ method: 'GET', url, ...(as ? { as } : {}) });
const send = (method: 'POST' | 'PUT', url: string, as: Session, payload?: object) => t.request({ method, url, as, ...(payload ? { payload } : {}) });
const orgId = async (q: string) => (await get(`${LA}/organizations?q=${encodeURIComponent(q)}`, coordinator)).json().items[0].id as string;

/** The official OB 3.0 AchievementCredential schema, read from ../shared at test time (never copied here). */
function obValidator() {
  const path = fileURLToPath(new URL('../../../../../shared/schemas/ob_v3p0_achievementcredential_schema.json', import.meta.url));
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
}

/** The text a PDF reader (pdf.js, through unpdf) extracts, one text run a line, and the page count. */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const { getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const lines: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      lines.push(...content.items.map((item) => ('str' in item ? item.str : '')).filter((line) => line.trim() !== ''));
    }
    return { text: lines.join('\n'), pages: doc.numPages };
  } finally {
    await doc.loadingTask.destroy();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  government = await t.signIn(demo.government);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia.recognition@example.org');
  expect((await send('POST', '/api/v1/coalitions', outsider, { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' })).statusCode).toBe(201);
});
afterAll(() => t?.close());

describe('recognition', () => {
  it('scores every employer and institution from records, with the paper’s criteria per member type', async () => {
    const res = await get(`${LA}/recognition/scores?year=${year}`, employer);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { organizationId: string; name: string; memberType: string; score: number; criteria: { key: string; value: number | null; noData: boolean }[] }[];
    const snap = items.find((i) => i.name === 'Snap Inc.')!;
    expect(snap.memberType).toBe('employer');
    expect(snap.criteria.map((c) => c.key)).toEqual(['placements', 'students_impacted', 'participants_volunteers', 'meeting_attendance', 'engagements', 'dollars_invested']);
    // Meetings Snap's people checked in at this year (seeded past meetings).
    expect(snap.criteria.find((c) => c.key === 'meeting_attendance')).toMatchObject({ value: expect.any(Number), noData: false });
    // The same records as the employer's dashboard.
    const dashboard = (await get(`${LA}/dashboards/organizations/${snap.organizationId}?year=${year}`, employer)).json();
    expect(snap.criteria.find((c) => c.key === 'placements')?.value).toBe(dashboard.figures.find((f: { key: string }) => f.key === 'placements_hosted').value);
    const smc = items.find((i) => i.name === 'Santa Monica College')!;
    expect(smc.criteria.map((c) => c.key)).toEqual(['placements', 'students_impacted', 'participants_volunteers', 'meeting_attendance', 'specialty_skill_classes', 'certificate_programs']);
    for (const item of items) expect(item.score).toBeGreaterThanOrEqual(0);
    expect((await get(`${LA}/recognition/scores`, student)).statusCode).toBe(403);
  });

  it('moves a score when the records move: a cash pledge raises the employer’s dollars invested', async () => {
    const disney = await orgId('Disney');
    const score = async () => ((await get(`${LA}/recognition/scores?year=${year}`, coordinator)).json().items as { organizationId: string; score: number; criteria: { key: string; value: number }[] }[]).find((i) => i.organizationId === disney)!;
    const before = await score();
    expect((await send('POST', `${LA}/pledges`, coordinator, { organizationId: disney, kind: 'cash', amountCents: 2_500_000, pledgedOn: `${year}-01-15` })).statusCode).toBe(201);
    const after = await score();
    expect(after.criteria.find((c) => c.key === 'dollars_invested')!.value).toBe(before.criteria.find((c) => c.key === 'dollars_invested')!.value + 25_000);
    expect(after.score).toBeGreaterThan(before.score);
  });

  it('seeds last year’s round, closed and endorsed by the Mayor’s office, with its awards', async () => {
    const rounds = (await get(`${LA}/recognition/rounds`, employer)).json().items;
    const past = rounds.find((r: { year: number }) => r.year === year - 1);
    expect(past).toMatchObject({ status: 'closed', endorsedBy: 'Office of the Mayor of Los Angeles' });
    expect(past.nominations).toHaveLength(4);
    const awards = (await get(`${LA}/recognition/awards?year=${year - 1}`, student)).json().items;
    expect(awards).toHaveLength(4);
    expect(awards[0]).toMatchObject({ year: year - 1, tier: expect.stringMatching(/gold|silver|bronze/), certificateUrl: expect.stringContaining('/certificate.pdf'), credentialUrl: expect.stringContaining(`/api/v1/credentials/${awards[0].id}`) });
  });

  it('runs a round: the Coordinator opens nominations, the committee approves, the award has a valid OB 3.0 credential and a certificate', async () => {
    expect((await send('POST', `${LA}/recognition/rounds`, employer, { year })).statusCode).toBe(403);
    const opened = await send('POST', `${LA}/recognition/rounds`, coordinator, { year });
    expect(opened.statusCode).toBe(201);
    const roundId = opened.json().id;
    expect((await send('POST', `${LA}/recognition/rounds`, coordinator, { year })).statusCode).toBe(409);

    const aws = await orgId('Amazon Web Services');
    expect((await send('POST', `${LA}/recognition/rounds/${roundId}/nominations`, employer, { organizationId: aws })).statusCode).toBe(403);
    const nominated = await send('POST', `${LA}/recognition/rounds/${roundId}/nominations`, coordinator, { organizationId: aws, note: 'Cloud internships and the SMC certificate' });
    expect(nominated.statusCode).toBe(201);
    const nomination = nominated.json().nominations[0];
    const scored = (await get(`${LA}/recognition/scores?year=${year}`, coordinator)).json().items.find((i: { organizationId: string }) => i.organizationId === aws);
    expect(nomination.score).toBeCloseTo(scored.score, 1);
    expect((await send('POST', `${LA}/recognition/rounds/${roundId}/nominations`, coordinator, { organizationId: aws })).statusCode).toBe(409);
    const mayor = await orgId('Mayor');
    expect((await send('POST', `${LA}/recognition/rounds/${roundId}/nominations`, coordinator, { organizationId: mayor })).statusCode).toBe(422);

    expect((await send('POST', `${LA}/recognition/rounds/${roundId}/endorse`, employer)).statusCode).toBe(403);
    expect((await send('POST', `${LA}/recognition/rounds/${roundId}/endorse`, government)).json().endorsedBy).toBe('Office of the Mayor of Los Angeles');

    expect((await send('POST', `${LA}/recognition/nominations/${nomination.id}/decision`, employer, { decision: 'approved', tier: 'gold' })).statusCode).toBe(403);
    const decided = await send('POST', `${LA}/recognition/nominations/${nomination.id}/decision`, coordinator, { decision: 'approved', tier: 'gold' });
    expect(decided.statusCode).toBe(200);
    const awardId = decided.json().nominations[0].awardId;
    expect(awardId).toEqual(expect.any(String));
    expect((await send('POST', `${LA}/recognition/nominations/${nomination.id}/decision`, coordinator, { decision: 'declined' })).statusCode).toBe(409);

    const awards = (await get(`${LA}/recognition/awards?year=${year}`, employer)).json().items;
    expect(awards).toEqual([expect.objectContaining({ id: awardId, organizationId: aws, tier: 'gold', year, endorsedBy: 'Office of the Mayor of Los Angeles' })]);

    // The public credential: no sign-in, every field the official schema requires.
    const credential = await get(`/api/v1/credentials/${awardId}`);
    expect(credential.statusCode).toBe(200);
    expect(credential.headers['content-type']).toContain('application/ld+json');
    const validate = obValidator();
    const body = credential.json();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.id).toBe(awards[0].credentialUrl);
    expect(body.credentialSubject.achievement.name).toBe('Gold Community Partner');
    // A credential missing a required field fails the same validator (the check can fail).
    const { validFrom: _v, ...broken } = body;
    expect(validate(broken)).toBe(false);

    // The certificate: a PDF whose text says who, what, when, who recognizes it, and how to verify it.
    const pdf = await t.request({ method: 'GET', url: `/api/v1/credentials/${awardId}/certificate.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('attachment');
    const { text, pages } = await pdfText(pdf.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain('Certificate of Recognition');
    expect(text).toContain('Amazon Web Services');
    expect(text).toContain(`Gold Community Partner, ${year}`);
    expect(text).toContain('LA Community Partner Recognition Program');
    expect(text).toContain('Formally recognized by Office of the Mayor of Los Angeles');
    expect(text).toContain(`/p/la-tech/credentials/${awardId}`);
    expect(pdf.rawPayload.toString('latin1')).toContain('/Subtype /Image');

    expect((await send('POST', `${LA}/recognition/rounds/${roundId}/close`, employer)).statusCode).toBe(403);
    expect((await send('POST', `${LA}/recognition/rounds/${roundId}/close`, coordinator)).json().status).toBe('closed');
    const snap = await orgId('Snap');
    expect((await send('POST', `${LA}/recognition/rounds/${roundId}/nominations`, coordinator, { organizationId: snap })).statusCode).toBe(409);
  });

  it('answers 404 for an unknown credential, and keeps weights and tiers configurable by the Coordinator only', async () => {
    expect((await get('/api/v1/credentials/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const program = (await get(`${LA}/recognition/program`, student)).json();
    expect(program.name).toBe('LA Community Partner Recognition Program');
    expect((await send('PUT', `${LA}/recognition/program`, employer, program)).statusCode).toBe(403);
    const duplicate = await send('PUT', `${LA}/recognition/program`, coordinator, { ...program, criteria: [program.criteria[0], program.criteria[0]] });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().errors.map((e: { path: string }) => e.path)).toContain('criteria');
    const easier = { ...program, tiers: [{ tier: 'gold', minScore: 0 }] };
    expect((await send('PUT', `${LA}/recognition/program`, coordinator, easier)).statusCode).toBe(200);
    const scores = (await get(`${LA}/recognition/scores?year=${year}`, coordinator)).json().items;
    expect(scores.every((s: { tier: string }) => s.tier === 'gold')).toBe(true);
    expect((await send('PUT', `${LA}/recognition/program`, coordinator, program)).statusCode).toBe(200);
  });

  it("hides la-tech's rounds and awards from another coalition", async () => {
    expect((await get(`${LA}/recognition/awards`, outsider)).statusCode).toBe(404);
    expect((await get(`${LA}/recognition/scores`, outsider)).statusCode).toBe(404);
    const laRound = (await get(`${LA}/recognition/rounds`, coordinator)).json().items[0].id;
    expect((await send('POST', `/api/v1/coalitions/bay-tech/recognition/rounds/${laRound}/close`, outsider)).statusCode).toBe(404);
    expect((await get('/api/v1/coalitions/bay-tech/recognition/awards', outsider)).json().items).toEqual([]);
    expect((await get(`${LA}/recognition/awards`)).statusCode).toBe(401);
  });
});
