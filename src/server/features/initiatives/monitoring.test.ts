import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

/** Resources and costs, risks and status reports (Recommendation #7: monitor costs, risks, timelines). */
let t: TestApp;
let coordinator: Session;
let employer: Session;
let student: Session;
let outsider: Session;
const LA = '/api/v1/coalitions/la-tech';
const ids: Record<string, string> = {};

const get = async (url: string, as = coordinator) => (await t.request({ method: 'GET', url, as })).json();
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, as: Session, payload?: object) => t.request({ method, url, as, ...(payload ? { payload } : {}) });

/** The text a PDF reader extracts: every shown string of every content stream, inflated if compressed. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body = m[1]!;
    try {
      body = inflateSync(Buffer.from(body, 'latin1')).toString('latin1');
    } catch {
      /* not compressed */
    }
    for (const op of body.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[2]!];
      out.push(hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return out.join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  for (const i of (await get(`${LA}/initiatives?limit=200`)).items) ids[i.category] = i.id;
  for (const o of (await get(`${LA}/organizations?limit=200`)).items) ids[o.name] = o.id;
  for (const p of (await get(`${LA}/people?limit=200`)).items) ids[p.name] = p.id;
});
afterAll(() => t?.close());

describe('resources and costs', () => {
  it('computes budgets, pledges and funding gaps from the records, and says who backs what', async () => {
    const funding = await get(`${LA}/funding`);
    const pipeline = funding.initiatives.find((i: { initiativeId: string }) => i.initiativeId === ids.internships);
    // $60,000 required, $50,000 pledged by JPMorgan Chase: a $10,000 gap.
    expect(pipeline).toMatchObject({ requiredFundingCents: 6_000_000, cashPledgedCents: 5_000_000, fundingGapCents: 1_000_000, budgetCents: 3_200_000, actualCents: 90_000, funders: [{ name: 'JPMorgan Chase' }] });
    const kresge = funding.funders.find((f: { name: string }) => f.name === 'Kresge Foundation');
    expect(kresge).toMatchObject({ cashPledgedCents: 4_000_000, cashReceivedCents: 3_000_000, inKindPledgedCents: 0 });
    expect(kresge.backs.map((b: { title: string | null }) => b.title).sort()).toEqual(['Faculty externships at tech companies', null].sort());
    expect(funding.totals.unallocatedCashCents).toBe(1_000_000);
    const aws = funding.funders.find((f: { name: string }) => f.name === 'Amazon Web Services');
    expect(aws).toMatchObject({ cashPledgedCents: 0, inKindPledgedCents: 1_000_000 });
  });

  it('tracks requirements and budget against actual cost, keeping cash and in-kind apart', async () => {
    const id = (await send('POST', `${LA}/initiatives`, coordinator, { title: 'Data boot camp', category: 'hard_skill_development' })).json().id;
    const noAmount = await send('POST', `${LA}/initiatives/${id}/requirements`, coordinator, { kind: 'funding', description: 'Instructors' });
    expect(noAmount.statusCode).toBe(422);
    expect(noAmount.json().errors[0].path).toBe('amountCents');
    expect((await send('POST', `${LA}/initiatives/${id}/requirements`, coordinator, { kind: 'funding', description: 'Instructors', amountCents: 2_000_000 })).statusCode).toBe(201);
    expect((await send('POST', `${LA}/initiatives/${id}/requirements`, coordinator, { kind: 'in_kind', description: 'Laptops', amountCents: 500_000, quantity: 20 })).statusCode).toBe(201);
    const cost = (await send('POST', `${LA}/initiatives/${id}/costs`, coordinator, { category: 'boot_camp', description: 'Six-week boot camp', budgetCents: 1_500_000 })).json();
    await send('POST', `${LA}/initiatives/${id}/costs`, coordinator, { category: 'venue', description: 'Room hire', budgetCents: 200_000 });
    expect((await send('PATCH', `${LA}/initiatives/${id}/costs/${cost.id}`, coordinator, { actualCents: 1_650_000, incurredOn: '2031-03-01' })).statusCode).toBe(200);
    const badPledge = await send('POST', `${LA}/pledges`, coordinator, { organizationId: '6b0c3c2e-8a40-4b6f-9a53-1c1b2f0e9d11', kind: 'cash', amountCents: 100, pledgedOn: '2031-01-01' });
    expect(badPledge.statusCode).toBe(422);
    expect(badPledge.json().errors[0].path).toBe('organizationId');
    await send('POST', `${LA}/pledges`, coordinator, { organizationId: ids['JPMorgan Chase'], initiativeId: id, kind: 'cash', amountCents: 1_200_000, pledgedOn: '2031-01-01' });
    await send('POST', `${LA}/pledges`, coordinator, { organizationId: ids['Snap Inc.'], initiativeId: id, kind: 'in_kind', amountCents: 300_000, pledgedOn: '2031-01-01' });
    const cancelled = (await send('POST', `${LA}/pledges`, coordinator, { organizationId: ids['Kresge Foundation'], initiativeId: id, kind: 'cash', amountCents: 900_000, pledgedOn: '2031-01-01' })).json();
    expect((await send('PATCH', `${LA}/pledges/${cancelled.id}`, coordinator, { status: 'cancelled' })).json().status).toBe('cancelled');

    const finances = await get(`${LA}/initiatives/${id}/finances`);
    expect(finances.summary).toEqual({
      requiredFundingCents: 2_000_000,
      requiredInKindCents: 500_000,
      staffingPeople: 0,
      staffingHours: 0,
      budgetCents: 1_700_000,
      actualCents: 1_650_000,
      varianceCents: 150_000,
      cashPledgedCents: 1_200_000,
      cashReceivedCents: 0,
      inKindPledgedCents: 300_000,
      fundingGapCents: 800_000,
      inKindGapCents: 200_000,
    });
    expect(finances.pledges).toHaveLength(3);
    // An initiative with pledges behind it cannot simply vanish.
    expect((await send('DELETE', `${LA}/initiatives/${id}`, coordinator)).statusCode).toBe(409);
    expect((await send('POST', `${LA}/pledges`, employer, { organizationId: ids['Snap Inc.'], kind: 'cash', amountCents: 100, pledgedOn: '2031-01-01' })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${LA}/funding`, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/pledges/${cancelled.id}`, as: outsider })).statusCode).toBe(404);
  });
});

