import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { MeDto } from '../shared/auth.contract';
import { isApiError } from './api/client';
import { keys } from './api/endpoints';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { ignoreUnauthorized?: boolean };
    mutationMeta: { ignoreUnauthorized?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  // A 401 anywhere but the auth endpoints means the session ended: forget who we were, so the
  // guards send the person to the sign-in page (and back here afterwards).
  const onError = (error: unknown, meta: { ignoreUnauthorized?: boolean } | undefined) => {
    if (isApiError(error) && error.status === 401 && !meta?.ignoreUnauthorized) {
      const me = client.getQueryData<MeDto | null>(keys.me);
      if (me) {
        sessionStorage.setItem('talentbridge.sessionExpired', '1');
        client.setQueryData(keys.me, null);
      }
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => onError(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status > 0 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
