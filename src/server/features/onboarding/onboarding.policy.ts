import { definePolicy, either, hasRole, staffMember, type Rule } from '../../platform/permissions.js';

const ownOrganization: Rule<{ organizationId: string }> = (s, o) =>
  s.principal !== null && s.principal.organizationId === o.organizationId && [...s.principal.roles].some((r) => r !== 'student');
const councilOrCoordinator = hasRole('coordinator', 'leadership_council');

export const onboardingPolicy = definePolicy({
  // Staff see the checklist; a member's own staff see theirs (the list is filtered for them).
  'onboarding.list': staffMember,
  'onboarding.read': either<{ organizationId: string }>(councilOrCoordinator, ownOrganization),
  // Accepted on the organization's behalf by its own staff, or recorded by the Coordinator.
  'onboarding.acceptDataSharing': either<{ organizationId: string }>(hasRole('coordinator'), ownOrganization),
});
