import type {
  DatasetDto,
  FactDto,
  FlagDto,
  HubDto,
  OccupationDetailDto,
  OccupationProjectionDto,
  OccupationsResponse,
  RankingDto,
} from '../../../shared/labor-market.contract.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { asciiJsonBytes } from '../../platform/http/ascii-json.js';
import { authorize } from '../../platform/permissions.js';
import * as checks from './labor-market.checks.js';
import './labor-market.policy.js';
import * as q from './labor-market.queries.js';
import { cachedOccupations, laborMarketVersion } from './occupations-cache.js';

const sumOf = (values: (number | null)[]) => values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
const missingIn = (values: (number | null)[]) => values.filter((v) => v === null).length;

type SocKnowledge = { loaded: (version: string) => boolean; has: (version: string, code: string) => boolean };

/** A projection row as its DTO: computed percent and openings, both SOC versions, provenance, flags. */
function projectionDto(row: Omit<q.ProjectionRow, 'id' | 'regionId' | 'regionSlug'>, soc2018: { soc: string; title: string }[], known: SocKnowledge): OccupationProjectionDto {
  return {
    soc: row.soc,
    socVersion: row.socVersion,
    soc2018: row.socVersion === '2018' ? [{ soc: row.soc, title: row.title }] : soc2018,
    title: row.title,
    category: row.category,
    baseYear: row.baseYear,
    baseEmployment: row.baseEmployment,
    projectedYear: row.projectedYear,
    projectedEmployment: row.projectedEmployment,
    percentChange: checks.percentChange(row.baseEmployment, row.projectedEmployment),
    annualNewJobs: row.annualNewJobs,
    annualReplacementNeeds: row.annualReplacementNeeds,
    annualTotalOpenings: checks.totalOpenings(row),
    workExperience: row.workExperience,
    source: row.source,
    flags: [...checks.projectionFlags(row), ...checks.socFlags(row.soc, row.socVersion, known)],
  };
}

/** Projection rows as DTOs, with their crosswalk and SOC checks read for the codes they name. */
async function toProjectionDtos(ctx: TenantCtx, rows: q.ProjectionRow[]): Promise<OccupationProjectionDto[]> {
  const codes = [...new Set(rows.map((r) => r.soc))];
  const [crosswalk, known] = await Promise.all([q.crosswalkFor(ctx.db, codes), q.socKnowledge(ctx.db, codes)]);
  return rows.map((row) => projectionDto(row, crosswalk.filter((c) => c.soc2010 === row.soc).map((c) => ({ soc: c.soc2018, title: c.soc2018Title })), known));
}

const totalFields = ['baseEmployment', 'projectedEmployment', 'annualNewJobs', 'annualReplacementNeeds', 'annualTotalOpenings'] as const;

export async function listOccupations(ctx: TenantCtx, query: { region?: string | undefined }): Promise<OccupationsResponse> {
  authorize(ctx, 'laborMarket.read');
  // Two statements side by side (the region's rows with crosswalk and SOC checks; the loaded SOC
  // versions and stated totals) where there were six one after another.
  const [rows, { versions, stated: statedRows }] = await Promise.all([
    q.regionProjections(ctx.db, ctx.coalition.id, query.region),
    q.socVersionsAndStated(ctx.db, ctx.coalition.id, 'projections'),
  ]);
  const first = rows[0];
  if (!first) throw new AppError('not_found', query.region ? `No region "${query.region}" in this coalition` : 'This coalition has no labor-market region yet: import projections first');
  const region = { slug: first.regionSlug, name: first.regionName };
  const items: OccupationProjectionDto[] = [];
  for (const { soc, datasetId, datasetName, publisher, publishedOn, soc2018, knownOwn, known2010, ...row } of rows) {
    if (soc === null) continue;
    // This row's SOC checks, answered by the statement: its code in its own version and in 2010.
    const known = { loaded: (v: string) => versions.has(v), has: (v: string, code: string) => code === soc && (v === row.socVersion ? knownOwn : v === '2010' && known2010) };
    items.push(projectionDto({ ...row, soc, source: { datasetId, name: datasetName, publisher, publishedOn } }, soc2018 ?? [], known));
  }
  if (items.length === 0) return { region, items, nextCursor: null, totals: null };
  const stated = Object.fromEntries(statedRows.filter((s) => s.subject === region.slug).map((s) => [s.field, s.value]));
  const sums = Object.fromEntries(totalFields.map((f) => [f, sumOf(items.map((i) => i[f]))])) as Record<(typeof totalFields)[number], number>;
  const flags = totalFields.map((f) => checks.statedTotalFlag(f, stated[f], sums[f], missingIn(items.map((i) => i[f]))));
  flags.push(checks.statedPercentFlag(stated.percentChange, sums.baseEmployment, sums.projectedEmployment));
  return {
    region,
    items,
    nextCursor: null,
    totals: { ...sums, percentChange: checks.percentChange(sums.baseEmployment, sums.projectedEmployment), stated, flags: flags.filter((f): f is FlagDto => f !== null) },
  };
}

