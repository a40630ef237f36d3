import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, requiredText, uuid } from './common.contract.js';
import { audienceSchema } from './meetings.contract.js';

/**
 * Communications (white paper Recommendation #7: the Coordinator disseminates upcoming workshops,
 * seminars and apprenticeships to points of contact): announcements to segments, a weekly digest
 * tailored to each person's roles, preferences, and one-click unsubscribe (RFC 8058).
 *
 * Endpoints (all under /api/v1):
 *   POST   /coalitions/{slug}/announcements/preview        audiencePreviewInput → audiencePreviewDto (Coordinator; sends nothing)
 *   GET    /coalitions/{slug}/announcements                announcementListQuery → page of announcementDto
 *                                                          (Coordinator: every one; others: the ones they received)
 *   POST   /coalitions/{slug}/announcements                announcementCreateInput → 201 announcementDto (Coordinator; send: true queues it at once)
 *   GET    /coalitions/{slug}/announcements/{id}           announcementDto (Coordinator, or a recipient)
 *   PATCH  /coalitions/{slug}/announcements/{id}           announcementUpdateInput → announcementDto (Coordinator; drafts only, else 409)
 *   DELETE /coalitions/{slug}/announcements/{id}           204 (Coordinator; drafts only, else 409)
 *   POST   /coalitions/{slug}/announcements/{id}/send      → announcementDto with status 'queued' (Coordinator; a draft only, else 409)
 *   GET    /coalitions/{slug}/announcements/{id}/deliveries deliveryListQuery → page of deliveryDto (Coordinator)
 *   GET    /coalitions/{slug}/digests                      listQuery → page of digestRunDto (Coordinator)
 *   POST   /coalitions/{slug}/digests                      digestRunInput → 201 digestRunDto (Coordinator; the week's run
 *                                                          already exists → 200 with that run: one digest per person per week)
 *   GET    /coalitions/{slug}/digests/{id}                 digestRunDto (Coordinator)
 *   GET    /coalitions/{slug}/digests/schedule             digestScheduleDto (Coordinator: when it starts itself, last and next run)
 *   PUT    /coalitions/{slug}/digests/schedule             digestScheduleInput → digestScheduleDto (Coordinator)
 *   GET    /coalitions/{slug}/communications/digest-preview digestPreviewQuery → digestPreviewDto (the signed-in person's own digest)
 *   GET    /coalitions/{slug}/communications/preferences   preferencesDto (one's own)
 *   PUT    /coalitions/{slug}/communications/preferences   preferencesUpdateInput → preferencesDto (one's own)
 *   GET    /unsubscribe/{token}                            unsubscribeInfoDto (no sign-in; changes nothing, so mail scanners are harmless)
 *   POST   /unsubscribe/{token}                            → unsubscribeResultDto (no sign-in; RFC 8058 one-click: body
 *                                                          `List-Unsubscribe=One-Click` as form data, or empty / JSON from the web page)
 * The link in every message's footer opens the web page UNSUBSCRIBE_WEB_PATH + '/{token}' (outside /c/{slug}),
 * which shows unsubscribeInfoDto and confirms with the POST. In-app notifications of an announcement
 * have kind 'communications.announcement' and payload { announcementId, subject }.
 */

export const UNSUBSCRIBE_WEB_PATH = '/unsubscribe';
export const ANNOUNCEMENT_NOTIFICATION_KIND = 'communications.announcement';

// ── Audience ────────────────────────────────────────────────────────────────────────────────────
/** The segment: the union of people with these roles, at these organization types, on these initiatives, points of contact, or named. */
export const announcementAudienceSchema = audienceSchema;
export type AnnouncementAudienceInput = z.input<typeof announcementAudienceSchema>;

export const audiencePreviewInput = z.object({ audience: announcementAudienceSchema });
export type AudiencePreviewInput = z.input<typeof audiencePreviewInput>;

