import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, organizationTypeSchema, requiredText, uuid } from './common.contract.js';

/** Resources and costs (Recommendations #5 and #7). Money is in US cents (integers). */
const cents = z.number().int().min(0).max(100_000_000_000);

export const requirementKinds = ['funding', 'staffing', 'in_kind'] as const;
export const requirementKindSchema = z.enum(requirementKinds);
const requirementFields = z.object({
  kind: requirementKindSchema,
  description: requiredText(500),
  /** Funding: required. In-kind: the estimated value, if known. */
  amountCents: cents.nullish(),
  /** Staffing: people needed (required). In-kind: units. */
  quantity: z.number().int().min(0).max(1_000_000).nullish(),
  hours: z.number().int().min(0).max(1_000_000).nullish(),
});
export const requirementCreateInput = requirementFields;
export type RequirementCreateInput = z.input<typeof requirementCreateInput>;
export const requirementUpdateInput = requirementFields.partial();
export type RequirementUpdateInput = z.infer<typeof requirementUpdateInput>;
export const requirementDto = z.object({
  id: uuid,
  initiativeId: uuid,
  kind: requirementKindSchema,
  description: z.string(),
  amountCents: z.number().int().nullable(),
  quantity: z.number().int().nullable(),
  hours: z.number().int().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type RequirementDto = z.infer<typeof requirementDto>;
export const requirementParams = z.object({ slug: z.string().min(1).max(63), id: uuid, requirementId: uuid });

export const costCategories = ['workshop', 'boot_camp', 'venue', 'materials', 'staffing', 'travel', 'stipend', 'technology', 'other'] as const;
export const costCategorySchema = z.enum(costCategories);
const costFields = z.object({
  category: costCategorySchema,
  description: requiredText(500),
  budgetCents: cents,
  actualCents: cents.nullish(),
  incurredOn: isoDate.nullish(),
});
export const costCreateInput = costFields;
export type CostCreateInput = z.input<typeof costCreateInput>;
export const costUpdateInput = costFields.partial();
export type CostUpdateInput = z.infer<typeof costUpdateInput>;
export const costDto = z.object({
  id: uuid,
  initiativeId: uuid,
  category: costCategorySchema,
  description: z.string(),
  budgetCents: z.number().int(),
  actualCents: z.number().int().nullable(),
  incurredOn: isoDate.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CostDto = z.infer<typeof costDto>;
export const costParams = z.object({ slug: z.string().min(1).max(63), id: uuid, costId: uuid });

export const pledgeKinds = ['cash', 'in_kind'] as const;
export const pledgeKindSchema = z.enum(pledgeKinds);
export const pledgeStatuses = ['pledged', 'received', 'cancelled'] as const;
export const pledgeStatusSchema = z.enum(pledgeStatuses);
const pledgeFields = z.object({
  /** The funder or member organization that pledges. */
  organizationId: uuid,
  /** The initiative it backs; none means general support of the coalition. */
  initiativeId: uuid.nullish(),
  kind: pledgeKindSchema,
  /** Cash, or the estimated value of an in-kind pledge. */
  amountCents: cents.refine((v) => v > 0, 'Must be more than 0'),
  description: optionalText(1000),
  pledgedOn: isoDate,
  status: pledgeStatusSchema,
});
export const pledgeCreateInput = pledgeFields.extend({ status: pledgeStatusSchema.default('pledged') });
export type PledgeCreateInput = z.input<typeof pledgeCreateInput>;
export const pledgeUpdateInput = pledgeFields.partial();
export type PledgeUpdateInput = z.infer<typeof pledgeUpdateInput>;
export const pledgeDto = z.object({
  id: uuid,
  organization: z.object({ id: uuid, name: z.string(), type: organizationTypeSchema }),
  initiative: z.object({ id: uuid, title: z.string() }).nullable(),
  kind: pledgeKindSchema,
  amountCents: z.number().int(),
  description: z.string().nullable(),
  pledgedOn: isoDate,
  status: pledgeStatusSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type PledgeDto = z.infer<typeof pledgeDto>;
export const pledgeListQuery = listQuery.extend({ organizationId: uuid.optional(), initiativeId: uuid.optional(), kind: pledgeKindSchema.optional(), status: pledgeStatusSchema.optional() });
export type PledgeListQuery = z.infer<typeof pledgeListQuery>;

/**
 * Computed from the records: required funding = funding requirements; funding gap = required
 * funding − cash pledged to the initiative (not cancelled), never below 0; in-kind likewise.
 */
export const financeSummaryDto = z.object({
  requiredFundingCents: z.number().int(),
  requiredInKindCents: z.number().int(),
  staffingPeople: z.number().int(),
  staffingHours: z.number().int(),
  budgetCents: z.number().int(),
  actualCents: z.number().int(),
  /** actual − budget over the lines that have an actual cost. */
  varianceCents: z.number().int(),
  cashPledgedCents: z.number().int(),
  cashReceivedCents: z.number().int(),
  inKindPledgedCents: z.number().int(),
  fundingGapCents: z.number().int(),
  inKindGapCents: z.number().int(),
});
export type FinanceSummaryDto = z.infer<typeof financeSummaryDto>;

export const initiativeFinancesDto = z.object({
  initiativeId: uuid,
  requirements: z.array(requirementDto),
  costs: z.array(costDto),
  pledges: z.array(pledgeDto),
  summary: financeSummaryDto,
});
export type InitiativeFinancesDto = z.infer<typeof initiativeFinancesDto>;

export const fundingDto = z.object({
  initiatives: z.array(financeSummaryDto.extend({ initiativeId: uuid, title: z.string(), funders: z.array(z.object({ organizationId: uuid, name: z.string() })) })),
  /** Which funder backs what. */
  funders: z.array(
    z.object({
      organizationId: uuid,
      name: z.string(),
      type: organizationTypeSchema,
      cashPledgedCents: z.number().int(),
      cashReceivedCents: z.number().int(),
      inKindPledgedCents: z.number().int(),
      backs: z.array(z.object({ pledgeId: uuid, initiativeId: uuid.nullable(), title: z.string().nullable(), kind: pledgeKindSchema, amountCents: z.number().int(), status: pledgeStatusSchema })),
    }),
  ),
  totals: financeSummaryDto.extend({ unallocatedCashCents: z.number().int(), unallocatedInKindCents: z.number().int() }),
});
export type FundingDto = z.infer<typeof fundingDto>;
