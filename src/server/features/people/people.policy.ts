import { definePolicy, either, hasRole, staffMember, type Rule } from '../../platform/permissions.js';

const self: Rule<{ id: string }> = (s, person) => s.principal !== null && s.principal.personId === person.id;

export const peoplePolicy = definePolicy({
  // Contact details are for the coalition's staff, not for students browsing.
  'person.list': staffMember,
  'person.read': either<{ id: string }>(staffMember, self),
  'person.create': hasRole('coordinator', 'leadership_council'),
  'person.update': either<{ id: string }>(hasRole('coordinator', 'leadership_council'), self),
  'person.assignRoles': hasRole('coordinator'),
  // Moving someone (yourself included) into an organization grants its point-of-contact rights.
  'person.assignOrganization': hasRole('coordinator', 'leadership_council'),
  // E-mail and external id tie a person to invitations and imports: not for self-service.
  'person.assignIdentity': hasRole('coordinator', 'leadership_council'),
  'person.delete': hasRole('coordinator'),
});
