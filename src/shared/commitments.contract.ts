import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, organizationTypeSchema, requiredText, uuid, type OrganizationType } from './common.contract.js';

/**
 * What the paper asks each kind of member to contribute (Chapter 4, Phase 1: "stakeholders should be
 * prepared to contribute the following"). New members' commitments are drawn from these, then edited.
 */
export interface CommitmentTemplate {
  key: string;
  title: string;
}
const education: CommitmentTemplate[] = [
  { key: 'education.flexible_curriculum', title: 'Create flexible curriculum to accommodate evolving tech skills' },
  { key: 'education.wbl_in_curriculum', title: 'Identify and collaborate on opportunities to incorporate work-based learning into existing curriculum' },
  { key: 'education.promote', title: 'Promote coalition activities to the student body' },
];
export const commitmentTemplates: Record<OrganizationType, CommitmentTemplate[]> = {
  employer: [
    { key: 'employer.hiring_needs', title: 'Provide hiring needs and skill set information' },
    { key: 'employer.volunteers', title: 'Provide volunteers and champions to support initiatives' },
    { key: 'employer.wbl', title: 'Collaborate to establish work-based learning opportunities' },
  ],
  intermediary: [
    { key: 'intermediary.translate', title: 'Translate hiring needs to educational institutions' },
    { key: 'intermediary.partnerships', title: 'Facilitate establishment of employer-to-education partnerships' },
    { key: 'intermediary.resources', title: 'Provide resource support as needed to execute initiatives' },
  ],
  k12: education,
  college: education,
  university: education,
  nonprofit: [
    { key: 'nonprofit.resources', title: 'Identify resources to support execution of key initiatives' },
    { key: 'nonprofit.inputs', title: 'Provide key inputs to coalition initiatives' },
  ],
  funder: [
    { key: 'funder.resources', title: 'Identify resources to support execution of key initiatives' },
    { key: 'funder.investment', title: 'Report dollars invested in the coalition' },
  ],
  government: [{ key: 'government.recognition', title: 'Create a framework to formally recognize coalition members as community partners' }],
};
export const templatesFor = (type: string): CommitmentTemplate[] => commitmentTemplates[type as OrganizationType] ?? [];

export const commitmentStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
export const commitmentStatusSchema = z.enum(commitmentStatuses);
export type CommitmentStatus = z.infer<typeof commitmentStatusSchema>;

export const commitmentCreateInput = z.object({
  organizationId: uuid,
  title: requiredText(300),
  description: optionalText(4000),
  dueOn: isoDate.nullish(),
  status: commitmentStatusSchema.default('open'),
  ownerId: uuid.nullish(),
  templateKey: optionalText(100),
});
export type CommitmentCreateInput = z.input<typeof commitmentCreateInput>;
export const commitmentUpdateInput = commitmentCreateInput.omit({ organizationId: true, templateKey: true }).partial().extend({ status: commitmentStatusSchema.optional() });
export type CommitmentUpdateInput = z.infer<typeof commitmentUpdateInput>;

export const commitmentsFromTemplatesInput = z.object({ organizationId: uuid, dueOn: isoDate.nullish() });
export type CommitmentsFromTemplatesInput = z.infer<typeof commitmentsFromTemplatesInput>;

export const commitmentDto = z.object({
  id: uuid,
  organizationId: uuid,
  organizationName: z.string(),
  organizationType: organizationTypeSchema,
  templateKey: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  dueOn: isoDate.nullable(),
  status: commitmentStatusSchema,
  ownerId: uuid.nullable(),
  ownerName: z.string().nullable(),
  completedOn: isoDate.nullable(),
  /** Due before today (the coalition's time zone) and neither done nor dropped. */
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CommitmentDto = z.infer<typeof commitmentDto>;

export const commitmentListQuery = listQuery.extend({
  organizationId: uuid.optional(),
  status: commitmentStatusSchema.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type CommitmentListQuery = z.infer<typeof commitmentListQuery>;

export const commitmentTemplatesDto = z.object({
  items: z.array(z.object({ organizationType: organizationTypeSchema, templates: z.array(z.object({ key: z.string(), title: z.string() })) })),
});