export const audienceMemberDto = z.object({
  id: uuid,
  name: z.string(),
  organizationName: z.string().nullable(),
  roles: z.array(z.string()),
  /** Has an e-mail address and has not opted out of announcements (or unsubscribed from everything). */
  mailable: z.boolean(),
});
export type AudienceMemberDto = z.infer<typeof audienceMemberDto>;

export const AUDIENCE_SAMPLE_SIZE = 10;
export const audiencePreviewDto = z.object({
  /** People in the segment. */
  total: z.number().int(),
  /** Of them, who would get the e-mail. */
  mailable: z.number().int(),
  /** Opted out of announcements or unsubscribed: in-app notification only. */
  optedOut: z.number().int(),
  /** No e-mail address on file: in-app notification only (if they have an account). */
  withoutEmail: z.number().int(),
  /** Up to AUDIENCE_SAMPLE_SIZE people of the segment, by name. */
  sample: z.array(audienceMemberDto),
});
export type AudiencePreviewDto = z.infer<typeof audiencePreviewDto>;

// ── Announcements ───────────────────────────────────────────────────────────────────────────────
export const announcementStatuses = ['draft', 'queued', 'sending', 'sent', 'failed'] as const;
export const announcementStatusSchema = z.enum(announcementStatuses);
export type AnnouncementStatus = z.infer<typeof announcementStatusSchema>;

const announcementFields = z.object({
  subject: requiredText(200),
  body: requiredText(20000),
  audience: announcementAudienceSchema,
});
export const announcementCreateInput = announcementFields.extend({ send: z.boolean().default(false) });
export type AnnouncementCreateInput = z.input<typeof announcementCreateInput>;
export const announcementUpdateInput = announcementFields.partial();
export type AnnouncementUpdateInput = z.input<typeof announcementUpdateInput>;

/** What happened to each recipient: mailed, not mailed because they opted out, or no address. Everyone also gets an in-app notification. */
export const deliveryChannels = ['email', 'suppressed', 'no_address'] as const;
export const deliveryChannelSchema = z.enum(deliveryChannels);
export type DeliveryChannel = z.infer<typeof deliveryChannelSchema>;

export const deliveryCountsDto = z.object({ email: z.number().int(), suppressed: z.number().int(), no_address: z.number().int() });
export type DeliveryCountsDto = z.infer<typeof deliveryCountsDto>;

