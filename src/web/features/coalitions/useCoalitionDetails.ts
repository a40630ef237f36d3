import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, keys } from '../../api/endpoints';

/** The coalition's details; the dashboard's data, also started at boot when a visit begins there. */
export const coalitionDetailsQuery = (slug: string) => queryOptions({ queryKey: keys.coalition(slug), queryFn: () => api.coalitions.get(slug) });

export function useCoalitionDetails(slug: string) {
  return useQuery(coalitionDetailsQuery(slug));
}
