import { anyMember, definePolicy, either, hasRole, type Rule } from '../../platform/permissions.js';

/** Staff (not only a student) of a member employer. */
const employerStaff: Rule = (s) =>
  s.principal !== null && s.principal.organizationType === 'employer' && [...s.principal.roles].some((role) => role !== 'student');

/** An employer's staff manage their own organization's needs, and only theirs. */
const ownEmployer: Rule<{ employerId: string }> = (s, need) => need !== undefined && employerStaff(s, need) && s.principal!.organizationId === need.employerId;

export const hiringNeedsPolicy = definePolicy({
  'hiringNeed.list': anyMember,
  'hiringNeed.read': anyMember,
  'hiringNeed.create': either<{ employerId: string }>(hasRole('coordinator'), ownEmployer),
  'hiringNeed.update': either<{ employerId: string }>(hasRole('coordinator'), ownEmployer),
  'hiringNeed.delete': either<{ employerId: string }>(hasRole('coordinator'), ownEmployer),
  // A file may name any employer: the Coordinator's.
  'hiringNeed.import': hasRole('coordinator'),
});
