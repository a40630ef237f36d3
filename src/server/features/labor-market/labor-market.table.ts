import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/coalitions.table.js';

// ── Reference data: the same for every coalition (no coalition_id), loaded by importers or the seed.

/** Where a reference table's rows came from (O*NET, SOC, CIP, BLS…), one row per imported file kind. */
export const referenceDatasets = pgTable('reference_datasets', {
  key: text().primaryKey(),
  name: text().notNull(),
  publisher: text().notNull(),
  source: text().notNull(),
  publishedOn: text(),
  licence: text().notNull(),
  notes: text(),
  rows: integer().notNull().default(0),
  importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** SOC codes of each taxonomy version ('2010', '2018'): major, minor, broad and detailed. */
export const socCodes = pgTable(
  'soc_codes',
  { version: text().notNull(), code: text().notNull(), title: text().notNull(), level: text().notNull(), datasetKey: text().notNull() },
  (t) => [primaryKey({ columns: [t.version, t.code] })],
);

/** SOC 2010 → 2018: one old code may map to several new ones (15-1132 → 15-1252, 15-1253). */
export const socCrosswalk = pgTable(
  'soc_crosswalk',
  { soc2010: text().notNull(), soc2018: text().notNull(), soc2010Title: text().notNull(), soc2018Title: text().notNull(), datasetKey: text().notNull() },
  (t) => [primaryKey({ columns: [t.soc2010, t.soc2018] }), index('soc_crosswalk_2018_idx').on(t.soc2018)],
);

/** Skills: hard, soft, technology (and knowledge), with their O*NET element or commodity code. */
export const skills = pgTable(
  'skills',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    kind: text({ enum: ['hard', 'soft', 'technology', 'knowledge'] }).notNull(),
    onetElementId: text(),
    commodityCode: text(),
    datasetKey: text().notNull(),
  },
  (t) => [uniqueIndex('skills_name_key').on(sql`lower(${t.name})`)],
);

/** Occupation (SOC 2018, six digits) × skill, with importance (1–5) and level (0–7) where rated. */
export const occupationSkills = pgTable(
  'occupation_skills',
  {
    soc: text().notNull(),
    skillId: text().notNull(),
    importance: real(),
    level: real(),
    hotTechnology: boolean().notNull().default(false),
    inDemand: boolean().notNull().default(false),
    datasetKey: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.soc, t.skillId] }), index('occupation_skills_skill_idx').on(t.skillId)],
);

/** O*NET occupations (O*NET-SOC 2019 codes such as 15-1252.00) with their job zone. */
export const onetOccupations = pgTable(
  'onet_occupations',
  { onetCode: text().primaryKey(), soc: text().notNull(), title: text().notNull(), description: text(), jobZone: integer(), datasetKey: text().notNull() },
  (t) => [index('onet_occupations_soc_idx').on(t.soc)],
);

/** Programs to occupations: CIP 2020 → SOC 2018 (NCES). */
export const cipSoc = pgTable(
  'cip_soc',
  { cip: text().notNull(), cipTitle: text().notNull(), soc: text().notNull(), socTitle: text().notNull(), datasetKey: text().notNull() },
  (t) => [primaryKey({ columns: [t.cip, t.soc] }), index('cip_soc_soc_idx').on(t.soc)],
);

// ── A coalition's own labor-market data: each figure belongs to a dataset with its provenance.

export const lmDatasets = pgTable(
  'lm_datasets',
  {
    coalitionId: uuid()
      .notNull()
      .references(() => coalitions.id, { onDelete: 'cascade' }),
    id: uuid().notNull(),
    key: text().notNull(),
    name: text().notNull(),
    publisher: text().notNull(),
    source: text().notNull(),
    publishedOn: text(),
    licence: text().notNull(),
    notes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), uniqueIndex('lm_datasets_key').on(t.coalitionId, t.key)],
);

