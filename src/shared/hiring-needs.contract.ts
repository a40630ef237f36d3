import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, requiredText, uuid } from './common.contract.js';
import { flagDto } from './labor-market.contract.js';
import { skillKindSchema, skillName } from './skills.contract.js';

export const needLevels = ['entry', 'middle', 'management'] as const;
export const workplaces = ['onsite', 'hybrid', 'remote'] as const;
export const skillLevels = ['beginner', 'intermediate', 'advanced'] as const;
export const skillImportances = ['required', 'preferred'] as const;
export const degreeLevels = ['associate', 'bachelor', 'master', 'doctoral'] as const;
export const recruitingWindowKinds = ['internship_application', 'hiring_season'] as const;

export const socCode = z.string().trim().regex(/^\d{2}-\d{4}$/, 'A SOC code such as 15-1252');

/** A skill the need asks for: a name, or a name with the level expected and whether it is required. */
export const skillRequirementInput = z.union([
  skillName,
  z.object({
    name: skillName,
    level: z.enum(skillLevels).nullish(),
    importance: z.enum(skillImportances).optional(),
  }),
]);
export type SkillRequirementInput = z.input<typeof skillRequirementInput>;

export const recruitingWindow = z
  .object({
    kind: z.enum(recruitingWindowKinds),
    label: optionalText(120),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine((w) => w.endsOn >= w.startsOn, { message: 'Ends before it starts', path: ['endsOn'] });

const needFields = {
  employerId: uuid,
  soc: socCode,
  title: requiredText(200),
  positions: z.number().int().min(1, 'At least 1').max(100_000),
  skills: z
    .array(skillRequirementInput)
    .max(60)
    .refine((list) => new Set(list.map((s) => (typeof s === 'string' ? s : s.name).toLowerCase())).size === list.length, 'A skill is listed twice'),
  degreeRequired: z.boolean(),
  degreeLevel: z.enum(degreeLevels).nullish(),
  level: z.enum(needLevels),
  location: optionalText(200),
  workplace: z.enum(workplaces),
  description: optionalText(4000),
  recruitingCalendar: z.array(recruitingWindow).max(24),
  externalId: optionalText(100),
};

export const hiringNeedCreateInput = z.object({
  ...needFields,
  skills: needFields.skills.default([]),
  degreeRequired: needFields.degreeRequired.default(false),
  level: needFields.level.default('entry'),
  workplace: needFields.workplace.default('onsite'),
  recruitingCalendar: needFields.recruitingCalendar.default([]),
});
export type HiringNeedCreateInput = z.infer<typeof hiringNeedCreateInput>;
export const hiringNeedUpdateInput = z.object(needFields).partial();
export type HiringNeedUpdateInput = z.infer<typeof hiringNeedUpdateInput>;

export const skillRequirementDto = z.object({
  skillId: z.string(),
  name: z.string(),
  kind: skillKindSchema,
  level: z.enum(skillLevels).nullable(),
  importance: z.enum(skillImportances),
  /** positions × (1 required, ½ preferred): what this need adds to the skill's demand. */
  weight: z.number(),
});

export const hiringNeedDto = z.object({
  id: uuid,
  employerId: uuid,
  employerName: z.string(),
  soc: z.string(),
  socTitle: z.string().nullable(),
  title: z.string(),
  level: z.enum(needLevels),
  positions: z.number().int(),
  location: z.string().nullable(),
  workplace: z.enum(workplaces),
  degreeRequired: z.boolean(),
  degreeLevel: z.enum(degreeLevels).nullable(),
  description: z.string().nullable(),
  recruitingCalendar: z.array(z.object({ kind: z.enum(recruitingWindowKinds), label: z.string().nullable(), startsOn: isoDate, endsOn: isoDate })),
  /** The skill names, as given when created. */
  skills: z.array(z.string()),
  skillRequirements: z.array(skillRequirementDto),
  /** E.g. a degree requirement the skills do not call for (Chapter 3, factor 3). */
  flags: z.array(flagDto),
  externalId: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type HiringNeedDto = z.infer<typeof hiringNeedDto>;

export const hiringNeedListQuery = listQuery.extend({
  employerId: uuid.optional(),
  soc: socCode.optional(),
  skillId: z.string().max(200).optional(),
  level: z.enum(needLevels).optional(),
});
export type HiringNeedListQuery = z.infer<typeof hiringNeedListQuery>;

/** An employer's profile of a qualified candidate: every skill across its needs, weighted. */
export const candidateProfileDto = z.object({
  employerId: uuid,
  employerName: z.string(),
  needs: z.number().int(),
  positions: z.number().int(),
  degreeRequiredPositions: z.number().int(),
  hardSkills: z.array(z.object({ skillId: z.string(), name: z.string(), kind: skillKindSchema, level: z.enum(skillLevels).nullable(), weight: z.number(), needIds: z.array(uuid) })),
  softSkills: z.array(z.object({ skillId: z.string(), name: z.string(), kind: skillKindSchema, level: z.enum(skillLevels).nullable(), weight: z.number(), needIds: z.array(uuid) })),
  recruitingCalendar: z.array(z.object({ needId: uuid, title: z.string(), kind: z.enum(recruitingWindowKinds), label: z.string().nullable(), startsOn: isoDate, endsOn: isoDate })),
  flags: z.array(flagDto.extend({ needId: uuid })),
});
export type CandidateProfileDto = z.infer<typeof candidateProfileDto>;
