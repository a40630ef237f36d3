import { z } from 'zod';
import { isoDateTime, listQuery, optionalText, organizationTypeSchema, requiredText, roleSchema, uuid } from './common.contract.js';

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .transform((v) => (v === '' ? null : v))
  .pipe(z.email('Enter a valid e-mail address').nullable())
  .nullish();

const personFields = z.object({
  name: requiredText(200),
  title: optionalText(200),
  organizationId: uuid.nullish(),
  email: optionalEmail,
  phone: optionalText(40),
  roles: z.array(roleSchema).max(9),
  externalId: optionalText(100),
});
export const personCreateInput = personFields.extend({ roles: personFields.shape.roles.default([]) });
export type PersonCreateInput = z.input<typeof personCreateInput>;
// No defaults here: a patch that leaves a field out must leave it alone (Zod applies defaults inside .partial()).
export const personUpdateInput = personFields.partial();
export type PersonUpdateInput = z.infer<typeof personUpdateInput>;

export const personDto = z.object({
  id: uuid,
  name: z.string(),
  title: z.string().nullable(),
  organizationId: uuid.nullable(),
  organizationName: z.string().nullable(),
  organizationType: organizationTypeSchema.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(roleSchema),
  hasAccount: z.boolean(),
  externalId: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type PersonDto = z.infer<typeof personDto>;

export const personListQuery = listQuery.extend({
  role: roleSchema.optional(),
  organizationId: uuid.optional(),
  organizationType: organizationTypeSchema.optional(),
});
export type PersonListQuery = z.infer<typeof personListQuery>;
