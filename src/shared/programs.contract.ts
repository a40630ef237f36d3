import { z } from 'zod';
import { isoDateTime, listQuery, optionalText, requiredText, uuid } from './common.contract.js';
import { skillNames, skillRefDto } from './skills.contract.js';

export const awardLevels = ['k12_pathway', 'certificate', 'associate', 'bachelor', 'non_credit', 'boot_camp'] as const;
export const awardLevelSchema = z.enum(awardLevels);
/** Award levels whose completers enter the labor market (K-12 pathways feed the pipeline instead). */
export const postsecondaryAwardLevels = ['certificate', 'associate', 'bachelor', 'non_credit', 'boot_camp'] as const;

export const cipCode = z.string().trim().regex(/^\d{2}\.\d{4}$/, 'A CIP 2020 code such as 11.0701');

const year = z.number().int().min(1990).max(2100);
export const programOutcomeInput = z.object({
  year,
  enrollment: z.number().int().min(0).max(10_000_000).nullish(),
  completions: z.number().int().min(0).max(10_000_000).nullish(),
  source: optionalText(300),
});

export const courseFields = {
  code: optionalText(40),
  title: requiredText(200),
  description: optionalText(4000),
  annualEnrollment: z.number().int().min(0).max(1_000_000).nullish(),
  skills: skillNames(60),
};
export const courseCreateInput = z.object({ ...courseFields, skills: courseFields.skills.default([]) });
export type CourseCreateInput = z.infer<typeof courseCreateInput>;
export const courseUpdateInput = z.object({ ...courseFields, note: optionalText(500) }).partial();
export type CourseUpdateInput = z.infer<typeof courseUpdateInput>;

const programFields = {
  institutionId: uuid,
  title: requiredText(200),
  cip: cipCode.nullish(),
  awardLevel: awardLevelSchema,
  pathway: optionalText(200),
  description: optionalText(4000),
  techFocused: z.boolean(),
  specialtySkillClass: z.boolean(),
  partnerIds: z.array(uuid).max(20),
  outcomes: z
    .array(programOutcomeInput)
    .max(50)
    .refine((list) => new Set(list.map((o) => o.year)).size === list.length, 'A year is listed twice'),
  externalId: optionalText(100),
};
export const programCreateInput = z.object({
  ...programFields,
  techFocused: programFields.techFocused.default(false),
  specialtySkillClass: programFields.specialtySkillClass.default(false),
  partnerIds: programFields.partnerIds.default([]),
  outcomes: programFields.outcomes.default([]),
  /** Courses created with the program, each with the skills it teaches. */
  courses: z.array(courseCreateInput).max(100).default([]),
});
export type ProgramCreateInput = z.infer<typeof programCreateInput>;
/** outcomes and partnerIds, when given, replace the lists. */
export const programUpdateInput = z.object(programFields).partial();
export type ProgramUpdateInput = z.infer<typeof programUpdateInput>;

export const outcomeDto = z.object({ year: z.number().int(), enrollment: z.number().int().nullable(), completions: z.number().int().nullable(), source: z.string().nullable() });

export const courseDto = z.object({
  id: uuid,
  programId: uuid,
  programTitle: z.string(),
  institutionId: uuid,
  institutionName: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  annualEnrollment: z.number().int().nullable(),
  skills: z.array(z.string()),
  skillRefs: z.array(skillRefDto),
  /** The version of its skills in force: GET …/courses/{id}/versions has them all. */
  skillsVersion: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CourseDto = z.infer<typeof courseDto>;

export const programDto = z.object({
  id: uuid,
  institutionId: uuid,
  institutionName: z.string(),
  title: z.string(),
  cip: z.string().nullable(),
  cipTitle: z.string().nullable(),
  awardLevel: awardLevelSchema,
  pathway: z.string().nullable(),
  description: z.string().nullable(),
  techFocused: z.boolean(),
  specialtySkillClass: z.boolean(),
  partners: z.array(z.object({ id: uuid, name: z.string() })),
  outcomes: z.array(outcomeDto),
  latestOutcome: outcomeDto.nullable(),
  courses: z.array(courseDto.omit({ programTitle: true, institutionId: true, institutionName: true })),
  /** Every skill its courses teach. */
  skills: z.array(z.string()),
  /** Occupations (SOC 2018) the program leads to through the CIP→SOC crosswalk. */
  occupations: z.array(z.object({ soc: z.string(), title: z.string() })),
  externalId: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ProgramDto = z.infer<typeof programDto>;

export const programListQuery = listQuery.extend({
  institutionId: uuid.optional(),
  awardLevel: awardLevelSchema.optional(),
  cip: cipCode.optional(),
  skillId: z.string().max(200).optional(),
  soc: z.string().regex(/^\d{2}-\d{4}$/).optional(),
});
export type ProgramListQuery = z.infer<typeof programListQuery>;

export const courseListQuery = listQuery.extend({
  programId: uuid.optional(),
  institutionId: uuid.optional(),
  skillId: z.string().max(200).optional(),
});
export type CourseListQuery = z.infer<typeof courseListQuery>;

export const courseVersionDto = z.object({
  version: z.number().int(),
  skills: z.array(z.string()),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  note: z.string().nullable(),
  changedBy: z.object({ personId: uuid, name: z.string() }).nullable(),
  createdAt: isoDateTime,
  /** The adopted curriculum proposal behind this version, with the feedback that led to it. */
  proposal: z
    .object({ id: uuid, title: z.string(), status: z.string(), comments: z.number().int(), averageRelevance: z.number().nullable() })
    .nullable(),
  /** Demand behind each added skill when the change was adopted: the hiring needs and the gap then. */
  evidence: z.array(z.object({ skillId: z.string(), skill: z.string(), demand: z.number(), supply: z.number(), gap: z.number(), needIds: z.array(uuid) })),
});
export type CourseVersionDto = z.infer<typeof courseVersionDto>;
