import { and, asc, eq, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  cipSoc,
  lmDatasets,
  lmFacts,
  lmHubOccupations,
  lmHubs,
  lmProjections,
  lmRankings,
  lmRegions,
  lmStatedFigures,
  occupationSkills,
  onetOccupations,
  referenceDatasets,
  skills,
  socCodes,
  socCrosswalk,
} from './labor-market.table.js';

/** col = any($1): one array parameter, however many codes (IN (...) would bind one per code). */
const anyOf = (column: AnyColumn, values: string[]): SQL => sql`${column} = any(${sql.param(values)}::text[])`;

export const sourceColumns = { datasetId: lmDatasets.id, name: lmDatasets.name, publisher: lmDatasets.publisher, publishedOn: lmDatasets.publishedOn };

export async function regions(db: Executor, coalitionId: string) {
  return db.select({ id: lmRegions.id, slug: lmRegions.slug, name: lmRegions.name }).from(lmRegions).where(eq(lmRegions.coalitionId, coalitionId)).orderBy(lmRegions.name);
}

export async function projections(db: Executor, coalitionId: string, filter: { regionId?: string; socs?: string[] }) {
  return db
    .select({
      id: lmProjections.id,
      regionId: lmProjections.regionId,
      regionSlug: lmRegions.slug,
      soc: lmProjections.soc,
      socVersion: lmProjections.socVersion,
      title: lmProjections.title,
      category: lmProjections.category,
      baseYear: lmProjections.baseYear,
      baseEmployment: lmProjections.baseEmployment,
      projectedYear: lmProjections.projectedYear,
      projectedEmployment: lmProjections.projectedEmployment,
      annualNewJobs: lmProjections.annualNewJobs,
      annualReplacementNeeds: lmProjections.annualReplacementNeeds,
      statedTotalOpenings: lmProjections.statedTotalOpenings,
      statedPercentChange: lmProjections.statedPercentChange,
      workExperience: lmProjections.workExperience,
      source: sourceColumns,
    })
    .from(lmProjections)
    .innerJoin(lmDatasets, and(eq(lmDatasets.coalitionId, lmProjections.coalitionId), eq(lmDatasets.id, lmProjections.datasetId)))
    .innerJoin(lmRegions, and(eq(lmRegions.coalitionId, lmProjections.coalitionId), eq(lmRegions.id, lmProjections.regionId)))
    .where(
      and(
        eq(lmProjections.coalitionId, coalitionId),
        filter.regionId ? eq(lmProjections.regionId, filter.regionId) : undefined,
        filter.socs ? anyOf(lmProjections.soc, filter.socs) : undefined,
      ),
    )
    .orderBy(asc(lmProjections.soc));
}
export type ProjectionRow = Awaited<ReturnType<typeof projections>>[number];

export async function crosswalkFor(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(socCrosswalk)
    .where(or(anyOf(socCrosswalk.soc2010, codes), anyOf(socCrosswalk.soc2018, codes)))
    .orderBy(socCrosswalk.soc2010, socCrosswalk.soc2018);
}

/** Which SOC versions are loaded, and which of the given codes each knows. */
export async function socKnowledge(db: Executor, codes: string[]) {
  const loaded = await db.execute<{ version: string }>(sql`select distinct version from ${socCodes}`);
  const found = codes.length ? await db.select({ version: socCodes.version, code: socCodes.code }).from(socCodes).where(anyOf(socCodes.code, codes)) : [];
  const versions = new Set(loaded.rows.map((r) => r.version));
  const known = new Set(found.map((r) => `${r.version}:${r.code}`));
  return { loaded: (v: string) => versions.has(v), has: (v: string, code: string) => known.has(`${v}:${code}`) };
}

