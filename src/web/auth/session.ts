import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { MeDto } from '../../shared/auth.contract';
import { isApiError } from '../api/client';
import { api, keys } from '../api/endpoints';

/** The signed-in user, or null when signed out (401 on /me); shared by useMe and the boot prefetch. */
export const meQuery = queryOptions<MeDto | null>({
  queryKey: keys.me,
  queryFn: async () => {
    try {
      return await api.auth.me();
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  meta: { ignoreUnauthorized: true },
});

export function useMe() {
  return useQuery(meQuery);
}

export function useAuthConfig() {
  return useQuery({
    queryKey: keys.authConfig,
    queryFn: api.auth.config,
    staleTime: 10 * 60_000,
    meta: { ignoreUnauthorized: true },
  });
}

/** Stores a fresh session (after sign-in, sign-up, accepting an invitation). */
export function useSetSession() {
  const queryClient = useQueryClient();
  return (me: MeDto) => {
    sessionStorage.removeItem('talentbridge.sessionExpired');
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'auth' });
    queryClient.setQueryData(keys.me, me);
  };
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: api.auth.signOut,
    meta: { ignoreUnauthorized: true },
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(keys.me, null);
      navigate('/sign-in', { replace: true, state: { signedOut: true } });
    },
  });
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/(sign-in|sign-up|forgot-password|reset-password)\b/.test(next)) return '/';
  return next;
}

export function sessionExpiredFlag(): boolean {
  return sessionStorage.getItem('talentbridge.sessionExpired') === '1';
}

export function clearSessionExpiredFlag(): void {
  sessionStorage.removeItem('talentbridge.sessionExpired');
}
