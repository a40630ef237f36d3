import { z } from 'zod';
import { uuid } from './common.contract.js';

/**
 * The performance-metric dictionary (Recommendation #4). Every actual is computed from records
 * (opportunities, applications and their status history, placements, engagement requests,
 * pledges, meeting check-ins); only targets are typed in, by the Coordinator, per calendar year.
 */
export const metricKeys = [
  'soft_skill_wbl',
  'hard_skill_wbl',
  'faculty_externships',
  'internship_placements',
  'job_placements',
  'conversions_to_hire',
  'students_impacted',
  'volunteers',
  'placement_hours',
  'meeting_attendance',
  'dollars_invested',
  'in_kind_invested',
] as const;
export const metricKeySchema = z.enum(metricKeys);
export type MetricKey = z.infer<typeof metricKeySchema>;

export const metricUnits = ['count', 'people', 'hours', 'usd'] as const;
export type MetricUnit = (typeof metricUnits)[number];

export interface MetricDefinition {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
  definition: string;
  computation: string;
  /** Can it be broken down by institution, employer and equity group (application-based). */
  breakdown: boolean;
}

export const metricDictionary: readonly MetricDefinition[] = [
  { key: 'soft_skill_wbl', label: 'Soft-skill work-based learning opportunities', unit: 'count', breakdown: false, definition: 'Workshops and other soft-skill work-based learning delivered in the year.', computation: 'Opportunities of kind soft_skill_wbl marked completed whose end date (else start date) falls in the calendar year.' },
  { key: 'hard_skill_wbl', label: 'Hard-skill work-based learning opportunities', unit: 'count', breakdown: false, definition: 'Real-world projects embedded in courses and other hard-skill work-based learning delivered in the year.', computation: 'Opportunities of kind hard_skill_wbl marked completed whose end date (else start date) falls in the calendar year.' },
  { key: 'faculty_externships', label: 'Faculty externships', unit: 'count', breakdown: false, definition: 'Faculty externships completed in the year.', computation: 'Opportunities of kind faculty_externship marked completed whose end date (else start date) falls in the calendar year.' },
  { key: 'internship_placements', label: 'Internship placements', unit: 'count', breakdown: true, definition: 'Students placed in internships in the year.', computation: 'Applications to internships that were moved to placed during the calendar year (status history), each counted once.' },
  { key: 'job_placements', label: 'Job placements', unit: 'count', breakdown: true, definition: 'Students hired in the year, straight into a job or converted from a placement.', computation: 'Applications of any kind moved to hired during the calendar year.' },
  { key: 'conversions_to_hire', label: 'Conversions to hire', unit: 'count', breakdown: true, definition: 'Internships, apprenticeships and other placements that became a part- or full-time hire.', computation: 'Applications to opportunities other than jobs moved to hired during the calendar year.' },
  { key: 'students_impacted', label: 'Students impacted', unit: 'people', breakdown: true, definition: 'Different students who took part in an opportunity in the year.', computation: 'Distinct students with an application moved to placed, completed or hired during the calendar year.' },
  { key: 'volunteers', label: 'Employee volunteers', unit: 'people', breakdown: false, definition: 'Employer staff who went into classrooms (speakers, panels, mentors).', computation: 'Sum of the quantity of engagement requests delivered, dated in the calendar year.' },
  { key: 'placement_hours', label: 'Placement hours', unit: 'hours', breakdown: false, definition: 'Hours students worked in placements that started in the year.', computation: 'Sum of hours completed on placements whose start date falls in the calendar year.' },
  { key: 'meeting_attendance', label: 'Meeting attendance', unit: 'people', breakdown: false, definition: 'Attendance at coalition meetings by the people of member organizations.', computation: 'Check-ins recorded on meetings that start in the calendar year, one per person per meeting, by people who belong to a member organization.' },
  { key: 'dollars_invested', label: 'Dollars invested', unit: 'usd', breakdown: false, definition: 'Cash pledged or received from members and funders.', computation: 'Sum of cash pledges not cancelled, pledged in the calendar year, in US dollars.' },
  { key: 'in_kind_invested', label: 'In-kind investment', unit: 'usd', breakdown: false, definition: 'Estimated value of in-kind pledges (space, staff time, equipment).', computation: 'Sum of in-kind pledges not cancelled, pledged in the calendar year, in US dollars.' },
];
export const definitionOf = (key: MetricKey) => metricDictionary.find((d) => d.key === key)!;

/** The paper's illustrative targets (Phase 1, "Performance Metrics", calendar year). */
export const paperTargets: Partial<Record<MetricKey, number>> = { soft_skill_wbl: 25, hard_skill_wbl: 25, faculty_externships: 100, internship_placements: 500 };

export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const metricsQuery = z.object({ year: yearSchema.optional() });

export const metricItemDto = z.object({
  key: metricKeySchema,
  label: z.string(),
  unit: z.enum(metricUnits),
  target: z.number().nullable(),
  /** Null only when no records of the kind can exist yet (today every metric has its records). */
  actual: z.number().nullable(),
  noData: z.boolean(),
});
export type MetricItemDto = z.infer<typeof metricItemDto>;
export const metricsDto = z.object({ year: z.number().int(), items: z.array(metricItemDto) });
export type MetricsDto = z.infer<typeof metricsDto>;

export const metricDefinitionDto = z.object({ key: metricKeySchema, label: z.string(), unit: z.enum(metricUnits), definition: z.string(), computation: z.string(), period: z.literal('calendar_year'), breakdown: z.boolean() });
export const metricDictionaryDto = z.object({ items: z.array(metricDefinitionDto) });

