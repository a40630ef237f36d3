import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, organizationTypeSchema, requiredText, roleSchema, uuid } from './common.contract.js';
import { seatSchema } from './coverage.contract.js';

export const prospectStages = ['identified', 'contacted', 'in_conversation', 'committed', 'member', 'declined'] as const;
export const prospectStageSchema = z.enum(prospectStages);
export type ProspectStage = z.infer<typeof prospectStageSchema>;

/** Roles a recruited organization's people may be invited with (the Coordinator's and students' are not handed out here). */
export const prospectContactRoles = roleSchema.exclude(['coordinator', 'student']);

export const prospectCreateInput = z.object({
  name: requiredText(200),
  type: organizationTypeSchema,
  stage: prospectStageSchema.default('identified'),
  website: optionalText(500),
  notes: optionalText(4000),
  ownerId: uuid.nullish(),
  nextStep: optionalText(500),
  nextStepOn: isoDate.nullish(),
});
export type ProspectCreateInput = z.input<typeof prospectCreateInput>;
export const prospectUpdateInput = prospectCreateInput.partial().extend({ stage: prospectStageSchema.optional() });
export type ProspectUpdateInput = z.infer<typeof prospectUpdateInput>;

export const prospectContactInput = z.object({
  name: requiredText(200),
  title: optionalText(200),
  email: z.email().max(320).nullish().or(z.literal('').transform(() => null)),
  seat: seatSchema.nullish(),
  roles: z.array(prospectContactRoles).max(8).default(['member']),
  decisionMaker: z.boolean().default(false),
});
export type ProspectContactInput = z.input<typeof prospectContactInput>;

export const prospectContactDto = z.object({
  id: uuid,
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  seat: seatSchema.nullable(),
  roles: z.array(roleSchema),
  decisionMaker: z.boolean(),
  personId: uuid.nullable(),
});
export type ProspectContactDto = z.infer<typeof prospectContactDto>;

export const prospectDto = z.object({
  id: uuid,
  name: z.string(),
  type: organizationTypeSchema,
  stage: prospectStageSchema,
  website: z.string().nullable(),
  notes: z.string().nullable(),
  ownerId: uuid.nullable(),
  ownerName: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextStepOn: isoDate.nullable(),
  illustrative: z.boolean(),
  organizationId: uuid.nullable(),
  contacts: z.array(prospectContactDto),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ProspectDto = z.infer<typeof prospectDto>;

export const prospectListQuery = listQuery.extend({ stage: prospectStageSchema.optional() });
export type ProspectListQuery = z.infer<typeof prospectListQuery>;

export const prospectActivityKinds = ['call', 'email', 'meeting', 'event', 'note', 'stage_change'] as const;
export const prospectActivityInput = z.object({
  occurredOn: isoDate,
  kind: z.enum(prospectActivityKinds).exclude(['stage_change']),
  summary: requiredText(2000),
});
export type ProspectActivityInput = z.infer<typeof prospectActivityInput>;
export const prospectActivityDto = z.object({
  id: uuid,
  occurredOn: isoDate,
  kind: z.enum(prospectActivityKinds),
  summary: z.string(),
  byPersonId: uuid.nullable(),
  byName: z.string().nullable(),
  createdAt: isoDateTime,
});
export type ProspectActivityDto = z.infer<typeof prospectActivityDto>;

/** The pipeline at a glance: how many prospects are at each stage. */
export const pipelineSummaryDto = z.object({ stages: z.array(z.object({ stage: prospectStageSchema, count: z.number().int() })) });
export type PipelineSummaryDto = z.infer<typeof pipelineSummaryDto>;

export const prospectContactParams = z.object({ slug: z.string().min(1).max(63), id: uuid, contactId: uuid });
