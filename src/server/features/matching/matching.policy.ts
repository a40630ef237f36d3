import type { ViewerRelation } from '../../../shared/students.contract.js';
import { definePolicy, either, hasRole, type Rule } from '../../platform/permissions.js';

const isStaff = (roles: ReadonlySet<string>) => [...roles].some((role) => role !== 'student');
/** Staff of the host organization. */
const hostStaff: Rule<{ employerId: string }> = (s, o) => s.principal !== null && s.principal.organizationId === o.employerId && isStaff(s.principal.roles);
/** Staff of a school: they look for their own students (visibility limits the list to them). */
const schoolStaff: Rule = (s) => s.principal !== null && isStaff(s.principal.roles) && ['k12', 'college', 'university'].includes(s.principal.organizationType ?? '');
const relationIs =
  (...relations: ViewerRelation[]): Rule<{ relation: ViewerRelation }> =>
  (_s, r) =>
    relations.includes(r.relation);

export const matchingPolicy = definePolicy({
  // A student's matches: the student, their school, the Coordinator (not employers: they see candidates).
  'matching.matches': relationIs('self', 'institution', 'coordinator'),
  // Candidates for an opportunity: its host, the Coordinator, and schools for their own students.
  'matching.candidates': either<{ employerId: string }>(hasRole('coordinator'), hostStaff, schoolStaff),
});
