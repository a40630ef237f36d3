import { lazy } from 'react';
import { Route } from 'react-router-dom';

const ComingSoonPage = lazy(() => import('../domains/ComingSoonPage'));

/** The area's routes, mounted under /c/:slug by App.tsx; pages load lazily, one chunk each. */
export const informationExchangeRoutes = (
  <Route path="information-exchange" element={<ComingSoonPage domain="informationExchange" />} />
);
