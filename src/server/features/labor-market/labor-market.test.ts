import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupationsResponse } from '../../../shared/labor-market.contract.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { hubCards, hubs, table1, table2 } from '../../seed/la-tech.labor-market.data.js';

let t: TestApp;
let coordinator: Session;
let student: Session;
let outsider: Session;
const base = '/api/v1/coalitions/la-tech/labor-market';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
});
afterAll(() => t?.close());

const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

describe('labor-market occupations (CONTRACT)', () => {
  it('returns Table 1 exactly as printed, with percent changes computed', async () => {
    const res = await t.request({ method: 'GET', url: `${base}/occupations?region=los-angeles`, as: student });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    // The route sends the service's bytes: the body must still be exactly the contract's shape.
    const body = res.json();
    expect(occupationsResponse.parse(body)).toEqual(body);
    expect(body.items).toHaveLength(18);
    for (const [soc, title, baseEmp, projected, percent, newJobs, replacement, total, category, experience] of table1) {
      const item = body.items.find((i: { soc: string }) => i.soc === soc);
      expect(item).toMatchObject({ soc, title, category, baseYear: 2014, baseEmployment: baseEmp, projectedYear: 2024, projectedEmployment: projected, annualNewJobs: newJobs, annualReplacementNeeds: replacement, annualTotalOpenings: total, workExperience: experience });
      // Computed, and it agrees with every printed row of Table 1.
      expect(item.percentChange).toBe(percent);
      expect(item.flags).toEqual([]);
      expect(item.source.publisher).toContain('Employment Development Department');
    }
  });

  it('maps SOC 2010 codes to SOC 2018 (15-1132 → 15-1252 and 15-1253)', async () => {
    const body = (await t.request({ method: 'GET', url: `${base}/occupations`, as: coordinator })).json();
    const apps = body.items.find((i: { soc: string }) => i.soc === '15-1132');
    expect(apps.socVersion).toBe('2010');
    expect(apps.soc2018.map((s: { soc: string }) => s.soc)).toEqual(['15-1252', '15-1253']);
  });

  it('computes totals from the rows and flags the printed total percent (15.5% stated, 15.6% computed)', async () => {
    const { totals } = (await t.request({ method: 'GET', url: `${base}/occupations`, as: coordinator })).json();
    expect(totals).toMatchObject({ baseEmployment: 115770, projectedEmployment: 133870, annualNewJobs: 1853, annualReplacementNeeds: 1807, annualTotalOpenings: 3660, percentChange: 15.6 });
    expect(codes(totals.flags)).toEqual(['percent_mismatch']);
    expect(totals.flags[0].message).toContain('15.5%');
  });

  it('404s an unknown region', async () => {
    expect((await t.request({ method: 'GET', url: `${base}/occupations?region=atlantis`, as: coordinator })).statusCode).toBe(404);
  });
});

describe('labor-market hubs (CONTRACT)', () => {
  it('returns Table 2 and the hub cards, flagging what the paper gets wrong', async () => {
    const res = await t.request({ method: 'GET', url: `${base}/hubs`, as: coordinator });
    const items = res.json().items as { hub: string; techEmployment: number; averageTechSalary: number; techWorkersPer1000Jobs: number; occupations: { soc: string; employment: number | null }[]; flags: { code: string; message: string }[] }[];
    expect(items.map((h) => h.hub)).toEqual([...hubs]);
    hubs.forEach((hub, i) => {
      const item = items.find((h) => h.hub === hub)!;
      expect([item.techEmployment, item.averageTechSalary, item.techWorkersPer1000Jobs]).toEqual(hubCards[hub]);
      expect(item.occupations.map((o) => [o.soc, o.employment])).toEqual(table2.map(([soc, , values]) => [soc, values[i]]));
    });
    const byHub = Object.fromEntries(items.map((h) => [h.hub, codes(h.flags)]));
    expect(byHub['Los Angeles']).toEqual([]);
    expect(byHub.Seattle).toEqual(['missing_value', 'total_mismatch']);
    expect(byHub.Austin).toEqual(['total_mismatch']);
    // The cards swap New York's and Silicon Valley's totals relative to Table 2.
    expect(byHub['New York City']).toEqual(['total_mismatch', 'sources_disagree']);
    expect(byHub['Silicon Valley']).toEqual(['total_mismatch', 'sources_disagree']);
  });
});

describe('labor-market facts and rankings', () => {
  it('flags facts that disagree with another source or with the rows', async () => {
    const { items } = (await t.request({ method: 'GET', url: `${base}/facts`, as: coordinator })).json();
    const flagged = items.filter((f: { flags: unknown[] }) => f.flags.length > 0).map((f: { key: string; value: number }) => `${f.key}=${f.value}`);
    expect(flagged.sort()).toEqual(['share_outside_software_it=74', 'share_outside_software_it=80', 'tech_jobs_2014=115770', 'tech_jobs_2014=133870'].sort());
    const workers = items.find((f: { key: string }) => f.key === 'workers');
    expect(workers).toMatchObject({ value: 5000000, source: { publisher: expect.stringContaining('LAEDC') } });
  });

  it('checks the top high-growth list against the projections', async () => {
    const { items } = (await t.request({ method: 'GET', url: `${base}/rankings`, as: coordinator })).json();
    const growth = items.find((l: { list: string }) => l.list === 'top_growth_jobs');
    expect(growth.items.map((i: { soc: string }) => i.soc)).toEqual(['15-1132', '15-1151', '15-1121', '15-1133', '15-1134']);
    expect(codes(growth.flags)).toEqual(['ranking_mismatch']);
    expect(items.find((l: { list: string }) => l.list === 'top_hiring_companies').items).toHaveLength(10);
  });
});

describe('occupation page data', () => {
  it('shows both SOC codes, curated skills by importance, and hub employment', async () => {
    const res = await t.request({ method: 'GET', url: `${base}/occupations/15-1132`, as: coordinator });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.title).toBe('Software Developers, Applications');
    expect(body.soc2010.map((s: { soc: string }) => s.soc)).toEqual(['15-1132']);
    expect(body.soc2018.map((s: { soc: string }) => s.soc)).toEqual(['15-1252', '15-1253']);
    expect(body.skills[0]).toMatchObject({ name: 'Programming', kind: 'hard', onetElementId: '2.B.3.e', importance: 4.5 });
    expect(body.skills.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Python', 'Critical Thinking', 'Quality Control Analysis']));
    const importances = body.skills.map((s: { importance: number | null }) => s.importance ?? -1);
    expect(importances).toEqual([...importances].sort((a: number, b: number) => b - a));
    expect(body.hubs).toHaveLength(5);
  });

  it('finds the 2010 projection from a 2018 code', async () => {
    const body = (await t.request({ method: 'GET', url: `${base}/occupations/15-1253`, as: coordinator })).json();
    // 15-1253 (QA analysts and testers) came out of three SOC 2010 codes.
    expect(body.projections.map((p: { soc: string }) => p.soc)).toEqual(['15-1132', '15-1133', '15-1199']);
  });

  it('exports CSV with the computed total row', async () => {
    const res = await t.request({ method: 'GET', url: `${base}/occupations.csv`, as: coordinator });
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(20);
    expect(lines.at(-1)).toContain('Total (computed)');
  });
});

describe('labor-market access', () => {
  it('is a 404 for another coalition and 401 for anonymous', async () => {
    expect((await t.request({ method: 'GET', url: `${base}/occupations`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${base}/hubs` })).statusCode).toBe(401);
  });
});
