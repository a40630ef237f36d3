import { anyMember, definePolicy, either, hasRole, type Rule } from '../../platform/permissions.js';

/** Staff of the organization itself. */
const ownOrganization: Rule<{ id: string }> = (s, org) => s.principal !== null && !s.principal.roles.has('student') && s.principal.organizationId === org.id;

export const metricsPolicy = definePolicy({
  // Coalition-wide aggregates: every member sees progress against targets.
  'metrics.read': anyMember,
  // Breakdowns by institution, employer and equity group (small cells suppressed): the coalition's leadership.
  'metrics.breakdown': hasRole('coordinator', 'leadership_council'),
  'metrics.setTarget': hasRole('coordinator'),
  'roadmap.read': anyMember,
  'roadmap.update': hasRole('coordinator'),
  // An organization's dashboard: its own staff, the Coordinator and the Leadership Council.
  'dashboard.organization': either<{ id: string }>(hasRole('coordinator', 'leadership_council'), ownOrganization),
});
