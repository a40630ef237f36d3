import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { newId } from '../../platform/auth/secrets.js';
import { cells, registerImporter } from '../../platform/imports/importers.js';
import { arr, batchResult, countedUpsert, socCode, text, type CellErrors } from './common.import.js';
import { slugify } from './skill-kinds.js';

/**
 * A coalition's own projections (CONTRACT "Bulk import", kind `labor-market`). Each row is one
 * occupation in one region over one projection period; the key is (region, soc, base_year,
 * projected_year), so re-importing updates the row in place. Regions are created by slug when
 * missing. The rows belong to a coalition dataset keyed `import:labor-market`, so every figure
 * keeps a source.
 */

export interface ProjectionRecord {
  regionSlug: string;
  regionName: string;
  soc: string;
  socVersion: string;
  title: string;
  category: string | null;
  baseYear: number;
  baseEmployment: number | null;
  projectedYear: number;
  projectedEmployment: number | null;
  annualNewJobs: number | null;
  annualReplacementNeeds: number | null;
  statedTotalOpenings: number | null;
  statedPercentChange: number | null;
  workExperience: string | null;
}

export interface CoalitionDataset {
  key: string;
  name: string;
  publisher: string;
  source: string;
  publishedOn: string | null;
  licence: string;
  notes: string | null;
}

/** The coalition dataset the rows belong to: created on first import, kept as is afterwards. */
export async function ensureCoalitionDataset(tx: Executor, coalitionId: string, dataset: CoalitionDataset): Promise<string> {
  await tx.execute(sql`
    insert into lm_datasets (coalition_id, id, key, name, publisher, source, published_on, licence, notes)
    values (${coalitionId}, ${newId()}, ${dataset.key}, ${dataset.name}, ${dataset.publisher}, ${dataset.source}, ${dataset.publishedOn}, ${dataset.licence}, ${dataset.notes})
    on conflict (coalition_id, key) do nothing`);
  const found = await tx.execute<{ id: string }>(sql`select id from lm_datasets where coalition_id = ${coalitionId} and key = ${dataset.key}`);
  return found.rows[0]!.id;
}

/** Region ids by slug, creating the missing ones (an existing region keeps its name). */
export async function ensureRegions(tx: Executor, coalitionId: string, regions: Map<string, string>): Promise<Map<string, string>> {
  const slugs = [...regions.keys()];
  await tx.execute(sql`
    insert into lm_regions (coalition_id, id, slug, name)
    select ${coalitionId}, id::uuid, slug, name from unnest(${arr(slugs.map(() => newId()))}::text[], ${arr(slugs)}::text[], ${arr(slugs.map((s) => regions.get(s)!))}::text[]) as v(id, slug, name)
    on conflict (coalition_id, slug) do nothing`);
  const rows = await tx.execute<{ id: string; slug: string }>(sql`select id, slug from lm_regions where coalition_id = ${coalitionId} and slug = any(${arr(slugs)}::text[])`);
  return new Map(rows.rows.map((r) => [r.slug, r.id]));
}

/** Upserts projection rows on (coalition, region, soc, base_year, projected_year); equal rows are left alone. */
export async function upsertProjections(tx: Executor, coalitionId: string, datasetId: string, records: ProjectionRecord[]): Promise<{ created: number; updated: number }> {
  if (records.length === 0) return { created: 0, updated: 0 };
  const regionIds = await ensureRegions(tx, coalitionId, new Map(records.map((r) => [r.regionSlug, r.regionName])));
  const col = <K extends keyof ProjectionRecord>(key: K) => arr(records.map((r) => r[key]));
  return countedUpsert(
    tx,
    sql`insert into lm_projections (coalition_id, id, dataset_id, region_id, soc, soc_version, title, category, base_year, base_employment, projected_year,
        projected_employment, annual_new_jobs, annual_replacement_needs, stated_total_openings, stated_percent_change, work_experience)
      select ${coalitionId}, id, ${datasetId}, region_id, soc, soc_version, title, category, base_year, base_employment, projected_year,
        projected_employment, annual_new_jobs, annual_replacement_needs, stated_total_openings, stated_percent_change, work_experience
      from unnest(${arr(records.map(() => newId()))}::uuid[], ${arr(records.map((r) => regionIds.get(r.regionSlug)!))}::uuid[], ${col('soc')}::text[], ${col('socVersion')}::text[],
        ${col('title')}::text[], ${col('category')}::text[], ${col('baseYear')}::int[], ${col('baseEmployment')}::int[], ${col('projectedYear')}::int[],
        ${col('projectedEmployment')}::int[], ${col('annualNewJobs')}::int[], ${col('annualReplacementNeeds')}::int[], ${col('statedTotalOpenings')}::int[],
        ${col('statedPercentChange')}::real[], ${col('workExperience')}::text[])
        as v(id, region_id, soc, soc_version, title, category, base_year, base_employment, projected_year, projected_employment, annual_new_jobs,
          annual_replacement_needs, stated_total_openings, stated_percent_change, work_experience)
      on conflict (coalition_id, region_id, soc, base_year, projected_year) do update set
        dataset_id = excluded.dataset_id, soc_version = excluded.soc_version, title = excluded.title, category = excluded.category,
        base_employment = excluded.base_employment, projected_employment = excluded.projected_employment, annual_new_jobs = excluded.annual_new_jobs,
        annual_replacement_needs = excluded.annual_replacement_needs, stated_total_openings = excluded.stated_total_openings,
        stated_percent_change = excluded.stated_percent_change, work_experience = excluded.work_experience
      where (lm_projections.dataset_id, lm_projections.soc_version, lm_projections.title, lm_projections.category, lm_projections.base_employment,
          lm_projections.projected_employment, lm_projections.annual_new_jobs, lm_projections.annual_replacement_needs, lm_projections.stated_total_openings,
          lm_projections.stated_percent_change, lm_projections.work_experience)
        is distinct from (excluded.dataset_id, excluded.soc_version, excluded.title, excluded.category, excluded.base_employment, excluded.projected_employment,
          excluded.annual_new_jobs, excluded.annual_replacement_needs, excluded.stated_total_openings, excluded.stated_percent_change, excluded.work_experience)`,
  );
}

