import { Navigate } from 'react-router-dom';
import { useMe } from '../../auth/session';
import { lastCoalition } from '../../coalition/context';

/** "/" opens the coalition used last, else the first one, else the page to create one. */
export default function HomeRedirect() {
  const me = useMe().data;
  if (!me) return null;
  if (me.coalitions.length === 0) return <Navigate to="/coalitions/new" replace />;
  const remembered = lastCoalition();
  const target = me.coalitions.find((c) => c.slug === remembered) ?? me.coalitions[0];
  return <Navigate to={`/c/${target?.slug ?? ''}`} replace />;
}
