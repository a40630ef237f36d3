import { z } from 'zod';
import { isoDateTime, optionalText, requiredText, uuid } from './common.contract.js';

export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'At least 3 characters')
  .max(63)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lowercase letters, digits and single hyphens');

const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone');

export const coalitionCreateInput = z.object({
  slug,
  name: requiredText(200),
  region: requiredText(200),
  timeZone: timeZone.default('America/Los_Angeles'),
  mission: optionalText(2000),
});
export type CoalitionCreateInput = z.input<typeof coalitionCreateInput>;

export const coalitionUpdateInput = z
  .object({ name: requiredText(200), region: requiredText(200), timeZone, mission: optionalText(2000) })
  .partial();
export type CoalitionUpdateInput = z.infer<typeof coalitionUpdateInput>;

export const coalitionDto = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  region: z.string(),
  timeZone: z.string(),
  mission: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CoalitionDto = z.infer<typeof coalitionDto>;
