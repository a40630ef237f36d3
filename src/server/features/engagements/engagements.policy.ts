import { definePolicy, either, hasRole, staffMember, type Rule } from '../../platform/permissions.js';

const staffOf =
  (field: 'organizationId' | 'schoolId'): Rule<Record<string, string | null>> =>
  (s, record) =>
    s.principal !== null && s.principal.organizationId === record[field] && [...s.principal.roles].some((role) => role !== 'student');
const coordinator = hasRole('coordinator');

export const engagementsPolicy = definePolicy({
  // The ledger is the coalition's staff's common view (not students').
  'engagement.capacity.read': staffMember,
  // An employer declares its own capacity; the Coordinator may record it for them.
  'engagement.capacity.declare': either(coordinator, staffOf('organizationId')),
  'engagement.request.list': staffMember,
  'engagement.request.read': staffMember,
  // A school asks for itself; the Coordinator may file a request for a school.
  'engagement.request.create': either(coordinator, staffOf('schoolId')),
  'engagement.request.update': either(coordinator, staffOf('schoolId')),
  // Brokering against capacity, declining and confirming delivery are the Coordinator's.
  'engagement.request.broker': coordinator,
  'engagement.request.decide': coordinator,
});
