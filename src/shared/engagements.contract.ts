import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, requiredText, uuid } from './common.contract.js';

/**
 * The engagement ledger: each employer declares what it can give in a year; schools request
 * classroom engagements through the Coordinator, who brokers them against that capacity.
 */
export const capacityKinds = ['interns', 'speakers', 'externshipHosts', 'mentors'] as const;
export const capacityKindSchema = z.enum(capacityKinds);
export type CapacityKind = z.infer<typeof capacityKindSchema>;

/** What a school asks for, and which capacity it draws on. */
export const engagementKinds = ['guest_speaker', 'job_panel', 'design_competition', 'classroom_project', 'mentoring', 'faculty_externship', 'internship'] as const;
export const engagementKindSchema = z.enum(engagementKinds);
export type EngagementKind = z.infer<typeof engagementKindSchema>;
export const capacityOf: Record<EngagementKind, CapacityKind> = {
  guest_speaker: 'speakers',
  job_panel: 'speakers',
  design_competition: 'mentors',
  classroom_project: 'mentors',
  mentoring: 'mentors',
  faculty_externship: 'externshipHosts',
  internship: 'interns',
};

const count = z.number().int().min(0).max(100_000);
export const capacityInput = z.object({ interns: count, speakers: count, externshipHosts: count, mentors: count });
export type CapacityInput = z.infer<typeof capacityInput>;
export const capacityParams = z.object({ slug: z.string().min(1).max(63), organizationId: uuid, year: z.coerce.number().int().min(2000).max(2100) });

export const capacityLineDto = z.object({ kind: capacityKindSchema, declared: z.number().int(), committed: z.number().int(), remaining: z.number().int() });
export const capacityDto = z.object({
  organizationId: uuid,
  organizationName: z.string(),
  year: z.number().int(),
  lines: z.array(capacityLineDto),
  updatedAt: isoDateTime.nullable(),
});
export type CapacityDto = z.infer<typeof capacityDto>;
export const capacityListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), organizationId: uuid.optional() });

/** requested → brokered (matched to an employer within its capacity) → delivered; or declined / cancelled. */
export const engagementStatuses = ['requested', 'brokered', 'delivered', 'declined', 'cancelled'] as const;
export const engagementStatusSchema = z.enum(engagementStatuses);
export type EngagementStatus = z.infer<typeof engagementStatusSchema>;

export const engagementRequestInput = z.object({
  kind: engagementKindSchema,
  title: requiredText(200),
  /** The requesting school; defaults to the caller's own organization. */
  schoolId: uuid.nullish(),
  /** An employer the school would like; the Coordinator may broker another. */
  employerId: uuid.nullish(),
  requestedOn: isoDate,
  /** How many people (speakers, mentors…). */
  quantity: z.number().int().min(1).max(1000).default(1),
  notes: optionalText(4000),
});
export type EngagementRequestInput = z.input<typeof engagementRequestInput>;
export const engagementRequestUpdateInput = z.object({
  title: requiredText(200),
  requestedOn: isoDate,
  quantity: z.number().int().min(1).max(1000),
  notes: optionalText(4000),
  /** delivered, declined or cancelled (brokering has its own endpoint). */
  status: z.enum(['delivered', 'declined', 'cancelled']),
}).partial();
export type EngagementRequestUpdateInput = z.infer<typeof engagementRequestUpdateInput>;
export const brokerInput = z.object({ employerId: uuid.nullish() });

export const engagementRequestDto = z.object({
  id: uuid,
  kind: engagementKindSchema,
  capacityKind: capacityKindSchema,
  title: z.string(),
  schoolId: uuid,
  schoolName: z.string(),
  employerId: uuid.nullable(),
  employerName: z.string().nullable(),
  requestedOn: isoDate,
  quantity: z.number().int(),
  notes: z.string().nullable(),
  status: engagementStatusSchema,
  requestedBy: z.string().nullable(),
  brokeredAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type EngagementRequestDto = z.infer<typeof engagementRequestDto>;
export const engagementListQuery = listQuery.extend({
  status: engagementStatusSchema.optional(),
  employerId: uuid.optional(),
  schoolId: uuid.optional(),
});
export type EngagementListQuery = z.infer<typeof engagementListQuery>;
