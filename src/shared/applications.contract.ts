import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, uuid } from './common.contract.js';
import { opportunityKindSchema } from './opportunities.contract.js';

/** CONTRACT statuses. */
export const applicationStatuses = ['applied', 'interviewing', 'offered', 'placed', 'completed', 'hired', 'declined', 'withdrawn'] as const;
export const applicationStatusSchema = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

/**
 * Which moves are allowed. A job goes from offered straight to hired; every other kind is placed
 * first, so "placed" is recorded for every internship that counts as a placement.
 */
export const applicationTransitions: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  applied: ['interviewing', 'offered', 'declined', 'withdrawn'],
  interviewing: ['offered', 'declined', 'withdrawn'],
  offered: ['placed', 'hired', 'declined', 'withdrawn'],
  placed: ['completed', 'hired', 'withdrawn'],
  completed: ['hired'],
  hired: [],
  declined: [],
  withdrawn: [],
};
/** Reached an offer (the selection the fairness view measures). */
export const offeredOrBeyond: readonly ApplicationStatus[] = ['offered', 'placed', 'completed', 'hired'];
/** Counted as a placement (CONTRACT metric internship_placements). */
export const placedOrBeyond: readonly ApplicationStatus[] = ['placed', 'completed', 'hired'];

export const hireTypes = ['part_time', 'full_time'] as const;
export const hireTypeSchema = z.enum(hireTypes);

export const applicationCreateInput = z.object({
  studentId: uuid,
  opportunityId: uuid,
  /** A note to the host (cover letter). */
  note: optionalText(4000),
});
export type ApplicationCreateInput = z.input<typeof applicationCreateInput>;

export const applicationUpdateInput = z.object({
  status: applicationStatusSchema,
  /** Why, for the history (e.g. "offer declined by the student"). */
  note: optionalText(1000),
  /** Required when the status becomes hired. */
  hireType: hireTypeSchema.nullish(),
});
export type ApplicationUpdateInput = z.infer<typeof applicationUpdateInput>;

export const statusChangeDto = z.object({
  fromStatus: applicationStatusSchema.nullable(),
  toStatus: applicationStatusSchema,
  at: isoDateTime,
  byUserId: uuid.nullable(),
  byName: z.string().nullable(),
  note: z.string().nullable(),
});
export type StatusChangeDto = z.infer<typeof statusChangeDto>;

export const placementInput = z.object({
  supervisorName: optionalText(200),
  supervisorEmail: z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid e-mail address')).nullish(),
  startedOn: isoDate.nullish(),
  endedOn: isoDate.nullish(),
  hoursCompleted: z.number().min(0).max(5000).nullish(),
});
export type PlacementInput = z.infer<typeof placementInput>;

export const placementDto = z.object({
  supervisorName: z.string().nullable(),
  supervisorEmail: z.string().nullable(),
  startedOn: isoDate.nullable(),
  endedOn: isoDate.nullable(),
  hoursCompleted: z.number(),
  signedOffAt: isoDateTime.nullable(),
  signedOffBy: z.string().nullable(),
  /** hired_part_time / hired_full_time once converted; not_hired once completed without an offer. */
  outcome: z.enum(['hired_part_time', 'hired_full_time', 'not_hired']).nullable(),
});
export type PlacementDto = z.infer<typeof placementDto>;

export const applicationDto = z.object({
  id: uuid,
  studentId: uuid,
  studentName: z.string(),
  opportunityId: uuid,
  opportunityTitle: z.string(),
  opportunityKind: opportunityKindSchema,
  employerId: uuid,
  employerName: z.string(),
  status: applicationStatusSchema,
  note: z.string().nullable(),
  history: z.array(statusChangeDto),
  placement: placementDto.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ApplicationDto = z.infer<typeof applicationDto>;

export const applicationListQuery = listQuery.extend({
  status: applicationStatusSchema.optional(),
  opportunityId: uuid.optional(),
  studentId: uuid.optional(),
  employerId: uuid.optional(),
  kind: opportunityKindSchema.optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;

/** The Coordinator's funnel: how many applications reached each stage. */
export const funnelQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: opportunityKindSchema.optional(),
  employerId: uuid.optional(),
});
export const funnelDto = z.object({
  year: z.number().int().nullable(),
  stages: z.array(z.object({ status: applicationStatusSchema, current: z.number().int(), reached: z.number().int() })),
  placed: z.number().int(),
  hired: z.number().int(),
  /** hired ÷ placed, one decimal percent; null when nobody was placed. */
  conversionPercent: z.number().nullable(),
});
export type FunnelDto = z.infer<typeof funnelDto>;

/** Selection rates by group, application → offer; counts under 10 are suppressed. */
export const fairnessGroupDto = z.object({
  attribute: z.string(),
  group: z.enum(['yes', 'no', 'not_reported']),
  applicants: z.number().int().nullable(),
  offered: z.number().int().nullable(),
  selectionRate: z.number().nullable(),
  /** This group's rate ÷ the highest rate among the attribute's groups. */
  impactRatio: z.number().nullable(),
  suppressed: z.boolean(),
  /** Impact ratio under 0.8: the four-fifths rule of thumb for adverse impact. */
  fourFifthsFlag: z.boolean(),
});
export const fairnessDto = z.object({
  year: z.number().int().nullable(),
  minimumCount: z.number().int(),
  groups: z.array(fairnessGroupDto),
});
export type FairnessDto = z.infer<typeof fairnessDto>;
