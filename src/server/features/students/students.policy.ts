import type { ViewerRelation } from '../../../shared/students.contract.js';
import { anyMember, definePolicy, either, hasRole, type Rule } from '../../platform/permissions.js';

/**
 * Record rules receive the record with the caller's relation to it (students.visibility.ts decides
 * the relation, and which records a caller can find at all: a record they may not see is a 404).
 */
type Related = { relation: ViewerRelation };
const is =
  (...relations: ViewerRelation[]): Rule<Related> =>
  (_s, record) =>
    relations.includes(record.relation);
/** Staff (not a student) of the institution a new record belongs to. */
const institutionStaffFor: Rule<{ institutionId: string }> = (s, record) =>
  s.principal !== null && s.principal.organizationId === record.institutionId && [...s.principal.roles].some((role) => role !== 'student');
/** Staff of a school, college or university. */
const schoolStaff: Rule = (s) => s.principal !== null && [...s.principal.roles].some((role) => role !== 'student') && ['k12', 'college', 'university'].includes(s.principal.organizationType ?? '');
/** A student creating their own record. */
const selfRegistration: Rule<{ forSelf: boolean }> = (s, record) => s.principal !== null && record.forSelf && s.principal.roles.has('student');

export const studentsPolicy = definePolicy({
  // Lists are filtered to what the caller may see (their own record, for a student).
  'student.list': anyMember,
  'student.export': anyMember,
  'student.read': is('self', 'coordinator', 'institution', 'employer'),
  'student.create': either<{ institutionId: string; forSelf: boolean }>(hasRole('coordinator'), institutionStaffFor, selfRegistration),
  'student.update': is('self', 'coordinator', 'institution'),
  // Moving a student to another institution, or setting who they are in a school's system.
  'student.assignInstitution': either<{ institutionId: string }>(hasRole('coordinator'), institutionStaffFor),
  'student.assignIdentity': is('coordinator', 'institution'),
  // A date of birth decides whether a guardian must consent: once set, only the record's holders change it.
  'student.correctDateOfBirth': is('coordinator', 'institution'),
  'student.delete': is('coordinator', 'institution'),
  'student.import': hasRole('coordinator'),
  // The student alone decides which employers see their profile (the Coordinator may withdraw a share).
  'student.share': is('self'),
  'student.unshare': is('self', 'coordinator'),
  // A guardian's consent is recorded by the school or the Coordinator, never by the student.
  'student.recordConsent': is('coordinator', 'institution'),
  'student.readAccessLog': is('self', 'coordinator'),
  'student.exportRecord': is('self'),
  // Directory information (FERPA): the student decides; their school records a written opt-out for them.
  'student.setDirectoryOptOut': is('self', 'institution'),
  // The right to seek amendment: the student asks; the institution that holds the record decides.
  'student.requestCorrection': is('self'),
  'student.readCorrections': is('self', 'institution', 'coordinator'),
  'student.resolveCorrection': is('institution'),
  // The review queue: the Coordinator sees every request; a school's staff their own students'.
  'student.reviewCorrections': either(hasRole('coordinator'), schoolStaff),
  // Retention periods and their runs are the Coordinator's.
  'student.manageRetention': hasRole('coordinator'),
});
