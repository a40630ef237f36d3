import { z } from 'zod';
import { isoDateTime, listQuery, optionalText, requiredText, uuid } from './common.contract.js';

/** The risk register (Recommendation #7). Score = likelihood × impact (each 1–5). */
export const riskImpactAreas = ['cost', 'timeline', 'scope'] as const;
export const riskImpactAreaSchema = z.enum(riskImpactAreas);
export const riskStatuses = ['open', 'mitigating', 'closed', 'occurred'] as const;
export const riskStatusSchema = z.enum(riskStatuses);
/** low: score 1–4, medium: 5–9, high: 10–25. */
export const riskLevels = ['low', 'medium', 'high'] as const;
export const riskLevelSchema = z.enum(riskLevels);
export const riskLevelOf = (score: number): (typeof riskLevels)[number] => (score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low');
/** Risks still to be managed. */
export const activeRiskStatuses = ['open', 'mitigating'] as const;

const scale = z.number().int().min(1).max(5);
const riskFields = z.object({
  initiativeId: uuid,
  title: requiredText(200),
  description: optionalText(4000),
  likelihood: scale,
  impact: scale,
  impactOn: z
    .array(riskImpactAreaSchema)
    .min(1)
    .max(3)
    .refine((a) => new Set(a).size === a.length, 'Each area once'),
  ownerId: uuid.nullish(),
  mitigation: optionalText(4000),
  status: riskStatusSchema,
  /** The tasks (of any initiative) the risk threatens. */
  taskIds: z.array(uuid).max(100),
});
export const riskCreateInput = riskFields.extend({ status: riskStatusSchema.default('open'), taskIds: riskFields.shape.taskIds.default([]) });
export type RiskCreateInput = z.input<typeof riskCreateInput>;
export const riskUpdateInput = riskFields.omit({ initiativeId: true }).partial();
export type RiskUpdateInput = z.infer<typeof riskUpdateInput>;

export const riskDto = z.object({
  id: uuid,
  initiativeId: uuid,
  initiativeTitle: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  level: riskLevelSchema,
  impactOn: z.array(riskImpactAreaSchema),
  owner: z.object({ personId: uuid, name: z.string() }).nullable(),
  mitigation: z.string().nullable(),
  status: riskStatusSchema,
  tasks: z.array(z.object({ id: uuid, name: z.string(), initiativeId: uuid })),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type RiskDto = z.infer<typeof riskDto>;
export const riskListQuery = listQuery.extend({
  initiativeId: uuid.optional(),
  status: riskStatusSchema.optional(),
  ownerId: uuid.optional(),
  level: riskLevelSchema.optional(),
  impactOn: riskImpactAreaSchema.optional(),
});
export type RiskListQuery = z.infer<typeof riskListQuery>;

export const heatMapQuery = z.object({
  initiativeId: uuid.optional(),
  /** Closed and occurred risks are left out unless asked for. */
  includeClosed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const heatMapDto = z.object({
  /** 25 cells, likelihood 1–5 × impact 1–5. */
  cells: z.array(z.object({ likelihood: z.number().int(), impact: z.number().int(), score: z.number().int(), level: riskLevelSchema, count: z.number().int(), riskIds: z.array(uuid) })),
  total: z.number().int(),
  byLevel: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() }),
  byImpactArea: z.object({ cost: z.number().int(), timeline: z.number().int(), scope: z.number().int() }),
});
export type HeatMapDto = z.infer<typeof heatMapDto>;