export const targetInput = z.object({ year: yearSchema, key: metricKeySchema, target: z.number().min(0).max(1e12).nullable() });
export type TargetInput = z.infer<typeof targetInput>;

export const historyQuery = z.object({ from: yearSchema.optional(), to: yearSchema.optional() });
export const historyDto = z.object({ items: z.array(z.object({ year: z.number().int(), key: metricKeySchema, target: z.number().nullable(), actual: z.number().nullable() })) });
export type HistoryDto = z.infer<typeof historyDto>;

export const breakdownDimensions = ['institution', 'employer', 'equity'] as const;
export const breakdownQuery = z.object({ year: yearSchema.optional(), key: metricKeySchema, by: z.enum(breakdownDimensions) });
export type BreakdownQuery = z.infer<typeof breakdownQuery>;
/** Counts from 1 to 9 are suppressed (value null) so no small group can be picked out. */
export const SUPPRESS_BELOW = 10;
export const breakdownDto = z.object({
  key: metricKeySchema,
  by: z.enum(breakdownDimensions),
  year: z.number().int(),
  items: z.array(z.object({ group: z.string(), groupId: uuid.nullable(), value: z.number().int().nullable(), suppressed: z.boolean() })),
});
export type BreakdownDto = z.infer<typeof breakdownDto>;

// ---- Roadmap (the paper's Figure 1: 2 phases, 6 steps; and its 7 recommendations) ----
export const roadmapStatuses = ['not_started', 'in_progress', 'done'] as const;
export const roadmapStatusSchema = z.enum(roadmapStatuses);
export type RoadmapStatus = z.infer<typeof roadmapStatusSchema>;
export interface RoadmapEntry {
  ref: string;
  kind: 'phase' | 'step' | 'recommendation';
  parent: string | null;
  title: string;
}
export const roadmapEntries: readonly RoadmapEntry[] = [
  { ref: 'phase-1', kind: 'phase', parent: null, title: 'Phase 1: Establish a coalition' },
  { ref: 'phase-1.step-1', kind: 'step', parent: 'phase-1', title: 'Step 1: Develop an incentive program' },
  { ref: 'phase-1.step-2', kind: 'step', parent: 'phase-1', title: 'Step 2: Recruit coalition members' },
  { ref: 'phase-1.step-3', kind: 'step', parent: 'phase-1', title: 'Step 3: Align stakeholder priorities' },
  { ref: 'phase-2', kind: 'phase', parent: null, title: 'Phase 2: Manage coalition and track performance' },
  { ref: 'phase-2.step-1', kind: 'step', parent: 'phase-2', title: 'Step 1: Execute initiative-specific action plans' },
  { ref: 'phase-2.step-2', kind: 'step', parent: 'phase-2', title: "Step 2: Support coalition members' efforts" },
  { ref: 'phase-2.step-3', kind: 'step', parent: 'phase-2', title: 'Step 3: Track performance' },
  { ref: 'rec-1', kind: 'recommendation', parent: 'phase-1.step-1', title: 'Recommendation #1: Establish a LA Community Partner Recognition Program' },
  { ref: 'rec-2', kind: 'recommendation', parent: 'phase-1.step-2', title: 'Recommendation #2: Recruit key decision makers and influencers into the coalition' },
  { ref: 'rec-3', kind: 'recommendation', parent: 'phase-1.step-3', title: 'Recommendation #3: Develop and execute coalition initiatives' },
  { ref: 'rec-4', kind: 'recommendation', parent: 'phase-1', title: "Recommendation #4: Develop metrics to measure the coalition's initiative performance" },
  { ref: 'rec-5', kind: 'recommendation', parent: 'phase-1.step-3', title: 'Recommendation #5: Develop detailed action plans to execute initiatives' },
  { ref: 'rec-6', kind: 'recommendation', parent: 'phase-2.step-2', title: 'Recommendation #6: Host regular meetings for continued execution on initiatives' },
  { ref: 'rec-7', kind: 'recommendation', parent: 'phase-2.step-3', title: 'Recommendation #7: Implement project management best practices to monitor initiatives' },
];
export const roadmapItemDto = z.object({
  ref: z.string(),
  kind: z.enum(['phase', 'step', 'recommendation']),
  parent: z.string().nullable(),
  title: z.string(),
  status: roadmapStatusSchema,
  evidence: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type RoadmapItemDto = z.infer<typeof roadmapItemDto>;
export const roadmapDto = z.object({ items: z.array(roadmapItemDto) });
export const roadmapParams = z.object({ slug: z.string().min(1).max(63), ref: z.string().min(1).max(40) });
export const roadmapUpdateInput = z.object({ status: roadmapStatusSchema, evidence: z.string().trim().max(4000).nullish() });
export type RoadmapUpdateInput = z.infer<typeof roadmapUpdateInput>;

// ---- Dashboards by stakeholder ----
export const organizationDashboardDto = z.object({
  organizationId: uuid,
  name: z.string(),
  type: z.string(),
  year: z.number().int(),
  role: z.enum(['employer', 'institution', 'other']),
  figures: z.array(z.object({ key: z.string(), value: z.number() })),
  curriculumChanges: z.array(z.object({ id: uuid, title: z.string(), status: z.string(), decidedAt: z.string().nullable() })),
});
export type OrganizationDashboardDto = z.infer<typeof organizationDashboardDto>;
export const dashboardParams = z.object({ slug: z.string().min(1).max(63), id: uuid });
