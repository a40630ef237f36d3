import { lazy } from 'react';
import { Navigate, Route } from 'react-router-dom';

const MeetingsLayout = lazy(() => import('../meetings/MeetingsLayout'));
const AnnouncementsPage = lazy(() => import('./AnnouncementsPage'));
const AnnouncementPage = lazy(() => import('./AnnouncementPage'));
const NotificationsPage = lazy(() => import('./NotificationsPage'));
const PreferencesPage = lazy(() => import('./PreferencesPage'));
export const UnsubscribePage = lazy(() => import('./UnsubscribePage'));

/** Communications (issue 7), under /c/:slug with the meetings area's sub-navigation. */
export const communicationsRoutes = (
  <Route path="communications" element={<MeetingsLayout />}>
    <Route index element={<Navigate to="announcements" replace />} />
    <Route path="announcements" element={<AnnouncementsPage />} />
    <Route path="announcements/:id" element={<AnnouncementPage />} />
    <Route path="notifications" element={<NotificationsPage />} />
    <Route path="preferences" element={<PreferencesPage />} />
  </Route>
);