export const announcementDto = z.object({
  id: uuid,
  subject: z.string(),
  body: z.string(),
  audience: z.object({ roles: z.array(z.string()), organizationTypes: z.array(z.string()), initiativeIds: z.array(z.string()), personIds: z.array(z.string()), pointsOfContact: z.boolean() }),
  status: announcementStatusSchema,
  /** People the announcement reached (delivery records), computed from the records. */
  recipients: z.number().int(),
  deliveries: deliveryCountsDto,
  createdBy: z.object({ id: uuid, name: z.string() }).nullable(),
  sentAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type AnnouncementDto = z.infer<typeof announcementDto>;

export const announcementListQuery = listQuery.extend({ status: announcementStatusSchema.optional() });
export type AnnouncementListQuery = z.infer<typeof announcementListQuery>;

export const deliveryDto = z.object({
  personId: uuid,
  name: z.string(),
  channel: deliveryChannelSchema,
  createdAt: isoDateTime,
});
export type DeliveryDto = z.infer<typeof deliveryDto>;
export const deliveryListQuery = listQuery.omit({ q: true }).extend({ channel: deliveryChannelSchema.optional() });
export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;

// ── Weekly digest ───────────────────────────────────────────────────────────────────────────────
export const digestRunStatuses = ['running', 'completed', 'failed'] as const;
export const digestRunStatusSchema = z.enum(digestRunStatuses);

/** weekOf: any day of the week; the run is kept under that week's Monday. Default: the current week (coalition time zone). */
export const digestRunInput = z.object({ weekOf: isoDate.optional() });
export type DigestRunInput = z.input<typeof digestRunInput>;

export const digestRunDto = z.object({
  id: uuid,
  /** The Monday of the week. */
  weekOf: isoDate,
  status: digestRunStatusSchema,
  /** People in the run (digest on, not unsubscribed, with an e-mail address), batched. */
  recipients: z.number().int(),
  batches: z.number().int(),
  batchesDone: z.number().int(),
  batchSize: z.number().int(),
  /** Digests e-mailed and people skipped (nothing for them this week), from the delivery records. */
  emailed: z.number().int(),
  empty: z.number().int(),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
});
export type DigestRunDto = z.infer<typeof digestRunDto>;

/** When the digest starts itself: a weekday (1 = Monday … 7 = Sunday) and an hour, in the coalition's time zone. */
export const digestScheduleInput = z.object({
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  enabled: z.boolean(),
});
export type DigestScheduleInput = z.infer<typeof digestScheduleInput>;

export const digestScheduleDto = digestScheduleInput.extend({
  timeZone: z.string(),
  /** The next start (the current week's, if due and not yet run); null when the schedule is off. */
  nextRunAt: isoDateTime.nullable(),
  /** The latest run, started by the schedule or by a person. */
  lastRun: z.object({ weekOf: isoDate, startedAt: isoDateTime, startedBy: z.enum(['schedule', 'person']), status: digestRunStatusSchema }).nullable(),
});
export type DigestScheduleDto = z.infer<typeof digestScheduleDto>;

export const digestPreviewQuery = z.object({ weekOf: isoDate.optional() });
export const digestOpportunityDto = z.object({
  id: uuid,
  title: z.string(),
  kind: z.string(),
  organizationName: z.string(),
  startsOn: isoDate.nullable(),
  applicationDeadline: isoDate.nullable(),
});
export const digestMatchDto = digestOpportunityDto.extend({ score: z.number() });
export const digestActionItemDto = z.object({ id: uuid, title: z.string(), dueOn: isoDate, overdue: z.boolean(), meetingId: uuid, meetingTitle: z.string() });
export const digestPreviewDto = z.object({
  weekOf: isoDate,
  roles: z.array(z.string()),
  /** Workshops, seminars, apprenticeships and other opportunities starting in the next weeks, for their roles. */
  upcoming: z.array(digestOpportunityDto),
  /** Students: opportunities posted in the last week that match their skills. */
  matched: z.array(digestMatchDto),
  /** Their open action items due by the end of next week (overdue ones first). */
  actionItems: z.array(digestActionItemDto),
  /** Whether this person would be e-mailed (digest on, not unsubscribed, an address, something to say). */
  wouldSend: z.boolean(),
});
export type DigestPreviewDto = z.infer<typeof digestPreviewDto>;

// ── Preferences and unsubscribe ─────────────────────────────────────────────────────────────────
export const preferencesDto = z.object({
  email: z.string().nullable(),
  announcements: z.boolean(),
  digest: z.boolean(),
  meetingFollowUps: z.boolean(),
  /** Set by the one-click unsubscribe link: no announcement, digest or meeting mail at all until resubscribed. */
  unsubscribedAt: isoDateTime.nullable(),
});
export type PreferencesDto = z.infer<typeof preferencesDto>;

export const preferencesUpdateInput = z
  .object({
    announcements: z.boolean().optional(),
    digest: z.boolean().optional(),
    meetingFollowUps: z.boolean().optional(),
    /** true clears an unsubscribe; false unsubscribes from everything (same as the link). */
    subscribed: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change', path: ['announcements'] });
export type PreferencesUpdateInput = z.input<typeof preferencesUpdateInput>;

export const unsubscribeParams = z.object({ token: z.string().min(20).max(300).regex(/^[A-Za-z0-9._-]+$/, 'Not an unsubscribe link') });
export const unsubscribeInfoDto = z.object({
  coalitionName: z.string(),
  /** The address, partly masked (j•••@example.org). */
  email: z.string().nullable(),
  unsubscribed: z.boolean(),
});
export type UnsubscribeInfoDto = z.infer<typeof unsubscribeInfoDto>;
export const unsubscribeResultDto = z.object({ coalitionName: z.string(), unsubscribed: z.literal(true) });
export type UnsubscribeResultDto = z.infer<typeof unsubscribeResultDto>;
