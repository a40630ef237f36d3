import { z } from 'zod';
import { isoDateTime, listQuery, optionalText, requiredText, uuid } from './common.contract.js';
import { skillNames, skillRefDto } from './skills.contract.js';

export const proposalStatuses = ['open', 'under_review', 'adopted', 'declined'] as const;
export const proposalStatusSchema = z.enum(proposalStatuses);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

/**
 * open → under_review → adopted | declined (a proposal may also be declined while open, or go
 * back from review to open). Adopting an open proposal passes through review, and both steps are
 * recorded. Adopted and declined are final.
 */
export const proposalTransitions: Record<ProposalStatus, ProposalStatus[]> = {
  open: ['under_review', 'declined', 'adopted'],
  under_review: ['open', 'adopted', 'declined'],
  adopted: [],
  declined: [],
};

const proposalFields = {
  title: requiredText(200),
  summary: requiredText(4000),
  /** What changes, in detail. */
  details: optionalText(8000),
  skillsAdded: skillNames(40),
  skillsRemoved: skillNames(40),
  /** E.g. "Fall 2026". */
  targetTerm: requiredText(60),
  /** The course it changes; needed by the time it is adopted. */
  courseId: uuid.nullish(),
  /** Hiring needs the change answers. */
  hiringNeedIds: z.array(uuid).max(20),
};

export const proposalCreateInput = z.object({
  ...proposalFields,
  skillsAdded: proposalFields.skillsAdded.default([]),
  skillsRemoved: proposalFields.skillsRemoved.default([]),
  hiringNeedIds: proposalFields.hiringNeedIds.default([]),
  /** Defaults to the course's institution, else the author's own. */
  institutionId: uuid.nullish(),
});
export type ProposalCreateInput = z.infer<typeof proposalCreateInput>;

export const proposalUpdateInput = z
  .object({
    ...proposalFields,
    status: proposalStatusSchema,
    /** The owner's official answer that goes with a status change; posted as an official comment. */
    statusNote: optionalText(8000),
  })
  .partial();
export type ProposalUpdateInput = z.infer<typeof proposalUpdateInput>;

export const proposalDto = z.object({
  id: uuid,
  institutionId: uuid,
  institutionName: z.string(),
  courseId: uuid.nullable(),
  course: z.object({ id: uuid, title: z.string(), code: z.string().nullable(), programId: uuid, programTitle: z.string() }).nullable(),
  author: z.object({ personId: uuid, name: z.string() }).nullable(),
  title: z.string(),
  summary: z.string(),
  details: z.string().nullable(),
  skillsAdded: z.array(z.string()),
  skillsRemoved: z.array(z.string()),
  skillRefs: z.object({ added: z.array(skillRefDto), removed: z.array(skillRefDto) }),
  targetTerm: z.string(),
  status: proposalStatusSchema,
  hiringNeeds: z.array(z.object({ id: uuid, title: z.string(), employerName: z.string() })),
  comments: z.number().int(),
  averageRelevance: z.number().nullable(),
  followers: z.number().int(),
  /** Whether the signed-in member follows it. */
  following: z.boolean(),
  /** The course skill version adopting it created. */
  adoptedVersion: z.number().int().nullable(),
  decidedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ProposalDto = z.infer<typeof proposalDto>;

export const proposalDetailDto = proposalDto.extend({
  statusHistory: z.array(z.object({ from: proposalStatusSchema, to: proposalStatusSchema, by: z.object({ personId: uuid, name: z.string() }).nullable(), note: z.string().nullable(), at: isoDateTime })),
});
export type ProposalDetailDto = z.infer<typeof proposalDetailDto>;

export const proposalListQuery = listQuery.extend({
  status: proposalStatusSchema.optional(),
  institutionId: uuid.optional(),
  courseId: uuid.optional(),
  skillId: z.string().max(200).optional(),
  following: z.enum(['true']).optional(),
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

export const commentCreateInput = z.object({
  body: requiredText(8000),
  /** How relevant the change is to industry: 1 (not) … 5 (essential). */
  relevance: z.number().int().min(1).max(5).nullish(),
  proposedSkills: skillNames(20).default([]),
  /** The faculty owner's official answer. */
  official: z.boolean().default(false),
});
export type CommentCreateInput = z.infer<typeof commentCreateInput>;

export const commentDto = z.object({
  id: uuid,
  proposalId: uuid,
  author: z.object({ personId: uuid, name: z.string(), organizationName: z.string().nullable() }).nullable(),
  body: z.string(),
  relevance: z.number().int().nullable(),
  proposedSkills: z.array(z.string()),
  official: z.boolean(),
  createdAt: isoDateTime,
});
export type CommentDto = z.infer<typeof commentDto>;

export const followDto = z.object({ following: z.boolean(), followers: z.number().int() });
