import { anyMember, definePolicy, either, hasRole, staffMember, type Rule } from '../../platform/permissions.js';
import { institutionStaff, ownInstitution } from '../programs/index.js';

interface ProposalRecord {
  authorId: string | null;
  institutionId: string;
}

/** The faculty owner: the author, or staff of the institution whose course it changes. */
const owner: Rule<ProposalRecord> = (s, p) => (s.principal !== null && p.authorId === s.principal.personId) || ownInstitution(s, p);

export const curriculumPolicy = definePolicy({
  'proposal.list': anyMember,
  'proposal.read': anyMember,
  // Faculty (staff of a school, college or university) post; students never do.
  'proposal.create': either(hasRole('coordinator'), institutionStaff),
  'proposal.createFor': either<{ institutionId: string }>(hasRole('coordinator'), ownInstitution),
  'proposal.update': either<ProposalRecord>(hasRole('coordinator'), owner),
  'proposal.delete': either<ProposalRecord>(hasRole('coordinator'), owner),
  // Feedback is for industry professionals and the coalition's staff, not for students.
  'proposal.comment': staffMember,
  'proposal.answer': either<ProposalRecord>(hasRole('coordinator'), owner),
  'proposal.follow': anyMember,
});
