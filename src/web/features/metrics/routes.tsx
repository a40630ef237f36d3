import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { preloadable } from '../../preloadable';

/** The metrics page is a common first screen: App.tsx preloads it at boot for /c/:slug/metrics. */
export const [MetricsPage, loadMetricsPage] = preloadable(() => import('./MetricsPage'));
const RecognitionPage = lazy(() => import('./RecognitionPage'));
const DashboardPage = lazy(() => import('./DashboardPage'));

/** The area's routes, mounted under /c/:slug by App.tsx; pages load lazily, one chunk each. */
export const metricsRoutes = (
  <>
    <Route path="metrics" element={<MetricsPage />} />
    <Route path="metrics/recognition" element={<RecognitionPage />} />
    <Route path="metrics/organizations/:id" element={<DashboardPage />} />
  </>
);
