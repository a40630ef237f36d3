import type { FlagDto } from '../../../shared/labor-market.contract.js';

/**
 * Consistency checks on labor-market figures. Each returns flags in plain language; nothing is
 * "fixed". They are rules, not special cases: the paper's own inconsistencies are found by them.
 */
export const round1 = (n: number) => Math.round(n * 10) / 10;
const fmt = (n: number) => n.toLocaleString('en-US');

export function percentChange(base: number | null, projected: number | null): number | null {
  if (base === null || projected === null || base === 0) return null;
  return round1(((projected - base) / base) * 100);
}

export interface ProjectionFigures {
  baseEmployment: number | null;
  projectedEmployment: number | null;
  annualNewJobs: number | null;
  annualReplacementNeeds: number | null;
  statedTotalOpenings: number | null;
  statedPercentChange: number | null;
}

const countFields = ['baseEmployment', 'projectedEmployment', 'annualNewJobs', 'annualReplacementNeeds'] as const;
const fieldLabels: Record<string, string> = {
  baseEmployment: 'base-year employment',
  projectedEmployment: 'projected employment',
  annualNewJobs: 'annual new jobs',
  annualReplacementNeeds: 'annual replacement needs',
  annualTotalOpenings: 'annual total openings',
  percentChange: 'percent change',
  techEmployment: 'tech employment',
};

export function projectionFlags(p: ProjectionFigures): FlagDto[] {
  const flags: FlagDto[] = [];
  for (const field of countFields) {
    const value = p[field];
    if (value === null) flags.push({ code: 'missing_value', message: `No figure for ${fieldLabels[field]}.` });
    else if (value < 0) flags.push({ code: 'negative_value', message: `The ${fieldLabels[field]} is negative (${fmt(value)}).` });
  }
  const computed = percentChange(p.baseEmployment, p.projectedEmployment);
  if (p.statedPercentChange !== null && computed !== null && Math.abs(computed - p.statedPercentChange) > 0.05) {
    flags.push({
      code: 'percent_mismatch',
      message: `The source states ${p.statedPercentChange}% change, but ${fmt(p.baseEmployment!)} → ${fmt(p.projectedEmployment!)} is ${computed}%.`,
    });
  }
  if (p.statedTotalOpenings !== null && p.annualNewJobs !== null && p.annualReplacementNeeds !== null && p.statedTotalOpenings !== p.annualNewJobs + p.annualReplacementNeeds) {
    flags.push({
      code: 'total_mismatch',
      message: `Total openings are stated as ${fmt(p.statedTotalOpenings)}, but new jobs (${fmt(p.annualNewJobs)}) plus replacement needs (${fmt(p.annualReplacementNeeds)}) make ${fmt(p.annualNewJobs + p.annualReplacementNeeds)}.`,
    });
  }
  return flags;
}

/** Openings: the stated figure when given, else new jobs plus replacement needs. */
export function totalOpenings(p: ProjectionFigures): number | null {
  if (p.statedTotalOpenings !== null) return p.statedTotalOpenings;
  return p.annualNewJobs !== null && p.annualReplacementNeeds !== null ? p.annualNewJobs + p.annualReplacementNeeds : null;
}

/** A printed total against the sum of the rows it summarizes. */
export function statedTotalFlag(field: string, stated: number | undefined, sum: number, missingRows: number): FlagDto | null {
  if (stated === undefined || Math.abs(stated - sum) < 0.5) return null;
  const missing = missingRows > 0 ? ` (${missingRows} row${missingRows === 1 ? ' has' : 's have'} no figure)` : '';
  return {
    code: 'total_mismatch',
    message: `The stated total ${fieldLabels[field] ?? field} is ${fmt(stated)}, but the rows add up to ${fmt(sum)}${missing}; a difference of ${fmt(Math.abs(stated - sum))}.`,
  };
}

export function statedPercentFlag(stated: number | undefined, base: number, projected: number): FlagDto | null {
  const computed = percentChange(base, projected);
  if (stated === undefined || computed === null || Math.abs(stated - computed) <= 0.05) return null;
  return { code: 'percent_mismatch', message: `The stated total change is ${stated}%, but ${fmt(base)} → ${fmt(projected)} is ${computed}%.` };
}

/** The same figure from two sources. */
export function disagreementFlag(what: string, a: { value: number; source: string }, b: { value: number; source: string }): FlagDto | null {
  if (Math.abs(a.value - b.value) < 0.5) return null;
  return { code: 'sources_disagree', message: `${what}: ${a.source} gives ${fmt(a.value)}, ${b.source} gives ${fmt(b.value)}.` };
}

/** SOC codes: unknown in their declared version, or retired (a 2010 code given as 2018). */
export function socFlags(soc: string, version: string, known: { has(version: string, code: string): boolean; loaded(version: string): boolean }): FlagDto[] {
  if (!/^\d{2}-\d{4}$/.test(soc)) return [{ code: 'unknown_soc', message: `"${soc}" is not a SOC code (NN-NNNN).` }];
  if (!known.loaded(version) || known.has(version, soc)) return [];
  const retired = version === '2018' && known.loaded('2010') && known.has('2010', soc);
  return [
    retired
      ? { code: 'retired_soc', message: `${soc} is a SOC 2010 code that SOC 2018 retired; see the crosswalk.` }
      : { code: 'unknown_soc', message: `${soc} is not a SOC ${version} code.` },
  ];
}

/** A ranked list that claims an order by some figure, against that figure's actual order. */
export function rankingFlag(statedOrder: string[], values: Map<string, number | null>, labels: Map<string, string>, by: string): FlagDto | null {
  const ranked = [...values.entries()].filter((e): e is [string, number] => e[1] !== null).sort((a, b) => b[1] - a[1]);
  const computed = ranked.slice(0, statedOrder.length).map(([soc]) => soc);
  if (computed.join() === statedOrder.join()) return null;
  return {
    code: 'ranking_mismatch',
    message: `Ranked by ${fieldLabels[by] ?? by} in the projections, the top ${statedOrder.length} are: ${computed.map((soc, i) => `${i + 1}. ${labels.get(soc) ?? soc} (${fmt(values.get(soc)!)})`).join('; ')}.`,
  };
}