export async function statedFigures(db: Executor, coalitionId: string, scope: string) {
  return db
    .select({ subject: lmStatedFigures.subject, field: lmStatedFigures.field, value: lmStatedFigures.value, source: sourceColumns })
    .from(lmStatedFigures)
    .innerJoin(lmDatasets, and(eq(lmDatasets.coalitionId, lmStatedFigures.coalitionId), eq(lmDatasets.id, lmStatedFigures.datasetId)))
    .where(and(eq(lmStatedFigures.coalitionId, coalitionId), eq(lmStatedFigures.scope, scope)));
}

export async function hubs(db: Executor, coalitionId: string) {
  return db
    .select({
      hub: lmHubs.hub,
      isHome: lmHubs.isHome,
      techEmployment: lmHubs.techEmployment,
      averageTechSalary: lmHubs.averageTechSalary,
      techWorkersPer1000Jobs: lmHubs.techWorkersPer1000Jobs,
      source: sourceColumns,
    })
    .from(lmHubs)
    .innerJoin(lmDatasets, and(eq(lmDatasets.coalitionId, lmHubs.coalitionId), eq(lmDatasets.id, lmHubs.datasetId)))
    .where(eq(lmHubs.coalitionId, coalitionId))
    .orderBy(lmHubs.sortOrder, lmHubs.hub);
}

export async function hubOccupations(db: Executor, coalitionId: string, socs?: string[]) {
  return db
    .select({ hub: lmHubOccupations.hub, soc: lmHubOccupations.soc, title: lmHubOccupations.title, employment: lmHubOccupations.employment, source: sourceColumns })
    .from(lmHubOccupations)
    .innerJoin(lmDatasets, and(eq(lmDatasets.coalitionId, lmHubOccupations.coalitionId), eq(lmDatasets.id, lmHubOccupations.datasetId)))
    .where(and(eq(lmHubOccupations.coalitionId, coalitionId), socs ? anyOf(lmHubOccupations.soc, socs) : undefined))
    .orderBy(lmHubOccupations.soc);
}

export async function facts(db: Executor, coalitionId: string) {
  return db
    .select({ key: lmFacts.key, label: lmFacts.label, value: lmFacts.value, unit: lmFacts.unit, asOf: lmFacts.asOf, checks: lmFacts.checks, source: sourceColumns })
    .from(lmFacts)
    .innerJoin(lmDatasets, and(eq(lmDatasets.coalitionId, lmFacts.coalitionId), eq(lmDatasets.id, lmFacts.datasetId)))
    .where(eq(lmFacts.coalitionId, coalitionId))
    .orderBy(lmFacts.sortOrder);
}

export async function rankings(db: Executor, coalitionId: string) {
  return db
    .select({ list: lmRankings.list, rank: lmRankings.rank, label: lmRankings.label, soc: lmRankings.soc, rankedBy: lmRankings.rankedBy, source: sourceColumns })
    .from(lmRankings)
    .innerJoin(lmDatasets, and(eq(lmDatasets.coalitionId, lmRankings.coalitionId), eq(lmDatasets.id, lmRankings.datasetId)))
    .where(eq(lmRankings.coalitionId, coalitionId))
    .orderBy(lmRankings.list, lmRankings.rank);
}

export async function coalitionDatasets(db: Executor, coalitionId: string) {
  return db.select().from(lmDatasets).where(eq(lmDatasets.coalitionId, coalitionId)).orderBy(lmDatasets.name);
}

export async function allReferenceDatasets(db: Executor) {
  return db.select().from(referenceDatasets).orderBy(referenceDatasets.name);
}

export async function skillsOf(db: Executor, socs2018: string[]) {
  if (socs2018.length === 0) return [];
  return db
    .select({
      soc: occupationSkills.soc,
      id: skills.id,
      name: skills.name,
      kind: skills.kind,
      onetElementId: skills.onetElementId,
      commodityCode: skills.commodityCode,
      importance: occupationSkills.importance,
      level: occupationSkills.level,
      hotTechnology: occupationSkills.hotTechnology,
      inDemand: occupationSkills.inDemand,
      source: referenceDatasets.name,
    })
    .from(occupationSkills)
    .innerJoin(skills, eq(skills.id, occupationSkills.skillId))
    .innerJoin(referenceDatasets, eq(referenceDatasets.key, occupationSkills.datasetKey))
    .where(anyOf(occupationSkills.soc, socs2018));
}

