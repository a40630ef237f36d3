import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { QueryErrorState } from '../components/QueryState';
import { FullPageLoader } from '../components/Loading';
import { safeNextPath, useMe } from './session';

/** Renders its children for a signed-in user; otherwise sends them to sign in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <QueryErrorState error={me.error} onRetry={() => void me.refetch()} fullPage />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}

/** Pages for signed-out people (sign in, sign up, …) skip ahead when a session exists. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  const [params] = useSearchParams();
  if (me.isPending) return <FullPageLoader />;
  if (me.data) return <Navigate to={safeNextPath(params.get('next'))} replace />;
  return <>{children}</>;
}
