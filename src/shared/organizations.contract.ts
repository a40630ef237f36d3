import { z } from 'zod';
import { isoDateTime, listQuery, optionalText, organizationTypeSchema, requiredText, uuid } from './common.contract.js';

/** Subtypes the paper names; free text is allowed for others. */
export const organizationSubtypes = [
  'school_district',
  'high_school',
  'community_college',
  'university',
  'research_university',
  'consortium',
  'chamber_of_commerce',
  'foundation',
  'bank',
  'state_agency',
  'city_office',
  'tech_company',
  'enterprise',
] as const;

const website = z
  .string()
  .trim()
  .max(500)
  .transform((v) => (v === '' ? null : v))
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address starting with http:// or https://' }).nullable())
  .nullish();

export const organizationCreateInput = z.object({
  name: requiredText(200),
  type: organizationTypeSchema,
  subtype: optionalText(60),
  website,
  address: optionalText(500),
  description: optionalText(4000),
  externalId: optionalText(100),
});
export type OrganizationCreateInput = z.input<typeof organizationCreateInput>;
export const organizationUpdateInput = organizationCreateInput.partial();
export type OrganizationUpdateInput = z.infer<typeof organizationUpdateInput>;

export const contactDto = z.object({ personId: uuid, name: z.string(), title: z.string().nullable(), email: z.string().nullable() });

export const organizationDto = z.object({
  id: uuid,
  name: z.string(),
  type: organizationTypeSchema,
  subtype: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  externalId: z.string().nullable(),
  pointsOfContact: z.array(contactDto),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type OrganizationDto = z.infer<typeof organizationDto>;

export const organizationListQuery = listQuery.extend({
  type: organizationTypeSchema.optional(),
  subtype: z.string().max(60).optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuery>;
