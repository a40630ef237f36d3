import { z } from 'zod';
import { isoDateTime, listQuery, organizationTypeSchema, uuid } from './common.contract.js';

/** The data-sharing agreement members accept on joining (version recorded with each acceptance). */
export const DATA_SHARING_AGREEMENT_VERSION = '2026-1';

export const onboardingCheckKeys = ['points_of_contact', 'needs_or_programs', 'first_meeting', 'data_sharing'] as const;
export const onboardingCheckSchema = z.enum(onboardingCheckKeys);
export type OnboardingCheckKey = z.infer<typeof onboardingCheckSchema>;

export const onboardingCheckDto = z.object({
  key: onboardingCheckSchema,
  /** False when the check does not apply to this kind of member (e.g. hiring needs for a funder). */
  applicable: z.boolean(),
  done: z.boolean(),
});
export const onboardingDto = z.object({
  organizationId: uuid,
  organizationName: z.string(),
  organizationType: organizationTypeSchema,
  joinedAt: isoDateTime,
  checks: z.array(onboardingCheckDto),
  done: z.number().int(),
  applicable: z.number().int(),
  /** Whole percent of the applicable checks that are done. */
  progress: z.number().int(),
  dataSharingAcceptedAt: isoDateTime.nullable(),
});
export type OnboardingDto = z.infer<typeof onboardingDto>;
export const onboardingListQuery = listQuery;
export type OnboardingListQuery = z.infer<typeof onboardingListQuery>;
export const onboardingParams = z.object({ slug: z.string().min(1).max(63), organizationId: uuid });