export const lmRegions = pgTable(
  'lm_regions',
  { coalitionId: uuid().notNull(), id: uuid().notNull(), slug: text().notNull(), name: text().notNull() },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), uniqueIndex('lm_regions_slug').on(t.coalitionId, t.slug)],
);

/** Employment projections per region and occupation (Table 1 of the paper, or an import). */
export const lmProjections = pgTable(
  'lm_projections',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    datasetId: uuid().notNull(),
    regionId: uuid().notNull(),
    soc: text().notNull(),
    socVersion: text().notNull(),
    title: text().notNull(),
    category: text(),
    baseYear: integer().notNull(),
    baseEmployment: integer(),
    projectedYear: integer().notNull(),
    projectedEmployment: integer(),
    annualNewJobs: integer(),
    annualReplacementNeeds: integer(),
    /** As printed; null when the source gives none (then it is computed). */
    statedTotalOpenings: integer(),
    /** As printed, in percent; checked against the employment figures. */
    statedPercentChange: real(),
    workExperience: text(),
  },
  (t) => [
    primaryKey({ columns: [t.coalitionId, t.id] }),
    uniqueIndex('lm_projections_key').on(t.coalitionId, t.regionId, t.soc, t.baseYear, t.projectedYear),
    index('lm_projections_dataset_idx').on(t.coalitionId, t.datasetId),
  ],
);

/**
 * Figures a source prints as aggregates (a table's "Total" row, a hub's column total), kept so
 * they can be checked against the rows they summarize rather than trusted.
 * scope: 'projections' (subject = region slug) or 'hub_table' (subject = hub name).
 */
export const lmStatedFigures = pgTable(
  'lm_stated_figures',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    datasetId: uuid().notNull(),
    scope: text().notNull(),
    subject: text().notNull(),
    field: text().notNull(),
    value: real().notNull(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), uniqueIndex('lm_stated_figures_key').on(t.coalitionId, t.datasetId, t.scope, t.subject, t.field)],
);

/** Tech hubs compared (the paper's hub cards). */
export const lmHubs = pgTable(
  'lm_hubs',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    datasetId: uuid().notNull(),
    hub: text().notNull(),
    isHome: boolean().notNull().default(false),
    techEmployment: integer(),
    averageTechSalary: integer(),
    techWorkersPer1000Jobs: real(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), uniqueIndex('lm_hubs_key').on(t.coalitionId, t.hub)],
);

/** Employment per hub and occupation (Table 2); null where the source prints N/A. */
export const lmHubOccupations = pgTable(
  'lm_hub_occupations',
  {
    coalitionId: uuid().notNull(),
    datasetId: uuid().notNull(),
    hub: text().notNull(),
    soc: text().notNull(),
    title: text().notNull(),
    employment: integer(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.hub, t.soc] })],
);

/**
 * Facts about the region (5 million workers, 120 colleges…), each from a dataset. A fact whose
 * `checks` names a computed figure (e.g. 'projections.los-angeles.baseEmployment') is compared
 * with it; two facts with the same key from different sources are compared with each other.
 */
export const lmFacts = pgTable(
  'lm_facts',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    datasetId: uuid().notNull(),
    key: text().notNull(),
    label: text().notNull(),
    value: real().notNull(),
    unit: text().notNull(),
    asOf: text(),
    checks: text(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), index('lm_facts_key_idx').on(t.coalitionId, t.key)],
);

/** Ranked lists a source prints (top high-growth jobs, top companies hiring). */
export const lmRankings = pgTable(
  'lm_rankings',
  {
    coalitionId: uuid().notNull(),
    id: uuid().notNull(),
    datasetId: uuid().notNull(),
    list: text().notNull(),
    rank: integer().notNull(),
    label: text().notNull(),
    soc: text(),
    /** For a list of occupations: the projection field it claims to rank by, checked against it. */
    rankedBy: text(),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.id] }), uniqueIndex('lm_rankings_key').on(t.coalitionId, t.list, t.rank)],
);
