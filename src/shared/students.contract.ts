import { z } from 'zod';
import { isoDate, isoDateTime, listQuery, optionalText, requiredText, uuid } from './common.contract.js';
import { skillName } from './opportunities.contract.js';

/**
 * Students' records are education records. Who sees one: the student, their institution's staff,
 * the Coordinator, and only the employers the student shared their profile with or applied to;
 * a minor (under 18 when the record is read; unknown date of birth counts as a minor) only once a
 * guardian's consent is recorded. Every read by anyone else than the student is logged.
 */

/** How a skill is known: declared by the student, or evidenced by a course, work-based learning or a portfolio project. */
export const skillSources = ['declared', 'course', 'work_based_learning', 'portfolio'] as const;
export const skillSourceSchema = z.enum(skillSources);
export type SkillSource = z.infer<typeof skillSourceSchema>;

/** A skill the student declares (a name) or a course evidences ({name, source: 'course', evidence: 'CS 20 Database Essentials'}). */
export const studentSkillInput = z.union([
  skillName,
  z.object({ name: skillName, source: z.enum(['declared', 'course']).default('declared'), evidence: optionalText(200) }),
]);
export type StudentSkillInput = z.input<typeof studentSkillInput>;

export const equityAttributes = ['firstGeneration', 'lowIncome', 'noFourYearDegreePath', 'careerChanger'] as const;
export type EquityAttribute = (typeof equityAttributes)[number];
/** Self-reported; null = not reported. Used only in aggregate (counts under 10 suppressed), never shown to employers. */
export const equityInput = z.object({
  firstGeneration: z.boolean().nullish(),
  lowIncome: z.boolean().nullish(),
  noFourYearDegreePath: z.boolean().nullish(),
  careerChanger: z.boolean().nullish(),
});
export const equityDto = z.object({
  firstGeneration: z.boolean().nullable(),
  lowIncome: z.boolean().nullable(),
  noFourYearDegreePath: z.boolean().nullable(),
  careerChanger: z.boolean().nullable(),
});

const email = z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid e-mail address'));

const studentFields = z.object({
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: email.nullish(),
  institutionId: uuid,
  pathway: optionalText(100),
  graduationYear: z.number().int().min(1950).max(2100).nullish(),
  dateOfBirth: isoDate.nullish(),
  /** Hours a week the student can give to a placement; null = not said. */
  hoursPerWeek: z.number().int().min(0).max(80).nullish(),
  availableFrom: isoDate.nullish(),
  skills: z.array(studentSkillInput).max(100),
  equity: equityInput,
  externalId: optionalText(100),
});

/** CONTRACT: the import's columns (externalId, firstName, lastName, email, institutionId, pathway, skills, graduationYear) plus dateOfBirth. */
export const studentCreateInput = studentFields.extend({ skills: studentFields.shape.skills.default([]), equity: equityInput.default({}) });
export type StudentCreateInput = z.input<typeof studentCreateInput>;
/** `skills` replaces the declared and course skills (portfolio and work-based-learning evidence stay). */
export const studentUpdateInput = studentFields.partial();
export type StudentUpdateInput = z.infer<typeof studentUpdateInput>;

export const studentSkillDto = z.object({
  id: z.string(),
  name: z.string(),
  sources: z.array(skillSourceSchema),
  /** Course titles, opportunity titles, portfolio items that evidence it. */
  evidence: z.array(z.string()),
});
export type StudentSkillDto = z.infer<typeof studentSkillDto>;

export const portfolioItemInput = z.object({
  title: requiredText(200),
  url: z
    .string()
    .trim()
    .max(500)
    .transform((v) => (v === '' ? null : v))
    .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address starting with http:// or https://' }).nullable())
    .nullish(),
  description: optionalText(4000),
  completedOn: isoDate.nullish(),
  skills: z.array(skillName).max(30).default([]),
});
export type PortfolioItemInput = z.input<typeof portfolioItemInput>;
export const portfolioItemUpdateInput = portfolioItemInput.extend({ skills: z.array(skillName).max(30) }).partial();
export const portfolioItemDto = z.object({
  id: uuid,
  title: z.string(),
  url: z.string().nullable(),
  description: z.string().nullable(),
  completedOn: isoDate.nullable(),
  skills: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: isoDateTime,
});
export type PortfolioItemDto = z.infer<typeof portfolioItemDto>;

export const guardianConsentInput = z.object({
  guardianName: requiredText(200),
  relationship: requiredText(60),
  /** How it was given: a signed form, an e-signature… */
  method: requiredText(60),
  givenOn: isoDate,
});
export const guardianConsentDto = z.object({
  id: uuid,
  guardianName: z.string(),
  relationship: z.string(),
  method: z.string(),
  givenOn: isoDate,
  recordedBy: z.string().nullable(),
  recordedAt: isoDateTime,
});
export type GuardianConsentDto = z.infer<typeof guardianConsentDto>;

export const shareInput = z.object({ employerId: uuid });
export const shareDto = z.object({ employerId: uuid, employerName: z.string(), sharedAt: isoDateTime });
export type ShareDto = z.infer<typeof shareDto>;

/** How the caller is related to the record: what decides which parts they see. */
export const viewerRelations = ['self', 'coordinator', 'institution', 'employer'] as const;
export const viewerRelationSchema = z.enum(viewerRelations);
export type ViewerRelation = z.infer<typeof viewerRelationSchema>;

