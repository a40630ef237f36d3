import { and, eq, isNull, sql } from 'drizzle-orm';
import { guardianConsents, opportunities, organizations, students } from '../../db/schema.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { isMinor, relationTo, visibleStudents } from '../students/index.js';

/** The student an application is for, as the caller may see them (else a 422 naming studentId). */
export async function loadApplicant(ctx: TenantCtx, studentId: string) {
  const [row] = await ctx.db
    .select({
      id: students.id,
      personId: students.personId,
      institutionId: students.institutionId,
      institutionType: organizations.type,
      dateOfBirth: students.dateOfBirth,
      consented: sql<boolean>`exists (select 1 from ${guardianConsents} where ${guardianConsents.coalitionId} = ${students.coalitionId} and ${guardianConsents.studentId} = ${students.id} and ${isNull(guardianConsents.revokedAt)})`,
    })
    .from(students)
    .innerJoin(organizations, and(eq(organizations.coalitionId, students.coalitionId), eq(organizations.id, students.institutionId)))
    .where(and(eq(students.coalitionId, ctx.coalition.id), eq(students.id, studentId), visibleStudents(ctx.principal)));
  if (!row) throw invalidField('studentId', 'No such student');
  return { ...row, relation: relationTo(ctx.principal, row) };
}
export type Applicant = Awaited<ReturnType<typeof loadApplicant>>;

/** An opportunity open for applications today (else 422 when unknown, 409 when closed). */
export async function loadOpenOpportunity(ctx: TenantCtx, opportunityId: string) {
  const [row] = await ctx.db
    .select({ id: opportunities.id, kind: opportunities.kind, status: opportunities.status, audiences: opportunities.audiences, minimumAge: opportunities.minimumAge, startsOn: opportunities.startsOn, applicationDeadline: opportunities.applicationDeadline })
    .from(opportunities)
    .where(and(eq(opportunities.coalitionId, ctx.coalition.id), eq(opportunities.id, opportunityId)));
  if (!row || row.status === 'draft') throw invalidField('opportunityId', 'No such opportunity');
  if (row.status !== 'open') throw new AppError('conflict', `This opportunity is ${row.status}: it takes no applications`);
  const today = new Date().toISOString().slice(0, 10);
  if (row.applicationDeadline && row.applicationDeadline < today) throw new AppError('conflict', `Applications closed on ${row.applicationDeadline}`);
  return row;
}
export type OpenOpportunity = Awaited<ReturnType<typeof loadOpenOpportunity>>;

export const audienceOf = (institutionType: string) => (institutionType === 'k12' ? 'k12' : institutionType === 'university' ? 'university' : 'college');

/** Age in whole years on a date (ISO). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Audience, minimum age, and a guardian's consent for a minor: an application goes to an employer. */
export function checkEligibility(student: Applicant, opportunity: OpenOpportunity): void {
  const audience = audienceOf(student.institutionType);
  if (opportunity.audiences.length > 0 && !opportunity.audiences.includes(audience)) {
    throw invalidField('opportunityId', `This opportunity is for ${opportunity.audiences.join(', ')} participants, not ${audience} students`);
  }
  if (opportunity.minimumAge !== null) {
    const on = opportunity.startsOn ?? new Date().toISOString().slice(0, 10);
    if (student.dateOfBirth === null || ageOn(student.dateOfBirth, on) < opportunity.minimumAge) {
      throw invalidField('opportunityId', `Participants must be at least ${opportunity.minimumAge} when it starts${student.dateOfBirth === null ? ' (the record has no date of birth)' : ''}`);
    }
  }
  if (isMinor(student.dateOfBirth) && !student.consented) {
    throw new AppError('conflict', 'A guardian’s consent must be on record before an application from a minor can go to an employer');
  }
}
