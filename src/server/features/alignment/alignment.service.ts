import {
  alignmentMethod,
  type HeatmapDto,
  type InstitutionAlignmentDetailDto,
  type InstitutionAlignmentDto,
  type OccupationAlignmentDetailDto,
  type OccupationAlignmentDto,
  type OccupationAlignmentQuery,
  type SkillAlignmentDetailDto,
  type SkillAlignmentDto,
  type SkillAlignmentQuery,
} from '../../../shared/alignment.contract.js';
import type { FlagDto } from '../../../shared/labor-market.contract.js';
import type { SkillEvidence } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import type { TenantCtx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { anyMember, authorize, definePolicy } from '../../platform/permissions.js';
import * as q from './alignment.queries.js';

definePolicy({ 'alignment.read': anyMember });

const round1 = (n: number) => Math.round(n * 10) / 10;
type AwardLevel = SkillAlignmentDetailDto['supplyFrom'][number]['awardLevel'];

const skillSorts: Record<SkillAlignmentQuery['sort'], (a: SkillAlignmentDto, b: SkillAlignmentDto) => number> = {
  gap: (a, b) => b.gap - a.gap || a.skill.localeCompare(b.skill),
  demand: (a, b) => b.demand - a.demand || a.skill.localeCompare(b.skill),
  supply: (a, b) => b.supply - a.supply || a.skill.localeCompare(b.skill),
  name: (a, b) => a.skill.localeCompare(b.skill),
};

export async function skillsAlignment(ctx: TenantCtx, query: SkillAlignmentQuery) {
  authorize(ctx, 'alignment.read');
  const items = (await q.skillAlignment(ctx.db, ctx.coalition.id, { q: query.q, kind: query.kind, demandedOnly: query.demanded === 'true' })).sort(skillSorts[query.sort]);
  const totals = items.reduce((t, i) => ({ demand: t.demand + i.demand, supply: t.supply + i.supply, gap: t.gap + i.gap }), { demand: 0, supply: 0, gap: 0 });
  return { items, nextCursor: null, totals, method: alignmentMethod.skills };
}

export async function skillAlignmentDetail(ctx: TenantCtx, skillId: string): Promise<SkillAlignmentDetailDto> {
  authorize(ctx, 'alignment.read');
  const skill = await q.skillById(ctx.db, skillId);
  if (!skill) throw notFound('Skill');
  const [[summary], demandFrom, supplyRows, occupations, proposals] = await Promise.all([
    q.skillAlignment(ctx.db, ctx.coalition.id, { skillIds: [skillId] }),
    q.demandRecords(ctx.db, ctx.coalition.id, skillId),
    q.supplyRecords(ctx.db, ctx.coalition.id, skillId),
    q.occupationsRating(ctx.db, skillId),
    q.proposalsTouching(ctx.db, ctx.coalition.id, skillId),
  ]);
  const base = summary ?? { skillId, skill: skill.name, kind: skill.kind, demand: 0, supply: 0, gap: 0, needs: 0, positions: 0, courses: 0, institutions: 0 };
  return {
    ...base,
    demandFrom,
    supplyFrom: supplyRows.map(({ sinceVersion, proposalId, proposalTitle, sinceAt, ...row }) => ({
      ...row,
      awardLevel: row.awardLevel as AwardLevel,
      since: sinceVersion === null ? null : { version: sinceVersion, proposalId, proposalTitle, at: new Date(sinceAt!).toISOString() },
    })),
    occupations,
    proposals,
  };
}

/** Demand and supply of skills at this moment, with the needs behind each: kept with an adopted change. */
export async function skillEvidence(db: Executor, coalitionId: string, skillIds: string[]): Promise<SkillEvidence[]> {
  if (skillIds.length === 0) return [];
  const [rows, needs] = await Promise.all([q.skillAlignment(db, coalitionId, { skillIds }), q.needIdsBySkill(db, coalitionId, skillIds)]);
  return skillIds.map((skillId) => {
    const row = rows.find((r) => r.skillId === skillId);
    return { skillId, skill: row?.skill ?? skillId, demand: row?.demand ?? 0, supply: row?.supply ?? 0, gap: row?.gap ?? 0, needIds: needs.get(skillId) ?? [] };
  });
}

function occupationDto(row: q.OccupationRow): OccupationAlignmentDto {
  const demand = Math.max(row.projectedOpenings ?? 0, row.declaredPositions);
  const flags: FlagDto[] = [];
  if (row.split) flags.push({ code: 'split_projection', message: 'Projected openings come from a SOC 2010 occupation that SOC 2018 splits; they are shared evenly among its successors.' });
  if (row.projectedOpenings !== null && row.declaredPositions > row.projectedOpenings) {
    flags.push({ code: 'declared_exceed_projected', message: `Member employers declare ${round1(row.declaredPositions)} positions a year, more than the ${round1(row.projectedOpenings)} projected openings.` });
  }
  return {
    soc: row.soc,
    title: row.title,
    projectedOpenings: row.projectedOpenings === null ? null : round1(row.projectedOpenings),
    declaredPositions: round1(row.declaredPositions),
    demand: round1(demand),
    supply: row.supply,
    pipeline: row.pipeline,
    gap: round1(demand - row.supply),
    percentChange: row.percentChange,
    needs: row.needs,
    programs: row.programs,
    flags,
  };
}

const occupationSorts: Record<OccupationAlignmentQuery['sort'], (a: OccupationAlignmentDto, b: OccupationAlignmentDto) => number> = {
  gap: (a, b) => b.gap - a.gap || a.soc.localeCompare(b.soc),
  demand: (a, b) => b.demand - a.demand || a.soc.localeCompare(b.soc),
  supply: (a, b) => b.supply - a.supply || a.soc.localeCompare(b.soc),
  growth: (a, b) => (b.percentChange ?? -Infinity) - (a.percentChange ?? -Infinity) || a.soc.localeCompare(b.soc),
  soc: (a, b) => a.soc.localeCompare(b.soc),
};

export async function occupationsAlignment(ctx: TenantCtx, query: OccupationAlignmentQuery) {
  authorize(ctx, 'alignment.read');
  let items = (await q.occupationAlignment(ctx.db, ctx.coalition.id, query.region ?? null)).map(occupationDto);
  if (query.q) {
    const text = query.q.toLowerCase();
    items = items.filter((o) => o.soc.includes(text) || o.title.toLowerCase().includes(text));
  }
  return { items: items.sort(occupationSorts[query.sort]), nextCursor: null, method: alignmentMethod.occupations };
}

export async function occupationAlignmentDetail(ctx: TenantCtx, soc: string, region: string | null): Promise<OccupationAlignmentDetailDto> {
  authorize(ctx, 'alignment.read');
  const [row] = await q.occupationAlignment(ctx.db, ctx.coalition.id, region, [soc]);
  if (!row) throw notFound('Occupation');
  const records = await q.occupationRecords(ctx.db, ctx.coalition.id, region, soc);
  return {
    ...occupationDto(row),
    projections: records.projections.map((p) => ({ ...p, share: round1(p.share * 1000) / 1000 })),
    demandFrom: records.needs.map((n) => ({ ...n, positions: round1(n.positions) })),
    supplyFrom: records.programs.map((p) => ({ ...p, awardLevel: p.awardLevel as AwardLevel })),
  };
}

function institutionDto(row: q.InstitutionRow): InstitutionAlignmentDto {
  const { coveredDemand, totalDemand, ...rest } = row;
  return { ...rest, demandCovered: totalDemand > 0 ? round1((coveredDemand / totalDemand) * 100) : null };
}

export async function institutionsAlignment(ctx: TenantCtx) {
  authorize(ctx, 'alignment.read');
  const rows = await q.institutionAlignment(ctx.db, ctx.coalition.id);
  return { items: rows.map(institutionDto).sort((a, b) => (b.demandCovered ?? -1) - (a.demandCovered ?? -1) || a.name.localeCompare(b.name)), nextCursor: null };
}

export async function institutionAlignmentDetail(ctx: TenantCtx, institutionId: string): Promise<InstitutionAlignmentDetailDto> {
  authorize(ctx, 'alignment.read');
  const [row] = await q.institutionAlignment(ctx.db, ctx.coalition.id, institutionId);
  if (!row) throw notFound('Institution');
  const [programs, missing, occupations] = await Promise.all([
    q.programsWithOccupations(ctx.db, ctx.coalition.id, institutionId),
    q.missingSkills(ctx.db, ctx.coalition.id, institutionId),
    q.occupationAlignment(ctx.db, ctx.coalition.id, null),
  ]);
  const bySoc = new Map(occupations.map((o) => [o.soc, o]));
  const programsByGrowth = programs
    .map((p) => {
      const occ = (p.socs ?? [])
        .map((soc) => bySoc.get(soc))
        .filter((o): o is q.OccupationRow => o !== undefined)
        .map((o) => ({ soc: o.soc, title: o.title, percentChange: o.percentChange, projectedOpenings: o.projectedOpenings === null ? null : round1(o.projectedOpenings) }))
        .sort((a, b) => (b.percentChange ?? -Infinity) - (a.percentChange ?? -Infinity) || a.soc.localeCompare(b.soc));
      const growth = occ.map((o) => o.percentChange).filter((g): g is number => g !== null);
      return { programId: p.programId, title: p.title, awardLevel: p.awardLevel as AwardLevel, cip: p.cip, completions: p.completions, bestGrowth: growth.length ? Math.max(...growth) : null, occupations: occ };
    })
    .sort((a, b) => (b.bestGrowth ?? -Infinity) - (a.bestGrowth ?? -Infinity) || a.title.localeCompare(b.title));
  return { ...institutionDto(row), programsByGrowth, missingSkills: missing };
}

export async function heatmap(ctx: TenantCtx, query: { kind?: string | undefined; limit: number }): Promise<HeatmapDto> {
  authorize(ctx, 'alignment.read');
  const all = await q.skillAlignment(ctx.db, ctx.coalition.id, { kind: query.kind });
  const rows = all.sort((a, b) => b.demand - a.demand || b.supply - a.supply || a.skill.localeCompare(b.skill)).slice(0, query.limit);
  const [cells, institutions] = await Promise.all([q.supplyCells(ctx.db, ctx.coalition.id, rows.map((r) => r.skillId)), q.institutionAlignment(ctx.db, ctx.coalition.id)]);
  return {
    skills: rows.map(({ skillId, skill, demand, supply, gap }) => ({ skillId, skill, demand, supply, gap })),
    institutions: institutions.filter((i) => i.programs > 0).map((i) => ({ institutionId: i.institutionId, name: i.name })),
    cells,
  };
}