export const studentListItemDto = z.object({
  id: uuid,
  externalId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  institutionId: uuid,
  institutionName: z.string(),
  pathway: z.string().nullable(),
  graduationYear: z.number().int().nullable(),
  skills: z.array(z.object({ id: z.string(), name: z.string() })),
  hasAccount: z.boolean(),
  viewerRelation: viewerRelationSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type StudentListItemDto = z.infer<typeof studentListItemDto>;

/** The record. Date of birth, consent, equity and shares are null for employers. */
export const studentDto = studentListItemDto.omit({ skills: true }).extend({
  skills: z.array(studentSkillDto),
  dateOfBirth: isoDate.nullable(),
  /** Under 18 today (or no date of birth): employers see nothing until a guardian consents. Null for employers. */
  isMinor: z.boolean().nullable(),
  guardianConsent: guardianConsentDto.nullable(),
  hoursPerWeek: z.number().int().nullable(),
  availableFrom: isoDate.nullable(),
  equity: equityDto.nullable(),
  sharedWith: z.array(shareDto).nullable(),
  portfolio: z.array(portfolioItemDto),
  /** Opted out of directory information (FERPA): left out of the Coordinator's lists and searches. Null for employers. */
  directoryOptOut: z.boolean().nullable(),
});
export type StudentDto = z.infer<typeof studentDto>;

export const studentListQuery = listQuery.extend({
  institutionId: uuid.optional(),
  pathway: z.string().max(100).optional(),
  graduationYear: z.coerce.number().int().min(1950).max(2100).optional(),
});
export type StudentListQuery = z.infer<typeof studentListQuery>;

export const accessLogEntryDto = z.object({
  id: uuid,
  at: isoDateTime,
  actorUserId: uuid.nullable(),
  actorName: z.string().nullable(),
  organizationName: z.string().nullable(),
  route: z.string(),
  reason: z.string(),
});
export type AccessLogEntryDto = z.infer<typeof accessLogEntryDto>;
export const accessLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** Everything the coalition holds about a student, for the student to download (their own record). */
export const studentRecordExportDto = z.object({
  exportedAt: isoDateTime,
  student: studentDto,
  applications: z.array(
    z.object({
      id: uuid,
      opportunityId: uuid,
      opportunityTitle: z.string(),
      opportunityKind: z.string(),
      employerName: z.string(),
      status: z.string(),
      createdAt: isoDateTime,
      history: z.array(z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), at: isoDateTime, note: z.string().nullable() })),
      placement: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  accessLog: z.array(accessLogEntryDto),
});
export type StudentRecordExportDto = z.infer<typeof studentRecordExportDto>;

/** FERPA directory information: a student who opts out is left out of directory listings and searches. */
export const directoryOptOutInput = z.object({ optOut: z.boolean() });
export const directoryOptOutDto = z.object({ optOut: z.boolean(), since: isoDateTime.nullable() });
export type DirectoryOptOutDto = z.infer<typeof directoryOptOutDto>;

/** What a correction request is about: a part of the record. */
export const correctionFields = ['firstName', 'lastName', 'email', 'institution', 'pathway', 'graduationYear', 'dateOfBirth', 'skills', 'portfolio', 'applications', 'other'] as const;
export const correctionStatuses = ['open', 'accepted', 'rejected'] as const;
export type CorrectionStatus = (typeof correctionStatuses)[number];
export const correctionRequestInput = z.object({
  field: z.enum(correctionFields),
  /** What the record should say. */
  requestedValue: requiredText(1000),
  reason: requiredText(2000),
});
/** A rejection must say why (the student may then ask for a hearing or add a statement). */
export const correctionResolveInput = z
  .object({ decision: z.enum(['accepted', 'rejected']), note: optionalText(2000) })
  .superRefine((value, issue) => {
    if (value.decision === 'rejected' && !value.note) issue.addIssue({ code: 'custom', path: ['note'], message: 'Say why the request is rejected' });
  });
export const correctionRequestDto = z.object({
  id: uuid,
  studentId: uuid,
  studentName: z.string(),
  field: z.enum(correctionFields),
  requestedValue: z.string(),
  reason: z.string(),
  status: z.enum(correctionStatuses),
  requestedBy: z.string().nullable(),
  createdAt: isoDateTime,
  resolvedBy: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  resolutionNote: z.string().nullable(),
});
export type CorrectionRequestDto = z.infer<typeof correctionRequestDto>;
export const correctionListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  status: z.enum(correctionStatuses).optional(),
});
export type CorrectionListQuery = z.infer<typeof correctionListQuery>;

/** Retention periods (whole years) a coalition sets for student-related records; applied daily by a background job. */
export const RETENTION_DEFAULTS = { accessLogYears: 5, withdrawnApplicationYears: 2 } as const;
export const retentionInput = z.object({
  /** Access-log entries older than this are deleted. */
  accessLogYears: z.number().int().min(1).max(50),
  /** Withdrawn applications of students whose graduation year is at least this many years past are deleted. */
  withdrawnApplicationYears: z.number().int().min(1).max(50),
});
export const retentionDto = retentionInput.extend({
  isDefault: z.boolean(),
  lastRun: z.object({ at: isoDateTime, accessLogDeleted: z.number().int(), applicationsDeleted: z.number().int() }).nullable(),
});
export type RetentionDto = z.infer<typeof retentionDto>;
