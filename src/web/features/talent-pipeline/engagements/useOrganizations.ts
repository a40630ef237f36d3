import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/endpoints';
import { useCoalition } from '../../../coalition/context';
import { tpKeys } from '../api';

const SCHOOLS = ['k12', 'college', 'university'];

/** The coalition's employers and schools, for the ledger's selects. */
export function useOrganizations(enabled = true) {
  const { slug } = useCoalition();
  const query = useQuery({ queryKey: [...tpKeys.all(slug), 'organizations'], queryFn: () => api.organizations.list(slug, { limit: 200 }), enabled, staleTime: 300_000 });
  const items = query.data?.items ?? [];
  return {
    employers: items.filter((o) => o.type === 'employer').map((o) => ({ value: o.id, label: o.name })),
    schools: items.filter((o) => SCHOOLS.includes(o.type)).map((o) => ({ value: o.id, label: o.name })),
  };
}
