import { lazy } from 'react';
import { Route } from 'react-router-dom';

const MeetingsLayout = lazy(() => import('./MeetingsLayout'));
const MeetingsPage = lazy(() => import('./MeetingsPage'));
const CalendarPage = lazy(() => import('./CalendarPage'));
const SchedulePage = lazy(() => import('./SchedulePage'));
const MyActionItemsPage = lazy(() => import('./MyActionItemsPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));
const EditMeetingPage = lazy(() => import('./EditMeetingPage'));

/** The area's routes, mounted under /c/:slug by App.tsx; pages load lazily, one chunk each. */
export const meetingsRoutes = (
  <Route path="meetings" element={<MeetingsLayout />}>
    <Route index element={<MeetingsPage />} />
    <Route path="calendar" element={<CalendarPage />} />
    <Route path="new" element={<SchedulePage />} />
    <Route path="my-action-items" element={<MyActionItemsPage />} />
    <Route path=":id" element={<MeetingPage />} />
    <Route path=":id/edit" element={<EditMeetingPage />} />
  </Route>
);
