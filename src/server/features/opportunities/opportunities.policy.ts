import { anyMember, anyone, definePolicy, either, hasRole, type Rule } from '../../platform/permissions.js';

/** Staff (not a student) of the organization that hosts the opportunity. */
export const hostStaff: Rule<{ employerId: string }> = (s, record) =>
  s.principal !== null && s.principal.organizationId === record.employerId && [...s.principal.roles].some((role) => role !== 'student');
const coalitionStaff = hasRole('coordinator', 'leadership_council');

export const opportunitiesPolicy = definePolicy({
  // Everyone in the coalition browses opportunities (drafts only their host and the Coordinator).
  'opportunity.list': anyMember,
  'opportunity.read': anyMember,
  'opportunity.export': anyMember,
  // The Coordinator, the Leadership Council, or the host's own staff.
  'opportunity.create': either<{ employerId: string }>(coalitionStaff, hostStaff),
  'opportunity.update': either<{ employerId: string }>(coalitionStaff, hostStaff),
  'opportunity.delete': either<{ employerId: string }>(hasRole('coordinator'), hostStaff),
  'opportunity.import': coalitionStaff,
  // Published postings are public by design: no personal data in them.
  'opportunity.jobPosting': anyone,
});
