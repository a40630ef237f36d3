import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, requiredText, uuid } from './common.contract.js';

/**
 * Initiatives, their action plans and the master plan (white paper Figure 1, Recommendations #3,
 * #5 and #7). Strategy sessions, resources and risks have their own contract files, re-exported here.
 */
export * from './strategy-sessions.contract.js';
export * from './initiative-resources.contract.js';
export * from './initiative-risks.contract.js';

/** The paper's examples of common initiatives (Chapter 4, Step 3), and anything else as `custom`. */
export const initiativeCategories = [
  'soft_skill_development',
  'hard_skill_development',
  'faculty_education',
  'curriculum_updates',
  'supplemental_learning',
  'work_based_learning',
  'internships',
  'custom',
] as const;
export const initiativeCategorySchema = z.enum(initiativeCategories);
export type InitiativeCategory = z.infer<typeof initiativeCategorySchema>;

export const initiativeStatuses = ['proposed', 'planned', 'in_progress', 'on_hold', 'completed', 'cancelled'] as const;
export const initiativeStatusSchema = z.enum(initiativeStatuses);
export type InitiativeStatus = z.infer<typeof initiativeStatusSchema>;

/** The coalition's three strategic priorities (Chapter 4, "Strategic Priorities"). */
export const strategicPriorities = ['talent_pipeline', 'information_exchange', 'champion_network'] as const;
export const strategicPrioritySchema = z.enum(strategicPriorities);
export type StrategicPriority = z.infer<typeof strategicPrioritySchema>;

/** The seven recommendations of Chapter 4, by number. */
export const recommendations = [1, 2, 3, 4, 5, 6, 7] as const;
export const recommendationSchema = z.number().int().min(1).max(7);

/** Performance metrics the paper proposes (Recommendation #4); other keys name metrics a coalition adds. */
export const knownMetricKeys = ['soft_skill_wbl', 'hard_skill_wbl', 'faculty_externships', 'internship_placements'] as const;
export const metricKeySchema = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'A metric key: lower-case letters, digits and _');

export const goalInput = z.object({
  metricKey: metricKeySchema,
  target: z.number().int().min(0).max(1_000_000),
  description: optionalText(500).transform((v) => v ?? null),
});
export const goalDto = z.object({ metricKey: z.string(), target: z.number().int(), description: z.string().nullable() });
export type InitiativeGoalDto = z.infer<typeof goalDto>;

export const recruitingWindowSchema = z
  .object({ label: requiredText(200), opensOn: isoDate, closesOn: isoDate })
  .refine((w) => w.closesOn >= w.opensOn, { path: ['closesOn'], message: 'Closes before it opens' });

export const raciRoles = ['responsible', 'accountable', 'consulted', 'informed'] as const;
export const raciSchema = z.enum(raciRoles);

const initiativeFields = z.object({
  title: requiredText(200),
  category: initiativeCategorySchema,
  /** Required when category is `custom`. */
  customCategory: optionalText(100),
  description: optionalText(4000),
  status: initiativeStatusSchema,
  /** The initiative leader: a person of this coalition. */
  ownerId: uuid.nullish(),
  strategySessionId: uuid.nullish(),
  strategicPriorities: z.array(strategicPrioritySchema).max(3),
  recommendations: z.array(recommendationSchema).max(7),
  goals: z.array(goalInput).max(20),
  startsOn: isoDate.nullish(),
  /** Aligned with recruiting calendars: finish before the internship application window opens. */
  targetFinishOn: isoDate.nullish(),
  recruitingWindow: recruitingWindowSchema.nullish(),
});
export const initiativeCreateInput = initiativeFields.extend({
  status: initiativeFields.shape.status.default('proposed'),
  strategicPriorities: initiativeFields.shape.strategicPriorities.default([]),
  recommendations: initiativeFields.shape.recommendations.default([]),
  goals: initiativeFields.shape.goals.default([]),
});
export type InitiativeCreateInput = z.input<typeof initiativeCreateInput>;
export const initiativeUpdateInput = initiativeFields.partial();
export type InitiativeUpdateInput = z.infer<typeof initiativeUpdateInput>;

