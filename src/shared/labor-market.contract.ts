import { z } from 'zod';

export const flagDto = z.object({ code: z.string(), message: z.string() });
export type FlagDto = z.infer<typeof flagDto>;

export const sourceDto = z.object({ datasetId: z.string(), name: z.string(), publisher: z.string(), publishedOn: z.string().nullable() });
export type SourceDto = z.infer<typeof sourceDto>;

export const occupationProjectionDto = z.object({
  soc: z.string(),
  socVersion: z.string(),
  soc2018: z.array(z.object({ soc: z.string(), title: z.string() })),
  title: z.string(),
  category: z.string().nullable(),
  baseYear: z.number().int(),
  baseEmployment: z.number().int().nullable(),
  projectedYear: z.number().int(),
  projectedEmployment: z.number().int().nullable(),
  /** Computed from the employment figures, one decimal. */
  percentChange: z.number().nullable(),
  annualNewJobs: z.number().int().nullable(),
  annualReplacementNeeds: z.number().int().nullable(),
  annualTotalOpenings: z.number().int().nullable(),
  workExperience: z.string().nullable(),
  source: sourceDto,
  flags: z.array(flagDto),
});
export type OccupationProjectionDto = z.infer<typeof occupationProjectionDto>;

export const totalsDto = z.object({
  baseEmployment: z.number(),
  projectedEmployment: z.number(),
  percentChange: z.number().nullable(),
  annualNewJobs: z.number(),
  annualReplacementNeeds: z.number(),
  annualTotalOpenings: z.number(),
  /** What the source printed for its total row, where it printed one. */
  stated: z.record(z.string(), z.number()),
  flags: z.array(flagDto),
});

export const occupationsResponse = z.object({
  region: z.object({ slug: z.string(), name: z.string() }),
  items: z.array(occupationProjectionDto),
  nextCursor: z.null(),
  totals: totalsDto.nullable(),
});
export type OccupationsResponse = z.infer<typeof occupationsResponse>;
export const occupationsQuery = z.object({ region: z.string().max(63).optional() });

export const hubDto = z.object({
  hub: z.string(),
  isHome: z.boolean(),
  techEmployment: z.number().int().nullable(),
  averageTechSalary: z.number().int().nullable(),
  techWorkersPer1000Jobs: z.number().nullable(),
  occupations: z.array(z.object({ soc: z.string(), title: z.string(), employment: z.number().int().nullable() })),
  /** Sum of the occupation rows (the N/A rows count as missing, not zero). */
  occupationTotal: z.number().int(),
  source: sourceDto,
  occupationSource: sourceDto.nullable(),
  flags: z.array(flagDto),
});
export type HubDto = z.infer<typeof hubDto>;

export const factDto = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  asOf: z.string().nullable(),
  source: sourceDto,
  flags: z.array(flagDto),
});
export type FactDto = z.infer<typeof factDto>;

export const rankingDto = z.object({
  list: z.string(),
  source: sourceDto,
  items: z.array(z.object({ rank: z.number().int(), label: z.string(), soc: z.string().nullable() })),
  flags: z.array(flagDto),
});
export type RankingDto = z.infer<typeof rankingDto>;

export const skillLinkDto = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['hard', 'soft', 'technology', 'knowledge']),
  onetElementId: z.string().nullable(),
  commodityCode: z.string().nullable(),
  importance: z.number().nullable(),
  level: z.number().nullable(),
  hotTechnology: z.boolean(),
  inDemand: z.boolean(),
  source: z.string(),
});
export type SkillLinkDto = z.infer<typeof skillLinkDto>;

export const occupationDetailDto = z.object({
  soc: z.string(),
  title: z.string(),
  soc2010: z.array(z.object({ soc: z.string(), title: z.string() })),
  soc2018: z.array(z.object({ soc: z.string(), title: z.string() })),
  projections: z.array(occupationProjectionDto.extend({ region: z.string() })),
  skills: z.array(skillLinkDto),
  jobZone: z.number().int().nullable(),
  programs: z.array(z.object({ cip: z.string(), title: z.string(), soc: z.string() })),
  hubs: z.array(z.object({ hub: z.string(), employment: z.number().int().nullable() })),
});
export type OccupationDetailDto = z.infer<typeof occupationDetailDto>;

export const datasetDto = z.object({
  id: z.string(),
  scope: z.enum(['coalition', 'reference']),
  name: z.string(),
  publisher: z.string(),
  source: z.string(),
  publishedOn: z.string().nullable(),
  licence: z.string(),
  notes: z.string().nullable(),
  rows: z.number().int().nullable(),
});
export type DatasetDto = z.infer<typeof datasetDto>;
