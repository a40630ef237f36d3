import { anyMember, definePolicy, either, hasRole, type Rule } from '../../platform/permissions.js';

/** An organization's own point of contact names who answers for it on each topic. */
const ownOrganizationContact: Rule<{ organizationId: string }> = (s, record) =>
  s.principal !== null && s.principal.roles.has('point_of_contact') && s.principal.organizationId === record.organizationId;

export const pointsOfContactPolicy = definePolicy({
  'contact.list': anyMember,
  'contact.assign': either<{ organizationId: string }>(hasRole('coordinator', 'leadership_council'), ownOrganizationContact),
  'contact.unassign': either<{ organizationId: string }>(hasRole('coordinator', 'leadership_council'), ownOrganizationContact),
  'contact.request': anyMember,
  'contact.readRequests': anyMember,
  // The Coordinator sees every request (they are the fallback recipient); others see theirs.
  'contact.readAllRequests': hasRole('coordinator'),
});
