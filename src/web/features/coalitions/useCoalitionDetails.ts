import { useQuery } from '@tanstack/react-query';
import { api, keys } from '../../api/endpoints';

export function useCoalitionDetails(slug: string) {
  return useQuery({ queryKey: keys.coalition(slug), queryFn: () => api.coalitions.get(slug) });
}
