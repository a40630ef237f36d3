import { useEffect, useMemo } from 'react';
import { Outlet, useParams } from 'react-router-dom';
import { useMe } from '../auth/session';
import { NotMember } from './NotMember';
import { CoalitionContext, permissionsOf, rememberCoalition } from './context';

/** Route element for /c/:slug/*: checks membership and provides the coalition and its permissions. */
export function CoalitionScope() {
  const { slug = '' } = useParams();
  const me = useMe();
  const membership = me.data?.coalitions.find((c) => c.slug === slug);

  useEffect(() => {
    if (membership) rememberCoalition(membership.slug);
  }, [membership]);

  const value = useMemo(
    () => (membership ? { slug: membership.slug, membership, can: permissionsOf(membership) } : null),
    [membership],
  );

  if (!value) return <NotMember />;
  return (
    <CoalitionContext value={value}>
      <Outlet />
    </CoalitionContext>
  );
}
