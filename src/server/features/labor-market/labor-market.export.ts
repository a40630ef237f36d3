import type { FastifyReply } from 'fastify';
import type { TenantCtx } from '../../platform/context.js';
import { toCsv } from '../../platform/imports/csv.js';
import { authorize } from '../../platform/permissions.js';
import './labor-market.policy.js';
import { cachedOccupations, laborMarketVersion } from './occupations-cache.js';
import * as laborMarket from './labor-market.service.js';

export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}

const flagsText = (flags: { message: string }[]) => flags.map((f) => f.message).join(' | ');

/** The projections table as CSV, kept per data version as the JSON body is (occupations-cache.ts). */
export async function occupationsCsv(ctx: TenantCtx, query: { region?: string | undefined }): Promise<string> {
  authorize(ctx, 'laborMarket.read');
  const version = await laborMarketVersion(ctx.db, ctx.coalition.id);
  return cachedOccupations('csv', ctx.coalition.id, version, query.region, () => buildOccupationsCsv(ctx, query));
}

async function buildOccupationsCsv(ctx: TenantCtx, query: { region?: string | undefined }): Promise<string> {
  const data = await laborMarket.listOccupations(ctx, query);
  const header = ['soc', 'soc_version', 'soc_2018', 'title', 'category', 'base_year', 'base_employment', 'projected_year', 'projected_employment', 'percent_change', 'annual_new_jobs', 'annual_replacement_needs', 'annual_total_openings', 'work_experience', 'source', 'flags'];
  const rows = data.items.map((o) => [o.soc, o.socVersion, o.soc2018.map((s) => s.soc).join(' '), o.title, o.category, o.baseYear, o.baseEmployment, o.projectedYear, o.projectedEmployment, o.percentChange, o.annualNewJobs, o.annualReplacementNeeds, o.annualTotalOpenings, o.workExperience, o.source.name, flagsText(o.flags)]);
  if (data.totals) {
    const t = data.totals;
    rows.push(['', '', '', 'Total (computed)', '', '', t.baseEmployment, '', t.projectedEmployment, t.percentChange, t.annualNewJobs, t.annualReplacementNeeds, t.annualTotalOpenings, '', '', flagsText(t.flags)]);
  }
  return toCsv(header, rows);
}

export async function hubsCsv(ctx: TenantCtx): Promise<string> {
  const { items } = await laborMarket.listHubs(ctx);
  const socs = items[0]?.occupations.map((o) => [o.soc, o.title] as const) ?? [];
  const header = ['soc', 'title', ...items.map((h) => h.hub)];
  const rows: unknown[][] = socs.map(([soc, title]) => [soc, title, ...items.map((h) => h.occupations.find((o) => o.soc === soc)?.employment ?? 'N/A')]);
  rows.push(['', 'Total (computed from rows)', ...items.map((h) => h.occupationTotal)]);
  rows.push(['', 'Tech employment (hub card)', ...items.map((h) => h.techEmployment)]);
  rows.push(['', 'Average tech salary (USD)', ...items.map((h) => h.averageTechSalary)]);
  rows.push(['', 'Tech workers per 1,000 jobs', ...items.map((h) => h.techWorkersPer1000Jobs)]);
  rows.push(['', 'Flags', ...items.map((h) => flagsText(h.flags))]);
  return toCsv(header, rows);
}
