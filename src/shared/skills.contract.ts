import { z } from 'zod';

/**
 * Skills at the API edge: rooms take skill *names* (as partners and CSV files write them) and
 * store the labor-market skill ids (onet:…, tech:…, skill:…). Names match case-insensitively.
 */
export const skillKinds = ['hard', 'soft', 'technology', 'knowledge'] as const;
export const skillKindSchema = z.enum(skillKinds);

export const skillName = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(120)
  .transform((v) => v.replace(/\s+/g, ' '));

/** A list of skill names without duplicates (case-insensitively). */
export const skillNames = (max: number) =>
  z
    .array(skillName)
    .max(max)
    .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'A skill is listed twice');

export const skillRefDto = z.object({ id: z.string(), name: z.string(), kind: skillKindSchema });
export type SkillRefDto = z.infer<typeof skillRefDto>;

export const skillSearchQuery = z.object({
  q: z.string().trim().max(120).optional(),
  kind: skillKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SkillSearchQuery = z.infer<typeof skillSearchQuery>;
