import { definePolicy, either, hasRole, staffMember, type Rule } from '../../platform/permissions.js';

/** A member organization's own staff follow their commitments; the Leadership Council sees all. */
const ownOrganization: Rule<{ organizationId: string }> = (s, c) =>
  s.principal !== null && s.principal.organizationId === c.organizationId && ![...s.principal.roles].every((r) => r === 'student');
export const councilOrCoordinator = hasRole('coordinator', 'leadership_council');

export const commitmentsPolicy = definePolicy({
  // The list is filtered to the caller's own organization unless they sit on the Leadership Council.
  'commitment.list': staffMember,
  'commitment.read': either<{ organizationId: string }>(councilOrCoordinator, ownOrganization),
  'commitment.create': councilOrCoordinator,
  // Progress is reported by the member's own staff, too.
  'commitment.update': either<{ organizationId: string }>(councilOrCoordinator, ownOrganization),
  'commitment.delete': councilOrCoordinator,
});
