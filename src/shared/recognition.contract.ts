import { z } from 'zod';
import { isoDateTime, optionalText, uuid } from './common.contract.js';
import { yearSchema } from './metrics.contract.js';

/**
 * The Community Partner Recognition Program (Recommendation #1): criteria per member type from
 * the paper, with configurable weights, full-credit thresholds and tiers. Scores are computed from
 * records; a round opens nominations, the review committee (Leadership Council) decides, and each
 * award has a certificate (PDF) and a public Open Badges 3.0 credential.
 */
export const criterionKeys = ['placements', 'students_impacted', 'participants_volunteers', 'meeting_attendance', 'engagements', 'dollars_invested', 'specialty_skill_classes', 'certificate_programs'] as const;
export const criterionKeySchema = z.enum(criterionKeys);
export type CriterionKey = z.infer<typeof criterionKeySchema>;
export const memberTypes = ['employer', 'education'] as const;
export const memberTypeSchema = z.enum(memberTypes);
export type MemberType = z.infer<typeof memberTypeSchema>;
export const tiers = ['gold', 'silver', 'bronze'] as const;
export const tierSchema = z.enum(tiers);
export type Tier = z.infer<typeof tierSchema>;

export const criterionConfig = z.object({
  key: criterionKeySchema,
  memberTypes: z.array(memberTypeSchema).min(1),
  weight: z.number().min(0).max(100),
  /** The value that earns the criterion's full weight (less earns a share). */
  fullCreditAt: z.number().positive().max(1e9),
});
export const programConfig = z
  .object({
    name: z.string().trim().min(1).max(200),
    criteria: z.array(criterionConfig).min(1),
    /** Minimum score (0–100) for each tier. */
    tiers: z.array(z.object({ tier: tierSchema, minScore: z.number().min(0).max(100) })).min(1),
  })
  .superRefine((c, ctx) => {
    const keys = c.criteria.map((k) => k.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'Each criterion once' });
    const ts = c.tiers.map((t) => t.tier);
    if (new Set(ts).size !== ts.length) ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'Each tier once' });
  });
export type ProgramConfig = z.infer<typeof programConfig>;

export const defaultProgram = (coalitionName: string): ProgramConfig => ({
  name: `${coalitionName} Community Partner Recognition Program`,
  criteria: [
    { key: 'placements', memberTypes: ['employer', 'education'], weight: 3, fullCreditAt: 10 },
    { key: 'students_impacted', memberTypes: ['employer', 'education'], weight: 2, fullCreditAt: 20 },
    { key: 'participants_volunteers', memberTypes: ['employer', 'education'], weight: 1, fullCreditAt: 5 },
    { key: 'meeting_attendance', memberTypes: ['employer', 'education'], weight: 1, fullCreditAt: 6 },
    { key: 'engagements', memberTypes: ['employer'], weight: 2, fullCreditAt: 4 },
    { key: 'dollars_invested', memberTypes: ['employer'], weight: 2, fullCreditAt: 25_000 },
    { key: 'specialty_skill_classes', memberTypes: ['education'], weight: 2, fullCreditAt: 2 },
    { key: 'certificate_programs', memberTypes: ['education'], weight: 2, fullCreditAt: 2 },
  ],
  tiers: [
    { tier: 'gold', minScore: 75 },
    { tier: 'silver', minScore: 50 },
    { tier: 'bronze', minScore: 25 },
  ],
});

export const scoreQuery = z.object({ year: yearSchema.optional() });
export const criterionScoreDto = z.object({ key: criterionKeySchema, value: z.number().nullable(), weight: z.number(), fullCreditAt: z.number(), points: z.number(), noData: z.boolean() });
export const scoreDto = z.object({
  organizationId: uuid,
  name: z.string(),
  memberType: memberTypeSchema,
  /** 0–100: points earned over the weight of the criteria that have data. */
  score: z.number(),
  tier: tierSchema.nullable(),
  criteria: z.array(criterionScoreDto),
});
export type ScoreDto = z.infer<typeof scoreDto>;
export const scoresDto = z.object({ year: z.number().int(), items: z.array(scoreDto) });
export type ScoresDto = z.infer<typeof scoresDto>;

export const roundCreateInput = z.object({ year: yearSchema });
export const nominationCreateInput = z.object({ organizationId: uuid, note: optionalText(2000) });
export const decisionInput = z.object({ decision: z.enum(['approved', 'declined']), tier: tierSchema.optional(), note: optionalText(2000) });
export type DecisionInput = z.infer<typeof decisionInput>;

export const nominationDto = z.object({
  id: uuid,
  roundId: uuid,
  organizationId: uuid,
  organizationName: z.string(),
  score: z.number(),
  suggestedTier: tierSchema.nullable(),
  status: z.enum(['nominated', 'approved', 'declined']),
  tier: tierSchema.nullable(),
  note: z.string().nullable(),
  awardId: uuid.nullable(),
});
export type NominationDto = z.infer<typeof nominationDto>;
export const roundDto = z.object({
  id: uuid,
  year: z.number().int(),
  status: z.enum(['open', 'closed']),
  openedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  endorsedBy: z.string().nullable(),
  nominations: z.array(nominationDto),
});
export type RoundDto = z.infer<typeof roundDto>;
export const roundsDto = z.object({ items: z.array(roundDto) });

export const awardDto = z.object({
  id: uuid,
  organizationId: uuid,
  organizationName: z.string(),
  tier: tierSchema,
  year: z.number().int(),
  issuedAt: isoDateTime,
  endorsedBy: z.string().nullable(),
  certificateUrl: z.string(),
  credentialUrl: z.string(),
});
export type AwardDto = z.infer<typeof awardDto>;
export const awardsQuery = z.object({ year: yearSchema.optional() });
export const awardsDto = z.object({ items: z.array(awardDto) });
export const credentialParams = z.object({ id: uuid });
export const roundParams = z.object({ slug: z.string().min(1).max(63), id: uuid });
