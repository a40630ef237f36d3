import { useQuery } from '@tanstack/react-query';
import type { PersonDto } from '../../../shared/people.contract';
import { cbApi, cbKeys } from './api';

/** Everyone of the coalition, for owner and seat pickers. */
export const usePeople = (slug: string, enabled = true) =>
  useQuery({ queryKey: cbKeys.people(slug), queryFn: ({ signal }) => cbApi.allPeople(slug, signal), staleTime: 60_000, enabled });

/** Every member organization, for the commitment form. */
export const useOrganizations = (slug: string, enabled = true) =>
  useQuery({ queryKey: cbKeys.organizations(slug), queryFn: ({ signal }) => cbApi.allOrganizations(slug, signal), staleTime: 60_000, enabled });

/** "Name (Organization)" for a picker option. */
export const personLabel = (p: Pick<PersonDto, 'name' | 'organizationName'>) => (p.organizationName ? `${p.name} (${p.organizationName})` : p.name);

/** Field → message from Zod issues (first path segment). */
export const fieldErrors = (issues: { path: PropertyKey[]; message: string }[]) => Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]));

/** Today as YYYY-MM-DD in the browser's calendar. */
export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