describe('risks', () => {
  it('registers risks with likelihood × impact, ties them to tasks and shows a heat map', async () => {
    const plan = await get(`${LA}/master-plan?initiativeId=${ids.work_based_learning}`);
    const task = plan.items.find((i: { milestone: boolean }) => i.milestone);
    expect(task.atRiskReasons).not.toContain('threatened');
    const before = await get(`${LA}/risks/heat-map`);
    const created = await send('POST', `${LA}/risks`, coordinator, { initiativeId: ids.work_based_learning, title: 'Buses unavailable in spring', likelihood: 4, impact: 3, impactOn: ['timeline', 'cost'], ownerId: ids['Jordan Rivera'], taskIds: [task.id] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ score: 12, level: 'high', owner: { name: 'Jordan Rivera' }, tasks: [{ id: task.id }] });
    const after = await get(`${LA}/risks/heat-map`);
    const cell = (map: { cells: { likelihood: number; impact: number; count: number }[] }) => map.cells.find((c) => c.likelihood === 4 && c.impact === 3)!.count;
    expect(cell(after)).toBe(cell(before) + 1);
    expect(after.cells).toHaveLength(25);
    expect(after.byLevel.high).toBe(before.byLevel.high + 1);
    // A high risk threatens the task it is tied to: the master plan lists it as at risk.
    const threatened = (await get(`${LA}/master-plan?initiativeId=${ids.work_based_learning}`)).items.find((i: { id: string }) => i.id === task.id);
    expect(threatened.atRiskReasons).toContain('threatened');

    // Its owner keeps it up to date but may not delete it; closed risks leave the heat map.
    const id = created.json().id;
    expect((await send('PATCH', `${LA}/risks/${id}`, employer, { status: 'closed', mitigation: 'Booked district buses' })).statusCode).toBe(200);
    expect((await send('DELETE', `${LA}/risks/${id}`, employer)).statusCode).toBe(403);
    expect(cell(await get(`${LA}/risks/heat-map`))).toBe(cell(before));
    expect((await get(`${LA}/risks?level=high&status=closed`)).items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/risks/${id}`, as: outsider })).statusCode).toBe(404);
    expect((await send('PATCH', `/api/v1/coalitions/bay-tech/risks/${id}`, outsider, { status: 'open' })).statusCode).toBe(404);
    expect((await send('DELETE', `${LA}/risks/${id}`, coordinator)).statusCode).toBe(204);
  });

  it('rejects bad risks with a 422 naming the field', async () => {
    const cases: [object, string][] = [
      [{ initiativeId: ids.internships, title: 'X', likelihood: 6, impact: 1, impactOn: ['cost'] }, 'likelihood'],
      [{ initiativeId: ids.internships, title: 'X', likelihood: 1, impact: 1, impactOn: ['morale'] }, 'impactOn.0'],
      [{ initiativeId: ids.internships, title: 'X', likelihood: 1, impact: 1, impactOn: ['cost'], taskIds: ['6b0c3c2e-8a40-4b6f-9a53-1c1b2f0e9d11'] }, 'taskIds.0'],
      [{ initiativeId: '6b0c3c2e-8a40-4b6f-9a53-1c1b2f0e9d11', title: 'X', likelihood: 1, impact: 1, impactOn: ['cost'] }, 'initiativeId'],
    ];
    const before = (await get(`${LA}/risks?limit=200`)).items.length;
    for (const [payload, path] of cases) {
      const res = await send('POST', `${LA}/risks`, coordinator, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await get(`${LA}/risks?limit=200`)).items.length).toBe(before);
  });
});

describe('status reports', () => {
  it('reports every initiative coalition-wide, from the plan, money and risks', async () => {
    const report = await get(`${LA}/status-report`);
    expect(report.coalition).toBe('Los Angeles Tech Talent Coalition');
    expect(report.initiatives.length).toBeGreaterThanOrEqual(7);
    expect(report.initiatives[0]).toMatchObject({ title: 'Internship pipeline', priorityRank: 1, ownerName: 'Maya Chen', fundingGapCents: 1_000_000 });
    const faculty = report.initiatives.find((i: { category: string }) => i.category === 'faculty_education');
    // Recruiting hosts took two weeks longer than the baseline.
    expect(faculty, JSON.stringify(faculty)).toMatchObject({ slipDays: 14 });
    expect(report.topRisks[0].score).toBeGreaterThanOrEqual(report.topRisks.at(-1).score);
    expect(report.totals.overdue).toBe(report.overdue.length);
  });

  it('serves the coalition report as CSV and as a PDF attachment with extractable text', async () => {
    const csv = await t.request({ method: 'GET', url: `${LA}/status-report.csv?asOf=2030-01-01`, as: employer });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="status-report-2030-01-01.csv"');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^priority_rank,initiative,category,status,owner,/);
    expect(lines[1]).toMatch(/^1,Internship pipeline,internships,/);

    const pdf = await t.request({ method: 'GET', url: `${LA}/status-report.pdf`, as: coordinator });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="status-report-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Status report: Los Angeles Tech Talent Coalition');
    expect(text).toContain('#1 Internship pipeline');
    expect(text).toContain('Too few host companies for faculty externships');
  });

  it('reports one initiative as a page, CSV and PDF', async () => {
    const url = `${LA}/initiatives/${ids.internships}/status-report`;
    const report = await get(url);
    expect(report.initiative).toMatchObject({ title: 'Internship pipeline', recruitingWindow: { label: 'Summer internship applications' } });
    expect(report.finances).toMatchObject({ requiredFundingCents: 6_000_000, cashPledgedCents: 5_000_000, fundingGapCents: 1_000_000 });
    expect(report.milestones.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['Application window opens', 'Summer internships start']));
    const csv = await t.request({ method: 'GET', url: `${url}.csv`, as: coordinator });
    expect(csv.body.split('\r\n')).toHaveLength(report.tasks.length + 2);
    const pdf = await t.request({ method: 'GET', url: `${url}.pdf`, as: coordinator });
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Status report: Internship pipeline');
    expect(text).toContain('Screen and refer applicants');
    expect(text).toContain('Boot camp not fully funded');
    expect((await t.request({ method: 'GET', url: `${url}.pdf`, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-tech/initiatives/${ids.internships}/status-report.pdf`, as: outsider })).statusCode).toBe(404);
  });
});
