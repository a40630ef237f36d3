import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, requiredText, uuid } from './common.contract.js';

/**
 * Opportunities of every kind the white paper names (Recommendation #3): soft- and hard-skill
 * work-based learning, classroom engagements (industry in classrooms, job panels, design
 * competitions), faculty externships, internships, apprenticeships, boot camps and jobs.
 * CONTRACT kinds, plus boot_camp.
 */
export const opportunityKinds = [
  'soft_skill_wbl',
  'hard_skill_wbl',
  'classroom_engagement',
  'faculty_externship',
  'internship',
  'apprenticeship',
  'boot_camp',
  'job',
] as const;
export const opportunityKindSchema = z.enum(opportunityKinds);
export type OpportunityKind = z.infer<typeof opportunityKindSchema>;

/** Kinds published as schema.org JobPosting (JSON-LD). */
export const jobPostingKinds: readonly OpportunityKind[] = ['internship', 'apprenticeship', 'job'];

/** Who an opportunity is for; empty means every student. Faculty externships are for faculty. */
export const audiences = ['k12', 'college', 'university', 'faculty'] as const;
export const audienceSchema = z.enum(audiences);
export type Audience = z.infer<typeof audienceSchema>;

export const compensations = ['paid', 'stipend', 'unpaid'] as const;
export const compensationSchema = z.enum(compensations);
export const payUnits = ['hour', 'week', 'month', 'year', 'total'] as const;
export const payUnitSchema = z.enum(payUnits);
export const modalities = ['in_person', 'online', 'hybrid'] as const;
export const modalitySchema = z.enum(modalities);

/**
 * draft (only its host and the Coordinator see it) → open (published; students may apply) →
 * closed (no more applications) → completed (delivered: what the coalition's metrics count) or
 * cancelled.
 */
export const opportunityStatuses = ['draft', 'open', 'closed', 'completed', 'cancelled'] as const;
export const opportunityStatusSchema = z.enum(opportunityStatuses);
export type OpportunityStatus = z.infer<typeof opportunityStatusSchema>;

/**
 * Career pathways the paper's partners run (LA HI-TECH's ICT pathways, SMC's cloud program,
 * Pierce's design and media arts). Free text is accepted; matching compares case-insensitively.
 */
export const suggestedPathways = [
  'Software & Systems Development',
  'Information Support & Services',
  'Networking',
  'Cloud Computing',
  'Cybersecurity',
  'Data Science',
  'Design, Visual & Media Arts',
  'Games & Simulation',
] as const;

/** A skill by name (the labor-market `skills` table, case-insensitive); unknown names become custom skills. */
export const skillName = z.string().trim().min(1, 'Required').max(120);
/** Importance 1 (nice to have) – 5 (essential); 3 when only a name is given. */
export const weightedSkillInput = z.union([skillName, z.object({ name: skillName, importance: z.number().int().min(1).max(5).default(3) })]);
export type WeightedSkillInput = z.input<typeof weightedSkillInput>;
export const weightedSkillDto = z.object({ id: z.string(), name: z.string(), importance: z.number().int() });
export type WeightedSkillDto = z.infer<typeof weightedSkillDto>;

const positiveInt = (max: number) => z.number().int().min(0).max(max);

const opportunityFields = z.object({
  kind: opportunityKindSchema,
  title: requiredText(200),
  description: optionalText(8000),
  /** The host organization (an employer; a college for its own boot camp). */
  employerId: uuid,
  /** Where it takes place when that is a school (e.g. Pierce College for Snap's design competition). */
  institutionId: uuid.nullish(),
  pathway: optionalText(100),
  audiences: z.array(audienceSchema).max(4),
  compensation: compensationSchema,
  payAmount: z.number().min(0).max(10_000_000).nullish(),
  payUnit: payUnitSchema.nullish(),
  seats: positiveInt(100_000).nullish(),
  startsOn: isoDate.nullish(),
  endsOn: isoDate.nullish(),
  applicationDeadline: isoDate.nullish(),
  hoursPerWeek: positiveInt(80).nullish(),
  minimumAge: z.number().int().min(10).max(99).nullish(),
  modality: modalitySchema,
  location: optionalText(300),
  status: opportunityStatusSchema,
  skills: z.array(weightedSkillInput).max(50),
  externalId: optionalText(100),
});

/** CONTRACT: creating takes at least the import's columns (employerId, kind, title, skills, startsOn, endsOn, seats). */
export const opportunityCreateInput = opportunityFields.extend({
  audiences: opportunityFields.shape.audiences.default([]),
  compensation: opportunityFields.shape.compensation.default('unpaid'),
  modality: opportunityFields.shape.modality.default('in_person'),
  status: opportunityFields.shape.status.default('open'),
  skills: opportunityFields.shape.skills.default([]),
});
export type OpportunityCreateInput = z.input<typeof opportunityCreateInput>;
// No defaults: a patch that leaves a field out leaves it alone.
export const opportunityUpdateInput = opportunityFields.partial();
export type OpportunityUpdateInput = z.infer<typeof opportunityUpdateInput>;

export const opportunityDto = z.object({
  id: uuid,
  kind: opportunityKindSchema,
  title: z.string(),
  description: z.string().nullable(),
  employerId: uuid,
  employerName: z.string(),
  institutionId: uuid.nullable(),
  institutionName: z.string().nullable(),
  pathway: z.string().nullable(),
  audiences: z.array(audienceSchema),
  compensation: compensationSchema,
  payAmount: z.number().nullable(),
  payUnit: payUnitSchema.nullable(),
  seats: z.number().int().nullable(),
  /** Applications that reached placed (or completed, hired). */
  seatsFilled: z.number().int(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  applicationDeadline: isoDate.nullable(),
  hoursPerWeek: z.number().int().nullable(),
  minimumAge: z.number().int().nullable(),
  modality: modalitySchema,
  location: z.string().nullable(),
  status: opportunityStatusSchema,
  skills: z.array(weightedSkillDto),
  externalId: z.string().nullable(),
  /** schema.org JobPosting as JSON-LD, for internships, apprenticeships and jobs; else null. */
  jobPosting: z.record(z.string(), z.unknown()).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type OpportunityDto = z.infer<typeof opportunityDto>;

export const opportunityListQuery = listQuery.extend({
  kind: opportunityKindSchema.optional(),
  status: opportunityStatusSchema.optional(),
  employerId: uuid.optional(),
  institutionId: uuid.optional(),
  audience: audienceSchema.optional(),
  compensation: compensationSchema.optional(),
  /** Exact pathway, any case. */
  pathway: z.string().trim().max(100).optional(),
  /** Opportunities asking for a skill whose name contains this, any case. */
  skill: z.string().trim().max(120).optional(),
});
export type OpportunityListQuery = z.infer<typeof opportunityListQuery>;
