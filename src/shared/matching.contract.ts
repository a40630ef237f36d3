import { z } from 'zod';
import { isoDate, uuid } from './common.contract.js';
import { applicationStatusSchema } from './applications.contract.js';
import { opportunityKindSchema } from './opportunities.contract.js';

/**
 * Ranked matches. score (0–100) = 70 × the importance-weighted share of the opportunity's skills the
 * student has (a declared-only skill counts 0.8, an evidenced one 1) + 20 for the same pathway
 * + 10 when the schedule fits (5 when either side did not say). Ineligible pairs (audience, age,
 * closed or past deadline) are left out. Each item says why in `reasons`.
 */
/**
 * What a reason says, as a code with its params, so a page can say it in its own language
 * (`message` is the same sentence in English, kept as it was).
 */
export const matchReasonCodes = [
  'skills_matched', // params: matched, required, skills
  'skills_evidenced', // params: skills
  'same_pathway', // params: pathway
  'hours_fit', // params: studentHours, neededHours
  'available_at_start',
  'hours_short', // params: studentHours, neededHours
  'not_available_by_start',
  'schedule_unknown',
  'eligible', // params: audiences (codes; empty: every student), minimumAge (or null)
] as const;
export type MatchReasonCode = (typeof matchReasonCodes)[number];
export const matchReasonParams = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()]));
export const matchReasonDto = z.object({
  kind: z.enum(['skills', 'evidence', 'pathway', 'schedule', 'eligibility']),
  message: z.string(),
  skills: z.array(z.string()).optional(),
  code: z.enum(matchReasonCodes),
  params: matchReasonParams,
});
export type MatchReasonDto = z.infer<typeof matchReasonDto>;

export const matchQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type MatchQuery = z.infer<typeof matchQuery>;

export const matchDto = z.object({
  opportunityId: uuid,
  title: z.string(),
  kind: opportunityKindSchema,
  employerId: uuid,
  employerName: z.string(),
  startsOn: isoDate.nullable(),
  applicationDeadline: isoDate.nullable(),
  score: z.number(),
  reasons: z.array(matchReasonDto),
  missingSkills: z.array(z.string()),
  applied: z.boolean(),
});
export type MatchDto = z.infer<typeof matchDto>;

export const candidateQuery = matchQuery.extend({
  /** Degree-blind by default: institution and graduation year only when asked for (audited). */
  showCredentials: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export type CandidateQuery = z.infer<typeof candidateQuery>;

export const candidateDto = z.object({
  studentId: uuid,
  name: z.string(),
  pathway: z.string().nullable(),
  score: z.number(),
  reasons: z.array(matchReasonDto),
  missingSkills: z.array(z.string()),
  applicationStatus: applicationStatusSchema.nullable(),
  /** Null unless ?showCredentials=true. */
  credentials: z.object({ institutionName: z.string(), graduationYear: z.number().int().nullable() }).nullable(),
});
export type CandidateDto = z.infer<typeof candidateDto>;