export const personRefDto = z.object({ personId: uuid, name: z.string(), organizationId: uuid.nullable(), organizationName: z.string().nullable() });
export type PersonRefDto = z.infer<typeof personRefDto>;

export const stakeholderDto = z.object({
  id: uuid,
  person: personRefDto,
  raci: raciSchema,
  role: z.string().nullable(),
  responsibilities: z.string().nullable(),
  pointOfContact: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type StakeholderDto = z.infer<typeof stakeholderDto>;

const stakeholderFields = z.object({
  personId: uuid,
  raci: raciSchema,
  role: optionalText(200),
  responsibilities: optionalText(2000),
  pointOfContact: z.boolean(),
});
export const stakeholderCreateInput = stakeholderFields.extend({ pointOfContact: z.boolean().default(false) });
export type StakeholderCreateInput = z.input<typeof stakeholderCreateInput>;
export const stakeholderUpdateInput = stakeholderFields.omit({ personId: true }).partial();
export type StakeholderUpdateInput = z.infer<typeof stakeholderUpdateInput>;

/** Each member organization on the team, and whether someone there is its point of contact. */
export const organizationCoverageDto = z.object({
  organizationId: uuid,
  organizationName: z.string(),
  pointsOfContact: z.array(personRefDto),
});

export const initiativeDto = z.object({
  id: uuid,
  title: z.string(),
  category: initiativeCategorySchema,
  customCategory: z.string().nullable(),
  description: z.string().nullable(),
  status: initiativeStatusSchema,
  owner: personRefDto.nullable(),
  strategySessionId: uuid.nullable(),
  priorityRank: z.number().int().nullable(),
  strategicPriorities: z.array(strategicPrioritySchema),
  recommendations: z.array(z.number().int()),
  goals: z.array(goalDto),
  startsOn: isoDate.nullable(),
  targetFinishOn: isoDate.nullable(),
  recruitingWindow: z.object({ label: z.string(), opensOn: isoDate, closesOn: isoDate }).nullable(),
  baselineSavedAt: isoDateTime.nullable(),
  taskCount: z.number().int(),
  /** Duration-weighted progress of its tasks, 0–100. */
  progressPercent: z.number().int(),
  stakeholders: z.array(stakeholderDto),
  /** Organizations on the RACI table; one without a point of contact has an empty list. */
  organizations: z.array(organizationCoverageDto),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type InitiativeDto = z.infer<typeof initiativeDto>;

export const initiativeListQuery = listQuery.extend({
  status: initiativeStatusSchema.optional(),
  category: initiativeCategorySchema.optional(),
  ownerId: uuid.optional(),
  strategySessionId: uuid.optional(),
});
export type InitiativeListQuery = z.infer<typeof initiativeListQuery>;

// ---- Action plans: tasks and milestones -----------------------------------------------------------

const taskFields = z.object({
  name: requiredText(200),
  /** The task starts no earlier than this day. */
  startsOn: isoDate,
  /** Calendar days; 0 for a milestone (which marks one day), at least 1 otherwise. */
  durationDays: z.number().int().min(0).max(3650),
  /** Finish-to-start: the tasks (of any initiative) that must finish first. */
  dependsOn: z.array(uuid).max(100),
  milestone: z.boolean(),
  assigneeId: uuid.nullish(),
  progress: z.number().int().min(0).max(100),
  notes: optionalText(4000),
});
export const taskCreateInput = taskFields
  .extend({
    durationDays: taskFields.shape.durationDays.optional(),
    dependsOn: taskFields.shape.dependsOn.default([]),
    milestone: z.boolean().default(false),
    progress: taskFields.shape.progress.default(0),
  })
  .superRefine((t, ctx) => {
    if (t.durationDays === undefined && !t.milestone) ctx.addIssue({ code: 'custom', path: ['durationDays'], message: 'Required (0 only for a milestone)' });
    else if (t.durationDays !== undefined && t.milestone !== (t.durationDays === 0))
      ctx.addIssue({ code: 'custom', path: ['durationDays'], message: t.milestone ? 'A milestone takes 0 days' : 'A task takes at least 1 day; use milestone: true for 0' });
  })
  .transform((t) => ({ ...t, durationDays: t.durationDays ?? 0 }));
export type TaskCreateInput = z.input<typeof taskCreateInput>;
/** Checked against the task as it would be after the patch (milestone ⇔ 0 days). */
export const taskUpdateInput = taskFields.partial();
export type TaskUpdateInput = z.infer<typeof taskUpdateInput>;

export const taskDto = z.object({
  id: uuid,
  initiativeId: uuid,
  name: z.string(),
  startsOn: isoDate,
  durationDays: z.number().int(),
  milestone: z.boolean(),
  dependsOn: z.array(uuid),
  assignee: personRefDto.nullable(),
  progress: z.number().int(),
  notes: z.string().nullable(),
  baselineStart: isoDate.nullable(),
  baselineFinish: isoDate.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type TaskDto = z.infer<typeof taskDto>;
export const taskListQuery = listQuery;
export type TaskListQuery = z.infer<typeof taskListQuery>;
export const taskParams = z.object({ slug: z.string().min(1).max(63), id: uuid, taskId: uuid });

export const baselineDto = z.object({ initiativeId: uuid, savedAt: isoDateTime, tasks: z.number().int() });

// ---- The master plan ---------------------------------------------------------------------------

export const taskStates = ['done', 'overdue', 'at_risk', 'in_progress', 'not_started'] as const;
export const atRiskReasons = ['behind_schedule', 'past_late_start', 'slipped', 'threatened'] as const;
export const atRiskReasonSchema = z.enum(atRiskReasons);

export const masterPlanQuery = z.object({
  initiativeId: uuid.optional(),
  /** The initiative's owner. */
  ownerId: uuid.optional(),
  /** The task's assignee (the action owner). */
  assigneeId: uuid.optional(),
  milestonesOnly: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** The day the plan is judged on (overdue, at risk); default today in the coalition's time zone. */
  asOf: isoDate.optional(),
});
export type MasterPlanQuery = z.infer<typeof masterPlanQuery>;

/**
 * The master plan is large (thousands of tasks): its response declares formats for the documentation
 * without re-checking every id and date with a pattern on the way out (they come from the database),
 * which makes serializing 5,000 tasks several times faster.
 */
const idOut = z.string().meta({ format: 'uuid' });
const dateOut = z.string().meta({ format: 'date' });

export const masterPlanItemDto = z.object({
  id: idOut,
  name: z.string(),
  initiativeId: idOut,
  initiativeTitle: z.string(),
  ownerId: idOut.nullable(),
  assigneeId: idOut.nullable(),
  assigneeName: z.string().nullable(),
  milestone: z.boolean(),
  startsOn: dateOut,
  durationDays: z.number().int(),
  dependsOn: z.array(idOut),
  progress: z.number().int(),
  earlyStart: dateOut,
  /** The task finishes at the end of this day. */
  earlyFinish: dateOut,
  lateStart: dateOut,
  lateFinish: dateOut,
  slackDays: z.number().int(),
  critical: z.boolean(),
  baselineStart: dateOut.nullable(),
  baselineFinish: dateOut.nullable(),
  /** earlyFinish − baselineFinish in days; positive = later than the baseline. */
  slipDays: z.number().int().nullable(),
  state: z.enum(taskStates),
  atRiskReasons: z.array(atRiskReasonSchema),
  daysOverdue: z.number().int(),
});
export type MasterPlanItemDto = z.infer<typeof masterPlanItemDto>;

export const masterPlanInitiativeDto = z.object({
  id: idOut,
  title: z.string(),
  ownerId: idOut.nullable(),
  ownerName: z.string().nullable(),
  status: initiativeStatusSchema,
  earlyStart: dateOut.nullable(),
  earlyFinish: dateOut.nullable(),
  targetFinishOn: dateOut.nullable(),
  baselineFinish: dateOut.nullable(),
  slipDays: z.number().int().nullable(),
  critical: z.boolean(),
  progressPercent: z.number().int(),
});

export const masterPlanDto = z.object({
  asOf: dateOut,
  /** Over every task of every initiative (filters only choose what is listed). */
  projectStart: dateOut.nullable(),
  projectFinish: dateOut.nullable(),
  criticalPath: z.array(idOut),
  items: z.array(masterPlanItemDto),
  initiatives: z.array(masterPlanInitiativeDto),
  overdue: z.array(idOut),
  atRisk: z.array(idOut),
});
export type MasterPlanDto = z.infer<typeof masterPlanDto>;

// ---- Status reports (for the Leadership Council) ------------------------------------------------

export const statusReportQuery = z.object({ asOf: isoDate.optional() });

export const initiativeStatusRowDto = z.object({
  id: uuid,
  title: z.string(),
  category: initiativeCategorySchema,
  status: initiativeStatusSchema,
  priorityRank: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  progressPercent: z.number().int(),
  earlyStart: isoDate.nullable(),
  earlyFinish: isoDate.nullable(),
  targetFinishOn: isoDate.nullable(),
  /** Days the plan finishes after the target (negative: ahead of it). */
  daysPastTarget: z.number().int().nullable(),
  slipDays: z.number().int().nullable(),
  critical: z.boolean(),
  tasks: z.number().int(),
  overdue: z.number().int(),
  atRisk: z.number().int(),
  budgetCents: z.number().int(),
  actualCents: z.number().int(),
  fundingGapCents: z.number().int(),
  openRisks: z.number().int(),
  highRisks: z.number().int(),
});
export type InitiativeStatusRowDto = z.infer<typeof initiativeStatusRowDto>;

export const reportMilestoneDto = z.object({ taskId: uuid, initiativeId: uuid, initiativeTitle: z.string(), name: z.string(), earlyFinish: isoDate, baselineFinish: isoDate.nullable(), state: z.enum(taskStates) });
export const reportTaskDto = z.object({ taskId: uuid, name: z.string(), initiativeTitle: z.string(), assigneeName: z.string().nullable(), earlyFinish: isoDate, state: z.enum(taskStates), reasons: z.array(atRiskReasonSchema), daysOverdue: z.number().int() });
export const reportRiskDto = z.object({ riskId: uuid, title: z.string(), initiativeTitle: z.string(), score: z.number().int(), status: z.string(), ownerName: z.string().nullable(), mitigation: z.string().nullable() });

export const coalitionStatusReportDto = z.object({
  coalition: z.string(),
  asOf: isoDate,
  generatedAt: isoDateTime,
  projectStart: isoDate.nullable(),
  projectFinish: isoDate.nullable(),
  initiatives: z.array(initiativeStatusRowDto),
  totals: z.object({ budgetCents: z.number().int(), actualCents: z.number().int(), cashPledgedCents: z.number().int(), inKindPledgedCents: z.number().int(), fundingGapCents: z.number().int(), overdue: z.number().int(), atRisk: z.number().int(), openRisks: z.number().int() }),
  upcomingMilestones: z.array(reportMilestoneDto),
  overdue: z.array(reportTaskDto),
  atRisk: z.array(reportTaskDto),
  topRisks: z.array(reportRiskDto),
});
export type CoalitionStatusReportDto = z.infer<typeof coalitionStatusReportDto>;

export const initiativeStatusReportDto = z.object({
  coalition: z.string(),
  asOf: isoDate,
  generatedAt: isoDateTime,
  initiative: initiativeStatusRowDto.extend({ description: z.string().nullable(), goals: z.array(goalDto), recruitingWindow: z.object({ label: z.string(), opensOn: isoDate, closesOn: isoDate }).nullable() }),
  finances: z.object({ requiredFundingCents: z.number().int(), budgetCents: z.number().int(), actualCents: z.number().int(), cashPledgedCents: z.number().int(), inKindPledgedCents: z.number().int(), fundingGapCents: z.number().int() }),
  tasks: z.array(masterPlanItemDto),
  milestones: z.array(reportMilestoneDto),
  risks: z.array(reportRiskDto),
});
export type InitiativeStatusReportDto = z.infer<typeof initiativeStatusReportDto>;
