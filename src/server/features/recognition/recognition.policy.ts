import { anyMember, anyone, definePolicy, hasRole, staffMember, type Rule } from '../../platform/permissions.js';

/** A member of a government office (the paper: formal recognition by a government office). */
const governmentMember: Rule = (s) => s.principal !== null && s.principal.organizationType === 'government' && !s.principal.roles.has('student');

export const recognitionPolicy = definePolicy({
  'recognition.readProgram': anyMember,
  'recognition.configure': hasRole('coordinator'),
  // Scores name organizations, never people: staff of any member may see where they stand.
  'recognition.scores': staffMember,
  'recognition.rounds': staffMember,
  'recognition.openRound': hasRole('coordinator'),
  'recognition.closeRound': hasRole('coordinator'),
  'recognition.nominate': hasRole('coordinator', 'leadership_council'),
  // The review committee is the Leadership Council.
  'recognition.decide': hasRole('leadership_council'),
  'recognition.endorse': governmentMember,
  'recognition.awards': anyMember,
  // Credentials and certificates are public and verifiable by anyone with the link.
  'recognition.credential': anyone,
});
