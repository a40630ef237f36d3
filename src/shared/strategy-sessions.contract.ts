import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, organizationTypeSchema, requiredText, uuid } from './common.contract.js';

/**
 * The strategy session (roadmap Phase 1, Step 3): members record their organizations' priorities,
 * propose initiatives (initiatives with this session's id, status `proposed`), rank them, and the
 * adopted ranking becomes each initiative's priorityRank.
 */
export const strategySessionStatuses = ['open', 'adopted'] as const;

export const strategySessionCreateInput = z.object({
  title: requiredText(200),
  heldOn: isoDate,
  notes: optionalText(4000),
});
export type StrategySessionCreateInput = z.input<typeof strategySessionCreateInput>;
export const strategySessionUpdateInput = strategySessionCreateInput.partial();
export type StrategySessionUpdateInput = z.infer<typeof strategySessionUpdateInput>;

export const strategySessionDto = z.object({
  id: uuid,
  title: z.string(),
  heldOn: isoDate,
  notes: z.string().nullable(),
  status: z.enum(strategySessionStatuses),
  adoptedAt: isoDateTime.nullable(),
  priorities: z.number().int(),
  proposals: z.number().int(),
  ballots: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type StrategySessionDto = z.infer<typeof strategySessionDto>;
export const strategySessionListQuery = listQuery;

/** candidate_profile: an employer's profile of a qualified candidate; preparation_need: what a school
 * must prepare students for; wbl_timing: when faculty can fit work-based learning into courses. */
export const priorityKinds = ['candidate_profile', 'preparation_need', 'wbl_timing', 'other'] as const;
export const priorityKindSchema = z.enum(priorityKinds);

const priorityFields = z.object({
  /** Defaults to the author's own organization; only the Coordinator or Council record for others. */
  organizationId: uuid,
  kind: priorityKindSchema,
  title: requiredText(200),
  details: optionalText(4000),
  /** Skill names or ids from the labor-market skills. */
  skills: z.array(z.string().trim().min(1).max(200)).max(50),
});
export const priorityCreateInput = priorityFields.extend({ organizationId: uuid.optional(), skills: priorityFields.shape.skills.default([]) });
export type PriorityCreateInput = z.input<typeof priorityCreateInput>;
export const priorityUpdateInput = priorityFields.omit({ organizationId: true }).partial();
export type PriorityUpdateInput = z.infer<typeof priorityUpdateInput>;

export const priorityDto = z.object({
  id: uuid,
  sessionId: uuid,
  organization: z.object({ id: uuid, name: z.string(), type: organizationTypeSchema }),
  author: z.object({ personId: uuid, name: z.string() }).nullable(),
  kind: priorityKindSchema,
  title: z.string(),
  details: z.string().nullable(),
  skills: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type PriorityDto = z.infer<typeof priorityDto>;
export const priorityListQuery = listQuery.extend({ kind: priorityKindSchema.optional(), organizationId: uuid.optional() });
export type PriorityListQuery = z.infer<typeof priorityListQuery>;
export const priorityParams = z.object({ slug: z.string().min(1).max(63), id: uuid, priorityId: uuid });

/** A member's ranking, most important first; it replaces their earlier one. */
export const ballotInput = z.object({
  initiativeIds: z
    .array(uuid)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, 'Each initiative may be ranked once'),
});
export type BallotInput = z.infer<typeof ballotInput>;
export const ballotDto = z.object({ sessionId: uuid, personId: uuid, initiativeIds: z.array(uuid), castAt: isoDateTime.nullable() });
export type BallotDto = z.infer<typeof ballotDto>;

export const rankedInitiativeDto = z.object({
  rank: z.number().int(),
  initiativeId: uuid,
  title: z.string(),
  category: z.string(),
  /** Borda points: on a ballot, rank r of n proposals earns n − r + 1; unranked earns 0. */
  points: z.number().int(),
  firstChoices: z.number().int(),
  ballots: z.number().int(),
  averageRank: z.number().nullable(),
  owner: z.object({ personId: uuid, name: z.string() }).nullable(),
  strategicPriorities: z.array(z.string()),
  recommendations: z.array(z.number().int()),
  /** Member organizations on the initiative's team, each with its points of contact (empty: none yet). */
  organizations: z.array(z.object({ organizationId: uuid, organizationName: z.string(), pointsOfContact: z.array(z.object({ personId: uuid, name: z.string() })) })),
  adoptedRank: z.number().int().nullable(),
});
export type RankedInitiativeDto = z.infer<typeof rankedInitiativeDto>;

export const sessionResultsDto = z.object({
  sessionId: uuid,
  status: z.enum(strategySessionStatuses),
  ballots: z.number().int(),
  items: z.array(rankedInitiativeDto),
  /** What was heard: priorities per kind. */
  priorities: z.array(z.object({ kind: priorityKindSchema, count: z.number().int() })),
});
export type SessionResultsDto = z.infer<typeof sessionResultsDto>;
