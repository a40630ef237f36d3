import { useQuery } from '@tanstack/react-query';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { tpApi, tpKeys } from './api';

export type PipelineRole = 'coordinator' | 'student' | 'employer' | 'school' | 'member';

/**
 * How the signed-in member takes part in the pipeline, from their roles and their organization's
 * type. Only decides which entry points to show: the server decides what each one may do.
 */
export function useViewer() {
  const { slug, membership } = useCoalition();
  const orgId = membership.organizationId;
  const org = useQuery({ queryKey: keys.organization(slug, orgId ?? ''), queryFn: () => api.organizations.get(slug, orgId!), enabled: !!orgId, staleTime: 300_000 });
  const roles = membership.roles;
  const type = org.data?.type;
  const role: PipelineRole = roles.includes('coordinator')
    ? 'coordinator'
    : roles.includes('student')
      ? 'student'
      : type === 'employer'
        ? 'employer'
        : type === 'k12' || type === 'college' || type === 'university'
          ? 'school'
          : 'member';
  return {
    role,
    loading: !!orgId && org.isPending,
    organizationId: orgId,
    organizationName: org.data?.name ?? null,
    seesFunnel: roles.includes('coordinator') || roles.includes('leadership_council'),
    isStaff: roles.some((r) => r !== 'student'),
  };
}

/** The signed-in student's own record (a student's list holds only their own), or null. */
export function useMyStudent() {
  const { slug, membership } = useCoalition();
  return useQuery({
    queryKey: tpKeys.myStudent(slug),
    queryFn: async () => (await tpApi.students(slug, { limit: 5 })).items.find((s) => s.viewerRelation === 'self') ?? null,
    enabled: membership.roles.includes('student'),
    staleTime: 60_000,
  });
}
