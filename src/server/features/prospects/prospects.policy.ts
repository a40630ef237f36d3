import { definePolicy, hasRole } from '../../platform/permissions.js';

/** Recruitment is the intermediary's work, overseen by the Leadership Council. */
export const prospectsPolicy = definePolicy({
  'prospect.list': hasRole('coordinator', 'leadership_council'),
  'prospect.read': hasRole('coordinator', 'leadership_council'),
  'prospect.create': hasRole('coordinator', 'leadership_council'),
  'prospect.update': hasRole('coordinator', 'leadership_council'),
  // Joining makes an organization and invites its people: invitations are the Coordinator's.
  'prospect.convert': hasRole('coordinator'),
  'prospect.delete': hasRole('coordinator'),
});
