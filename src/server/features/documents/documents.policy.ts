import { definePolicy, either, hasRole, staffMember, type Rule, type Subject } from '../../platform/permissions.js';

interface DocumentRecord {
  visibility: string;
  ownerId: string | null;
}

const council = hasRole('coordinator', 'leadership_council');
/** Who may see a document of each visibility: public is every member (students too), coalition is staff, the Council's is theirs. */
export const seesDocument = (s: Subject, d: DocumentRecord): boolean =>
  d.visibility === 'public' ? s.principal !== null : d.visibility === 'coalition' ? staffMember(s, d) : council(s, d);
const owner: Rule<DocumentRecord> = (s, d) => s.principal !== null && d.ownerId === s.principal.personId;

export const documentsPolicy = definePolicy({
  'document.list': (s) => s.principal !== null,
  'document.read': seesDocument,
  // Staff share into the library; only the Council files its own documents.
  'document.create': (s: Subject, d: { visibility: string }) => staffMember(s, d) && (d.visibility !== 'leadership_council' || council(s, d)),
  'document.update': either<DocumentRecord>((s, d) => seesDocument(s, d) && owner(s, d), hasRole('coordinator')),
  'document.delete': either<DocumentRecord>((s, d) => seesDocument(s, d) && owner(s, d), hasRole('coordinator')),
});
