import { definePolicy, hasRole, staffMember } from '../../platform/permissions.js';

export const coveragePolicy = definePolicy({
  // Names people: for the coalition's staff, like the directory.
  'coverage.read': staffMember,
  'coverage.assign': hasRole('coordinator', 'leadership_council'),
});