/** SOC codes the reference data knows per version (structure and crosswalk). */
export interface SocKnowledge {
  v2010: Set<string>;
  v2018: Set<string>;
}

export async function loadSocKnowledge(db: Executor): Promise<SocKnowledge> {
  const rows = await db.execute<{ version: string; code: string }>(sql`
    select version, code from soc_codes
    union select '2010', soc2010 from soc_crosswalk
    union select '2018', soc2018 from soc_crosswalk`);
  const known: SocKnowledge = { v2010: new Set(), v2018: new Set() };
  for (const r of rows.rows) (r.version === '2010' ? known.v2010 : known.v2018).add(r.code);
  return known;
}

const IMPORT_DATASET: CoalitionDataset = {
  key: 'import:labor-market',
  name: 'Imported labor-market projections',
  publisher: 'Imported by the coalition',
  source: 'CSV file imported as `labor-market` (region, soc, title, base and projected year and employment, annual new jobs and replacement needs)',
  publishedOn: null,
  licence: 'As supplied by the coalition',
  notes: 'Rows are keyed by region, SOC code, base year and projected year; importing a file again updates them.',
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const titleCase = (slug: string) => slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

/** The region column: a slug (los-angeles, named "Los Angeles" when created) or a name (Los Angeles County → los-angeles-county). */
function regionOf(values: Record<string, string>, errors: CellErrors): { slug: string; name: string } {
  const raw = values.region ?? '';
  if (!raw) {
    errors.push({ column: 'region', message: 'Required' });
    return { slug: '', name: '' };
  }
  if (SLUG.test(raw)) return { slug: raw, name: titleCase(raw) };
  const slug = slugify(raw);
  if (!slug) errors.push({ column: 'region', message: `Not a region slug or name: "${raw}"` });
  else if (raw.length > 120) errors.push({ column: 'region', message: 'At most 120 characters' });
  return { slug, name: raw };
}

function year(values: Record<string, string>, column: string, errors: CellErrors): number | null {
  const value = cells.integer(values, column, errors as { column: string; message: string }[]);
  if (value !== null && (value < 1900 || value > 2200)) {
    errors.push({ column, message: `Not a year: ${value}` });
    return null;
  }
  return value;
}

registerImporter<ProjectionRecord, SocKnowledge>({
  kind: 'labor-market',
  action: 'laborMarket.import',
  description:
    'Employment projections: region,soc,title,base_year,base_employment,projected_year,projected_employment,annual_new_jobs,annual_replacement_needs (optional category, work_experience, annual_total_openings, percent_change, soc_version)',
  requiredColumns: ['region', 'soc', 'title', 'base_year', 'base_employment', 'projected_year', 'projected_employment', 'annual_new_jobs', 'annual_replacement_needs'],
  prepare: (db) => loadSocKnowledge(db),
  validate(values, known) {
    const errors: CellErrors = [];
    const e = errors as { column: string; message: string }[];
    const region = regionOf(values, errors);
    const soc = socCode(values, 'soc', errors);
    const title = text(values, 'title', errors, { max: 300 });
    const baseYear = year(values, 'base_year', errors);
    const projectedYear = year(values, 'projected_year', errors);
    if (baseYear !== null && projectedYear !== null && projectedYear <= baseYear) errors.push({ column: 'projected_year', message: `Must be after the base year (${baseYear})` });
    const baseEmployment = cells.integer(values, 'base_employment', e, { min: 0, optional: true });
    const projectedEmployment = cells.integer(values, 'projected_employment', e, { min: 0, optional: true });
    const annualNewJobs = cells.integer(values, 'annual_new_jobs', e, { optional: true });
    const annualReplacementNeeds = cells.integer(values, 'annual_replacement_needs', e, { min: 0, optional: true });
    const statedTotalOpenings = cells.integer(values, 'annual_total_openings', e, { min: 0, optional: true });
    const statedPercentChange = cells.number({ percent_change: (values.percent_change ?? '').replace(/%$/, '') }, 'percent_change', e, { optional: true });
    const category = text(values, 'category', errors, { max: 200, optional: true }) || null;
    const workExperience = text(values, 'work_experience', errors, { max: 200, optional: true }) || null;
    let socVersion = values.soc_version ?? '';
    if (socVersion && socVersion !== '2010' && socVersion !== '2018') errors.push({ column: 'soc_version', message: 'Must be 2010 or 2018' });
    if (!socVersion) socVersion = known.v2010.has(soc) && !known.v2018.has(soc) ? '2010' : '2018';
    if (errors.length) return { errors };
    return {
      ok: {
        regionSlug: region.slug,
        regionName: region.name,
        soc,
        socVersion,
        title,
        category,
        baseYear: baseYear!,
        baseEmployment,
        projectedYear: projectedYear!,
        projectedEmployment,
        annualNewJobs,
        annualReplacementNeeds,
        statedTotalOpenings,
        statedPercentChange,
        workExperience,
      },
    };
  },
  keyOf: (r) => `${r.regionSlug} ${r.soc} ${r.baseYear}–${r.projectedYear}`,
  async write(tx, coalitionId, records) {
    const datasetId = await ensureCoalitionDataset(tx, coalitionId, IMPORT_DATASET);
    return batchResult(records.length, await upsertProjections(tx, coalitionId, datasetId, records));
  },
});