/**
 * The occupations list as its JSON response body, UTF-8 encoded: typed by the contract
 * (OccupationsResponse) and sent as is, since validating ~800 rows through the Zod schema on the way
 * out cost more than reading them (tests parse the body with occupationsResponse). The bytes are kept
 * per process under the coalition's labor-market version and the reference version (occupations-cache.ts).
 */
export async function listOccupationsBody(ctx: TenantCtx, query: { region?: string | undefined }): Promise<Buffer> {
  authorize(ctx, 'laborMarket.read');
  // Kept per data version (decision 031): the body changes only when the data does.
  const version = await laborMarketVersion(ctx.db, ctx.coalition.id);
  return cachedOccupations('json', ctx.coalition.id, version, query.region, async () => asciiJsonBytes(await listOccupations(ctx, query)));
}

export async function listHubs(ctx: TenantCtx): Promise<{ items: HubDto[] }> {
  authorize(ctx, 'laborMarket.read');
  const [hubs, occupations, stated] = await Promise.all([
    q.hubs(ctx.db, ctx.coalition.id),
    q.hubOccupations(ctx.db, ctx.coalition.id),
    q.statedFigures(ctx.db, ctx.coalition.id, 'hub_table'),
  ]);
  return {
    items: hubs.map((hub) => {
      const rows = occupations.filter((o) => o.hub === hub.hub);
      const occupationTotal = sumOf(rows.map((r) => r.employment));
      const tableTotal = stated.find((s) => s.subject === hub.hub && s.field === 'techEmployment');
      const flags: FlagDto[] = rows
        .filter((r) => r.employment === null)
        .map((r) => ({ code: 'missing_value', message: `No employment figure for ${r.soc} ${r.title} (the source prints N/A).` }));
      if (rows.length > 0) {
        const totalFlag = checks.statedTotalFlag('techEmployment', tableTotal?.value, occupationTotal, missingIn(rows.map((r) => r.employment)));
        if (totalFlag) flags.push(totalFlag);
      }
      if (hub.techEmployment !== null && tableTotal) {
        const disagree = checks.disagreementFlag(
          `Tech employment in ${hub.hub}`,
          { value: hub.techEmployment, source: hub.source.name },
          { value: tableTotal.value, source: `the total row of "${tableTotal.source.name}"` },
        );
        if (disagree) flags.push(disagree);
      }
      return {
        ...hub,
        occupations: rows.map(({ soc, title, employment }) => ({ soc, title, employment })),
        occupationTotal,
        occupationSource: rows[0]?.source ?? null,
        flags,
      };
    }),
  };
}

export async function listFacts(ctx: TenantCtx): Promise<{ items: FactDto[] }> {
  authorize(ctx, 'laborMarket.read');
  const [facts, rows] = await Promise.all([q.facts(ctx.db, ctx.coalition.id), q.projections(ctx.db, ctx.coalition.id, {})]);
  const projected = await toProjectionDtos(ctx, rows);
  // Figures a fact may claim to be: projections.<region>.<field>, computed from the rows.
  const computed = (ref: string): number | null => {
    const [scope, regionSlug, field] = ref.split('.');
    if (scope !== 'projections' || !field) return null;
    const inRegion = projected.filter((_, i) => rows[i]!.regionSlug === regionSlug);
    if (inRegion.length === 0) return null;
    return sumOf(inRegion.map((p) => (p as unknown as Record<string, number | null>)[field] ?? null));
  };
  return {
    items: facts.map((fact) => {
      const flags: FlagDto[] = [];
      if (fact.checks) {
        const value = computed(fact.checks);
        if (value !== null) {
          const flag = checks.disagreementFlag(fact.label, { value: fact.value, source: fact.source.name }, { value, source: 'the sum of the projection rows' });
          if (flag) flags.push(flag);
        }
      }
      for (const other of facts) {
        if (other !== fact && other.key === fact.key && other.source.datasetId !== fact.source.datasetId) {
          const flag = checks.disagreementFlag(fact.label, { value: fact.value, source: fact.source.name }, { value: other.value, source: other.source.name });
          if (flag) flags.push(flag);
        }
      }
      const { checks: _checks, ...rest } = fact;
      return { ...rest, flags };
    }),
  };
}

