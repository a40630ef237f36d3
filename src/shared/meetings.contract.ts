import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, organizationTypeSchema, requiredText, roleSchema, slugParams, uuid } from './common.contract.js';

/**
 * Meetings (white paper Chapter 4: strategy sessions, coalition meetings, the Leadership Council,
 * focus groups, working sessions), their live agenda, attendance, minutes and action items.
 */
export const meetingKinds = ['strategy_session', 'coalition_meeting', 'leadership_council', 'focus_group', 'working_session'] as const;
export const meetingKindSchema = z.enum(meetingKinds);
export type MeetingKind = z.infer<typeof meetingKindSchema>;

/** A recurring meeting is stored as one meeting per occurrence (each has its own agenda and minutes). */
export const recurrenceFrequencies = ['weekly', 'biweekly', 'monthly'] as const;
export const recurrenceSchema = z.object({ frequency: z.enum(recurrenceFrequencies), count: z.number().int().min(2).max(52) });

/** Who is invited: the union of people with these roles, at these organization types, on these initiatives, or named. */
export const audienceSchema = z.object({
  roles: z.array(roleSchema).max(10).default([]),
  organizationTypes: z.array(organizationTypeSchema).max(10).default([]),
  initiativeIds: z.array(uuid).max(50).default([]),
  personIds: z.array(uuid).max(500).default([]),
  /** Points of contact of member organizations (announcements; meetings accept it too). */
  pointsOfContact: z.boolean().default(false),
});
export type AudienceInput = z.input<typeof audienceSchema>;
export type Audience = z.infer<typeof audienceSchema>;

const httpsUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^https?:\/\//i.test(v), 'A link starting with https://')
  .transform((v) => (v === '' ? null : v))
  .nullish();

const meetingFields = z.object({
  title: requiredText(200),
  kind: meetingKindSchema,
  startsAt: isoDateTime,
  durationMinutes: z.number().int().min(5).max(24 * 60),
  location: optionalText(300),
  videoUrl: httpsUrl,
  description: optionalText(4000),
  audience: audienceSchema.optional(),
});
export const meetingCreateInput = meetingFields.extend({ recurrence: recurrenceSchema.nullish() });
export type MeetingCreateInput = z.input<typeof meetingCreateInput>;
export const meetingUpdateInput = meetingFields
  .partial()
  .extend({
    minutes: optionalText(20000),
    decisions: z.array(requiredText(1000)).max(100).optional(),
    /** The Coordinator's order of the agenda's sections (section keys); missing ones follow. */
    agendaOrder: z.array(z.string().max(60)).max(30).optional(),
    agendaHidden: z.array(z.string().max(60)).max(30).optional(),
  });
export type MeetingUpdateInput = z.input<typeof meetingUpdateInput>;

/** Cancelling: an optional reason, which the invitees' notification carries. */
export const meetingCancelInput = z.object({ reason: optionalText(1000) }).nullish();
export type MeetingCancelInput = z.input<typeof meetingCancelInput>;

export const rsvpStatuses = ['pending', 'yes', 'no', 'maybe'] as const;
export const rsvpSchema = z.enum(rsvpStatuses);

export const personRef = z.object({ id: uuid, name: z.string() });
export type PersonRefDto = z.infer<typeof personRef>;

