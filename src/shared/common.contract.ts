import { z } from 'zod';

/** Shapes every room shares: ids, lists, problems. Used by the API's schemas and the web's forms. */
export const uuid = z.uuid();
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

export const roles = [
  'coordinator',
  'leadership_council',
  'initiative_leader',
  'facilitator',
  'volunteer',
  'champion',
  'point_of_contact',
  'member',
  'student',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const organizationTypes = ['employer', 'k12', 'college', 'university', 'nonprofit', 'funder', 'government', 'intermediary'] as const;
export const organizationTypeSchema = z.enum(organizationTypes);
export type OrganizationType = z.infer<typeof organizationTypeSchema>;

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ProblemBody = z.infer<typeof problemSchema>;

export const slugParams = z.object({ slug: z.string().min(1).max(63) });
export const idParams = slugParams.extend({ id: uuid });

/** Optional text a form may leave empty: '' becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullish();

export const requiredText = (max: number) => z.string().trim().min(1, 'Required').max(max);

export const okSchema = z.object({ ok: z.literal(true) });
