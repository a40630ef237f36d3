import { anyMember, definePolicy, either, hasRole, type Rule } from '../../platform/permissions.js';

/** Organization types whose staff run programs and courses. */
export const EDUCATION_TYPES = ['k12', 'college', 'university'] as const;

/** Staff (not only a student) of a member school, college or university. */
export const institutionStaff: Rule = (s) =>
  s.principal !== null &&
  (EDUCATION_TYPES as readonly string[]).includes(s.principal.organizationType ?? '') &&
  [...s.principal.roles].some((role) => role !== 'student');

/** Institution staff manage their own institution's programs and courses, and only theirs. */
export const ownInstitution: Rule<{ institutionId: string }> = (s, record) => institutionStaff(s, record) && s.principal!.organizationId === record.institutionId;

const manage = either<{ institutionId: string }>(hasRole('coordinator'), ownInstitution);

export const programsPolicy = definePolicy({
  'program.list': anyMember,
  'program.read': anyMember,
  'program.create': manage,
  'program.update': manage,
  'program.delete': manage,
  'course.create': manage,
  'course.update': manage,
  'course.delete': manage,
});
