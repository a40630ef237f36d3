import { anyMember, definePolicy, either, hasRole, type Rule } from '../../platform/permissions.js';

/** A point of contact may keep their own organization's record up to date. */
const ownOrganizationContact: Rule<{ id: string }> = (s, org) =>
  s.principal !== null && s.principal.roles.has('point_of_contact') && s.principal.organizationId === org.id;

export const organizationsPolicy = definePolicy({
  'organization.list': anyMember,
  'organization.read': anyMember,
  'organization.create': hasRole('coordinator', 'leadership_council'),
  'organization.update': either<{ id: string }>(hasRole('coordinator', 'leadership_council'), ownOrganizationContact),
  'organization.delete': hasRole('coordinator'),
});
