import { lazy } from 'react';
import { Route } from 'react-router-dom';

const MeetingsPage = lazy(() => import('./MeetingsPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));

/** The area's routes, mounted under /c/:slug by App.tsx; pages load lazily, one chunk each. */
export const meetingsRoutes = (
  <Route path="meetings">
    <Route index element={<MeetingsPage />} />
    <Route path=":id" element={<MeetingPage />} />
  </Route>
);
