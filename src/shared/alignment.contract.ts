import { z } from 'zod';
import { isoDateTime, uuid } from './common.contract.js';
import { flagDto } from './labor-market.contract.js';
import { awardLevelSchema } from './programs.contract.js';
import { skillKindSchema } from './skills.contract.js';

/**
 * How the numbers are made (every one computed from records, live):
 * - skill demand: Σ over hiring needs asking for it of positions × (1 required, ½ preferred);
 * - skill supply: Σ over courses teaching it of the course's annual enrollment;
 * - gap = demand − supply (positive: more asked for than taught).
 * - occupation demand: the larger of projected annual openings and member employers' declared
 *   positions (declared positions are part of the region's openings, so never their sum);
 *   occupation supply: latest completions of postsecondary programs whose CIP maps to it; K-12
 *   pathway completions are reported as `pipeline`.
 */
export const alignmentMethod = {
  skills: 'demand = Σ positions × importance (required 1, preferred 0.5) over hiring needs; supply = Σ annual enrollment over courses teaching the skill; gap = demand − supply',
  occupations: 'demand = max(projected annual openings, declared positions); supply = latest completions of postsecondary programs mapped by CIP→SOC; gap = demand − supply',
} as const;

export const skillAlignmentDto = z.object({
  skillId: z.string(),
  skill: z.string(),
  kind: skillKindSchema,
  demand: z.number(),
  supply: z.number(),
  gap: z.number(),
  /** How many hiring needs ask for it, and their positions. */
  needs: z.number().int(),
  positions: z.number().int(),
  /** How many courses teach it, at how many institutions. */
  courses: z.number().int(),
  institutions: z.number().int(),
});
export type SkillAlignmentDto = z.infer<typeof skillAlignmentDto>;

export const skillAlignmentQuery = z.object({
  q: z.string().trim().max(120).optional(),
  kind: skillKindSchema.optional(),
  sort: z.enum(['gap', 'demand', 'supply', 'name']).default('gap'),
  /** Only skills some need asks for. */
  demanded: z.enum(['true', 'false']).optional(),
});
export type SkillAlignmentQuery = z.infer<typeof skillAlignmentQuery>;

export const skillAlignmentResponse = z.object({
  items: z.array(skillAlignmentDto),
  nextCursor: z.null(),
  totals: z.object({ demand: z.number(), supply: z.number(), gap: z.number() }),
  method: z.string(),
});

export const skillAlignmentDetailDto = skillAlignmentDto.extend({
  /** The records behind `demand`. */
  demandFrom: z.array(
    z.object({ needId: uuid, title: z.string(), employerId: uuid, employerName: z.string(), soc: z.string(), positions: z.number().int(), importance: z.string(), level: z.string().nullable(), weight: z.number() }),
  ),
  /** The records behind `supply`; `since` is the version (and adopted proposal) that added the skill. */
  supplyFrom: z.array(
    z.object({
      courseId: uuid,
      title: z.string(),
      code: z.string().nullable(),
      programId: uuid,
      programTitle: z.string(),
      awardLevel: awardLevelSchema,
      institutionId: uuid,
      institutionName: z.string(),
      annualEnrollment: z.number().int().nullable(),
      weight: z.number(),
      since: z.object({ version: z.number().int(), proposalId: uuid.nullable(), proposalTitle: z.string().nullable(), at: isoDateTime }).nullable(),
    }),
  ),
  /** Occupations the reference data rates the skill for (importance 1–5 where rated). */
  occupations: z.array(z.object({ soc: z.string(), importance: z.number().nullable() })),
  /** Curriculum proposals that add or remove it. */
  proposals: z.array(z.object({ id: uuid, title: z.string(), status: z.string(), change: z.enum(['add', 'remove']), courseId: uuid.nullable() })),
});
export type SkillAlignmentDetailDto = z.infer<typeof skillAlignmentDetailDto>;

export const occupationAlignmentDto = z.object({
  soc: z.string(),
  title: z.string(),
  projectedOpenings: z.number().nullable(),
  declaredPositions: z.number(),
  demand: z.number(),
  supply: z.number(),
  pipeline: z.number(),
  gap: z.number(),
  percentChange: z.number().nullable(),
  needs: z.number().int(),
  programs: z.number().int(),
  flags: z.array(flagDto),
});
export type OccupationAlignmentDto = z.infer<typeof occupationAlignmentDto>;

export const occupationAlignmentQuery = z.object({
  region: z.string().max(63).optional(),
  q: z.string().trim().max(120).optional(),
  sort: z.enum(['gap', 'demand', 'supply', 'growth', 'soc']).default('gap'),
});
export type OccupationAlignmentQuery = z.infer<typeof occupationAlignmentQuery>;

export const occupationAlignmentDetailDto = occupationAlignmentDto.extend({
  projections: z.array(z.object({ soc: z.string(), socVersion: z.string(), title: z.string(), openings: z.number().nullable(), share: z.number() })),
  demandFrom: z.array(z.object({ needId: uuid, title: z.string(), employerId: uuid, employerName: z.string(), positions: z.number() })),
  supplyFrom: z.array(z.object({ programId: uuid, title: z.string(), institutionId: uuid, institutionName: z.string(), awardLevel: awardLevelSchema, cip: z.string(), year: z.number().int().nullable(), completions: z.number().int().nullable() })),
});
export type OccupationAlignmentDetailDto = z.infer<typeof occupationAlignmentDetailDto>;

export const institutionAlignmentDto = z.object({
  institutionId: uuid,
  name: z.string(),
  type: z.string(),
  programs: z.number().int(),
  courses: z.number().int(),
  enrollment: z.number(),
  completions: z.number(),
  skillsTaught: z.number().int(),
  demandedSkills: z.number().int(),
  demandedSkillsTaught: z.number().int(),
  /** Share of all skill demand (weighted) that its courses teach, in percent. */
  demandCovered: z.number().nullable(),
});
export type InstitutionAlignmentDto = z.infer<typeof institutionAlignmentDto>;

export const institutionAlignmentDetailDto = institutionAlignmentDto.extend({
  /** Its programs, those leading to the fastest-growing occupations first. */
  programsByGrowth: z.array(
    z.object({
      programId: uuid,
      title: z.string(),
      awardLevel: awardLevelSchema,
      cip: z.string().nullable(),
      completions: z.number().int().nullable(),
      bestGrowth: z.number().nullable(),
      occupations: z.array(z.object({ soc: z.string(), title: z.string(), percentChange: z.number().nullable(), projectedOpenings: z.number().nullable() })),
    }),
  ),
  /** Demanded skills none of its courses teach, most demanded first. */
  missingSkills: z.array(z.object({ skillId: z.string(), skill: z.string(), kind: skillKindSchema, demand: z.number(), needs: z.number().int() })),
});
export type InstitutionAlignmentDetailDto = z.infer<typeof institutionAlignmentDetailDto>;

export const heatmapQuery = z.object({
  kind: skillKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
});
export const heatmapDto = z.object({
  /** Rows: the most demanded skills (then the most taught). */
  skills: z.array(z.object({ skillId: z.string(), skill: z.string(), demand: z.number(), supply: z.number(), gap: z.number() })),
  /** Columns: institutions with programs. */
  institutions: z.array(z.object({ institutionId: uuid, name: z.string() })),
  /** Supply of a skill at one institution: Σ annual enrollment of its courses teaching it. Absent cells are 0. */
  cells: z.array(z.object({ skillId: z.string(), institutionId: uuid, supply: z.number(), courses: z.number().int() })),
});
export type HeatmapDto = z.infer<typeof heatmapDto>;
