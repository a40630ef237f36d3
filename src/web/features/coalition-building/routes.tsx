import { lazy } from 'react';
import { Route } from 'react-router-dom';

const CbLayout = lazy(() => import('./CbLayout'));
const PipelinePage = lazy(() => import('./PipelinePage'));
const ProspectPage = lazy(() => import('./ProspectPage'));
const CoveragePage = lazy(() => import('./CoveragePage'));
const CommitmentsPage = lazy(() => import('./CommitmentsPage'));
const OnboardingPage = lazy(() => import('./OnboardingPage'));
const LibraryPage = lazy(() => import('./LibraryPage'));

/** The area's routes, mounted under /c/:slug by App.tsx; pages load lazily, one chunk each. */
export const coalitionBuildingRoutes = (
  <Route path="coalition-building" element={<CbLayout />}>
    <Route index element={<PipelinePage />} />
    <Route path="prospects/:id" element={<ProspectPage />} />
    <Route path="coverage" element={<CoveragePage />} />
    <Route path="commitments" element={<CommitmentsPage />} />
    <Route path="onboarding" element={<OnboardingPage />} />
    <Route path="library" element={<LibraryPage />} />
  </Route>
);
