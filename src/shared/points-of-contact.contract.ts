import { z } from 'zod';
import { isoDateTime, requiredText, uuid } from './common.contract.js';

export const contactTopics = ['work_based_learning', 'curriculum', 'career_placement'] as const;
export const contactTopicSchema = z.enum(contactTopics);
export type ContactTopic = z.infer<typeof contactTopicSchema>;

export const contactAssignmentInput = z.object({ organizationId: uuid, topic: contactTopicSchema, personId: uuid });
export type ContactAssignmentInput = z.infer<typeof contactAssignmentInput>;

export const contactAssignmentDto = z.object({
  id: uuid,
  organizationId: uuid,
  organizationName: z.string(),
  organizationType: z.string(),
  topic: contactTopicSchema,
  personId: uuid,
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: isoDateTime,
});
export type ContactAssignmentDto = z.infer<typeof contactAssignmentDto>;

export const contactListQuery = z.object({
  organizationId: uuid.optional(),
  topic: contactTopicSchema.optional(),
  personId: uuid.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const contactRequestInput = z.object({
  organizationId: uuid,
  topic: contactTopicSchema,
  subject: requiredText(200),
  body: requiredText(8000),
});
export type ContactRequestInput = z.infer<typeof contactRequestInput>;

export const routedBySchema = z.enum(['topic', 'organization', 'coordinator']);
export const contactRequestDto = z.object({
  id: uuid,
  organizationId: uuid,
  organizationName: z.string(),
  topic: contactTopicSchema,
  subject: z.string(),
  body: z.string(),
  from: z.object({ personId: uuid, name: z.string() }).nullable(),
  /** Who it reached: the topic's contacts, else the organization's points of contact, else the Coordinator. */
  routedTo: z.array(z.object({ personId: uuid, name: z.string() })),
  routedBy: routedBySchema,
  createdAt: isoDateTime,
});
export type ContactRequestDto = z.infer<typeof contactRequestDto>;