export async function onetFor(db: Executor, socs2018: string[]) {
  if (socs2018.length === 0) return [];
  return db.select().from(onetOccupations).where(anyOf(onetOccupations.soc, socs2018));
}

export async function programsFor(db: Executor, socs2018: string[]) {
  if (socs2018.length === 0) return [];
  return db.select({ cip: cipSoc.cip, title: cipSoc.cipTitle, soc: cipSoc.soc }).from(cipSoc).where(anyOf(cipSoc.soc, socs2018)).orderBy(cipSoc.cip);
}

/**
 * A region's projections for the occupations table in one statement: the region (by slug, else
 * the first by name), each row's source, its SOC 2018 codes through the crosswalk and whether SOC
 * knows its code (in its own version and in 2010). No projections: one row with a null `soc`;
 * no such region: no row.
 */
export async function regionProjections(db: Executor, coalitionId: string, regionSlug: string | undefined) {
  const result = await db.execute<
    Omit<ProjectionRow, 'id' | 'regionId' | 'regionSlug' | 'soc' | 'source'> & {
      regionSlug: string; regionName: string; soc: string | null; datasetId: string; datasetName: string; publisher: string; publishedOn: string | null;
      soc2018: { soc: string; title: string }[] | null; knownOwn: boolean; known2010: boolean;
    }
  >(sql`
    with r as (select id, slug, name from ${lmRegions} where coalition_id = ${coalitionId} and (${regionSlug ?? null}::text is null or slug = ${regionSlug ?? null}::text) order by name limit 1)
    select r.slug as "regionSlug", r.name as "regionName", p.soc, p.soc_version as "socVersion", p.title, p.category, p.base_year as "baseYear",
           p.base_employment as "baseEmployment", p.projected_year as "projectedYear", p.projected_employment as "projectedEmployment",
           p.annual_new_jobs as "annualNewJobs", p.annual_replacement_needs as "annualReplacementNeeds", p.stated_total_openings as "statedTotalOpenings",
           p.stated_percent_change as "statedPercentChange", p.work_experience as "workExperience",
           d.id as "datasetId", d.name as "datasetName", d.publisher, d.published_on as "publishedOn",
           case when p.soc_version <> '2018' then (select json_agg(json_build_object('soc', x.soc2018, 'title', x.soc2018_title) order by x.soc2018) from ${socCrosswalk} x where x.soc2010 = p.soc) end as soc2018,
           exists (select 1 from ${socCodes} k where k.version = p.soc_version and k.code = p.soc) as "knownOwn",
           exists (select 1 from ${socCodes} k where k.version = '2010' and k.code = p.soc) as "known2010"
      from r
      left join ${lmProjections} p on p.coalition_id = ${coalitionId} and p.region_id = r.id
      left join ${lmDatasets} d on d.coalition_id = p.coalition_id and d.id = p.dataset_id
     order by p.soc`);
  return result.rows;
}

/** The SOC versions loaded and the stated figures of a scope, in one round trip. */
export async function socVersionsAndStated(db: Executor, coalitionId: string, scope: string) {
  const result = await db.execute<{ versions: string[] | null; stated: { subject: string; field: string; value: number }[] | null }>(sql`
    select (select json_agg(distinct version) from ${socCodes}) as versions,
           (select json_agg(json_build_object('subject', s.subject, 'field', s.field, 'value', s.value))
              from ${lmStatedFigures} s join ${lmDatasets} d on d.coalition_id = s.coalition_id and d.id = s.dataset_id
             where s.coalition_id = ${coalitionId} and s.scope = ${scope}) as stated`);
  const row = result.rows[0]!;
  return { versions: new Set(row.versions ?? []), stated: (row.stated ?? []).map((s) => ({ ...s, value: Number(s.value) })) };
}