export async function listRankings(ctx: TenantCtx): Promise<{ items: RankingDto[] }> {
  authorize(ctx, 'laborMarket.read');
  const [entries, allRegions] = await Promise.all([q.rankings(ctx.db, ctx.coalition.id), q.regions(ctx.db, ctx.coalition.id)]);
  const home = allRegions[0];
  const rows = home ? await toProjectionDtos(ctx, await q.projections(ctx.db, ctx.coalition.id, { regionId: home.id })) : [];
  const lists = [...new Set(entries.map((e) => e.list))];
  return {
    items: lists.map((list) => {
      const items = entries.filter((e) => e.list === list);
      const by = items[0]?.rankedBy as keyof OccupationProjectionDto | null;
      const flags: FlagDto[] = [];
      if (by && rows.length) {
        const values = new Map(rows.map((r) => [r.soc, r[by] as number | null]));
        const flag = checks.rankingFlag(items.map((i) => i.soc ?? ''), values, new Map(rows.map((r) => [r.soc, r.title])), by);
        if (flag) flags.push(flag);
      }
      return { list, source: items[0]!.source, items: items.map(({ rank, label, soc }) => ({ rank, label, soc })), flags };
    }),
  };
}

export async function getOccupation(ctx: TenantCtx, soc: string): Promise<OccupationDetailDto> {
  authorize(ctx, 'laborMarket.read');
  const crosswalk = await q.crosswalkFor(ctx.db, [soc]);
  const soc2010 = [...new Map(crosswalk.map((c) => [c.soc2010, { soc: c.soc2010, title: c.soc2010Title }])).values()];
  const soc2018 = [...new Map(crosswalk.map((c) => [c.soc2018, { soc: c.soc2018, title: c.soc2018Title }])).values()];
  // Asked by a 2010 code: its 2018 successors; by a 2018 code: itself (and its 2010 predecessors).
  const is2010 = crosswalk.some((c) => c.soc2010 === soc);
  const codes2018 = is2010 ? crosswalk.filter((c) => c.soc2010 === soc).map((c) => c.soc2018) : [soc];
  const codes2010 = is2010 ? [soc] : crosswalk.filter((c) => c.soc2018 === soc).map((c) => c.soc2010);
  const projectionRows = await q.projections(ctx.db, ctx.coalition.id, { socs: [...new Set([soc, ...codes2010, ...codes2018])] });
  const projections = (await toProjectionDtos(ctx, projectionRows)).map((p, i) => ({ ...p, region: projectionRows[i]!.regionSlug }));
  const [skillRows, onet, programs, hubRows] = await Promise.all([
    q.skillsOf(ctx.db, codes2018),
    q.onetFor(ctx.db, codes2018),
    q.programsFor(ctx.db, codes2018),
    q.hubOccupations(ctx.db, ctx.coalition.id, [soc, ...codes2010]),
  ]);
  if (projections.length === 0 && skillRows.length === 0 && onet.length === 0 && crosswalk.length === 0) {
    throw new AppError('not_found', `No data for occupation ${soc}`);
  }
  // One line per skill: the highest rating among the SOC 2018 codes this occupation maps to.
  const bySkill = new Map<string, (typeof skillRows)[number]>();
  for (const row of skillRows) {
    const seen = bySkill.get(row.id);
    if (!seen || (row.importance ?? -1) > (seen.importance ?? -1)) bySkill.set(row.id, { ...row, hotTechnology: row.hotTechnology || Boolean(seen?.hotTechnology), inDemand: row.inDemand || Boolean(seen?.inDemand) });
  }
  const title = projections[0]?.title ?? soc2018.find((s) => s.soc === soc)?.title ?? soc2010.find((s) => s.soc === soc)?.title ?? onet[0]?.title ?? soc;
  return {
    soc,
    title,
    soc2010,
    soc2018,
    projections,
    skills: [...bySkill.values()]
      .map(({ soc: _soc, ...s }) => s)
      .sort((a, b) => (b.importance ?? -1) - (a.importance ?? -1) || a.name.localeCompare(b.name)),
    jobZone: onet.reduce<number | null>((zone, o) => (o.jobZone !== null && (zone === null || o.jobZone > zone) ? o.jobZone : zone), null),
    programs,
    hubs: hubRows.map((h) => ({ hub: h.hub, employment: h.employment })),
  };
}

export async function listDatasets(ctx: TenantCtx): Promise<{ items: DatasetDto[] }> {
  authorize(ctx, 'laborMarket.read');
  const [own, reference] = await Promise.all([q.coalitionDatasets(ctx.db, ctx.coalition.id), q.allReferenceDatasets(ctx.db)]);
  return {
    items: [
      ...own.map((d) => ({ id: d.id, scope: 'coalition' as const, name: d.name, publisher: d.publisher, source: d.source, publishedOn: d.publishedOn, licence: d.licence, notes: d.notes, rows: null })),
      ...reference.map((d) => ({ id: d.key, scope: 'reference' as const, name: d.name, publisher: d.publisher, source: d.source, publishedOn: d.publishedOn, licence: d.licence, notes: d.notes, rows: d.rows })),
    ],
  };
}

export async function listRegions(ctx: TenantCtx) {
  authorize(ctx, 'laborMarket.read');
  return { items: (await q.regions(ctx.db, ctx.coalition.id)).map(({ slug, name }) => ({ slug, name })) };
}