export const meetingDto = z.object({
  id: uuid,
  title: z.string(),
  kind: meetingKindSchema,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  durationMinutes: z.number().int(),
  timeZone: z.string(),
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  description: z.string().nullable(),
  seriesId: uuid.nullable(),
  audience: z.object({ roles: z.array(z.string()), organizationTypes: z.array(z.string()), initiativeIds: z.array(z.string()), personIds: z.array(z.string()), pointsOfContact: z.boolean() }),
  minutes: z.string().nullable(),
  decisions: z.array(z.string()),
  agendaOrder: z.array(z.string()),
  agendaHidden: z.array(z.string()),
  invited: z.number().int(),
  attended: z.number().int(),
  myRsvp: rsvpSchema.nullable(),
  followUpSentAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type MeetingDto = z.infer<typeof meetingDto>;

export const meetingListQuery = listQuery.extend({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  kind: meetingKindSchema.optional(),
  /** Only meetings the caller is invited to. */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

export const inviteeDto = z.object({
  personId: uuid,
  name: z.string(),
  organizationName: z.string().nullable(),
  rsvp: rsvpSchema,
  attended: z.boolean(),
  checkedInAt: isoDateTime.nullable(),
});
export type InviteeDto = z.infer<typeof inviteeDto>;
export const rsvpInput = z.object({ rsvp: rsvpSchema });
export const checkInInput = z.object({ personId: uuid, attended: z.boolean().default(true) });
export const meetingPersonParams = slugParams.extend({ id: uuid, personId: uuid });

// ---- Action items ----
export const actionItemStatuses = ['open', 'done'] as const;
export const actionItemCreateInput = z.object({ title: requiredText(300), ownerId: uuid, dueOn: isoDate, notes: optionalText(2000) });
export type ActionItemCreateInput = z.input<typeof actionItemCreateInput>;
export const actionItemUpdateInput = z.object({
  title: requiredText(300).optional(),
  ownerId: uuid.optional(),
  dueOn: isoDate.optional(),
  notes: optionalText(2000),
  status: z.enum(actionItemStatuses).optional(),
});
export type ActionItemUpdateInput = z.input<typeof actionItemUpdateInput>;
export const actionItemDto = z.object({
  id: uuid,
  meetingId: uuid,
  meetingTitle: z.string(),
  meetingStartsAt: isoDateTime,
  title: z.string(),
  notes: z.string().nullable(),
  owner: personRef.nullable(),
  dueOn: isoDate,
  status: z.enum(actionItemStatuses),
  doneAt: isoDateTime.nullable(),
  initiativeId: uuid.nullable(),
  taskId: uuid.nullable(),
  createdAt: isoDateTime,
});
export type ActionItemDto = z.infer<typeof actionItemDto>;
export const actionItemParams = slugParams.extend({ id: uuid, itemId: uuid });
export const actionItemListQuery = listQuery.extend({ status: z.enum(actionItemStatuses).optional() });
export type ActionItemListQuery = z.infer<typeof actionItemListQuery>;
/** Turns an action item into a task of an initiative's action plan. */
export const actionItemToTaskInput = z.object({ initiativeId: uuid, durationDays: z.number().int().min(1).max(365).default(7) });

// ---- Agenda ----
/**
 * The paper's standing sections (Chapter 4, "Coalition meetings"), in their default order. Other
 * rooms' sections (e.g. overdue commitments) add their key here and a builder on the server.
 */
export const agendaSectionKeys = [
  'prior_action_items',
  'initiative_updates',
  'labor_market',
  'hiring_demands',
  'curriculum_updates',
  'new_initiatives',
  'action_item_progress',
  'wbl_opportunities',
  'overdue_commitments',
  'proposed_items',
] as const;

export const agendaEntryDto = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  /** A web path inside the coalition (e.g. `initiatives/…`), when the entry has a page. */
  link: z.string().nullable(),
  /** Short machine tag: carried, slipped, new, decided, done, proposed… */
  tag: z.string().nullable(),
});
export type AgendaEntryDto = z.infer<typeof agendaEntryDto>;
export const agendaSectionDto = z.object({ key: z.string(), title: z.string(), hidden: z.boolean(), items: z.array(agendaEntryDto) });
export type AgendaSectionDto = z.infer<typeof agendaSectionDto>;
export const agendaDto = z.object({
  meetingId: uuid,
  since: isoDateTime,
  previousMeetingId: uuid.nullable(),
  generatedAt: isoDateTime,
  sections: z.array(agendaSectionDto),
});
export type AgendaDto = z.infer<typeof agendaDto>;

export const agendaItemCreateInput = z.object({ title: requiredText(300), notes: optionalText(2000) });
export type AgendaItemCreateInput = z.input<typeof agendaItemCreateInput>;
export const agendaItemUpdateInput = z.object({
  title: requiredText(300).optional(),
  notes: optionalText(2000),
  status: z.enum(['proposed', 'accepted', 'declined']).optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export const agendaItemDto = z.object({ id: uuid, title: z.string(), notes: z.string().nullable(), status: z.string(), position: z.number().int(), proposedBy: personRef.nullable() });
export const agendaItemParams = slugParams.extend({ id: uuid, itemId: uuid });

// ---- Calendar feeds ----
export const calendarFeedDto = z.object({ url: z.string(), createdAt: isoDateTime });
export const feedTokenParams = z.object({ token: z.string().min(10).max(200) });
export const followUpDto = z.object({ jobId: uuid });
