import { useQuery } from '@tanstack/react-query';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';

const EDUCATION = ['k12', 'college', 'university'];

/**
 * What the signed-in member may do in the area, mirroring the server's policies (which decide: the UI
 * only avoids offering what would be refused). Students never post needs, proposals or feedback.
 */
export function useIxRole() {
  const { slug, membership, can } = useCoalition();
  const orgId = membership.organizationId;
  const org = useQuery({ queryKey: keys.organization(slug, orgId ?? ''), queryFn: () => api.organizations.get(slug, orgId!), enabled: !!orgId, staleTime: 60_000 });
  const staff = membership.roles.some((r) => r !== 'student');
  const type = org.data?.type ?? null;
  const employerStaff = staff && type === 'employer';
  const institutionStaff = staff && !!type && EDUCATION.includes(type);
  return {
    ready: !orgId || !org.isPending,
    personId: membership.personId,
    organizationId: orgId,
    coordinator: can.coordinator,
    /** Post hiring needs: the Coordinator (for any employer) or an employer's staff (for their own). */
    postNeed: can.coordinator || employerStaff,
    employerStaff,
    /** Post curriculum proposals: the Coordinator or faculty of a member school, college or university. */
    propose: can.coordinator || institutionStaff,
    institutionStaff,
    /** Comment on proposals: any member but a student. */
    comment: staff,
    /** Answer and move a proposal: the Coordinator, its author, or staff of its institution. */
    owns: (p: { institutionId: string; author: { personId: string } | null }) =>
      can.coordinator || p.author?.personId === membership.personId || (institutionStaff && orgId === p.institutionId),
    /** Delete a need: the Coordinator or the employer's own staff. */
    ownsNeed: (n: { employerId: string }) => can.coordinator || (employerStaff && orgId === n.employerId),
  };
}
