import { lazy } from 'react';
import { Route } from 'react-router-dom';

const IniLayout = lazy(() => import('./IniLayout'));
const InitiativesPage = lazy(() => import('./InitiativesPage'));
const InitiativeCreatePage = lazy(() => import('./InitiativeCreatePage'));
const InitiativePage = lazy(() => import('./InitiativePage'));
const MasterPlanPage = lazy(() => import('./MasterPlanPage'));
const StrategySessionsPage = lazy(() => import('./StrategySessionsPage'));
const StrategySessionPage = lazy(() => import('./StrategySessionPage'));
const FundingPage = lazy(() => import('./FundingPage'));
const RisksPage = lazy(() => import('./RisksPage'));
const StatusReportPage = lazy(() => import('./StatusReportPage'));

/** The area's routes, mounted under /c/:slug by App.tsx; pages load lazily, one chunk each. */
export const initiativesRoutes = (
  <Route path="initiatives" element={<IniLayout />}>
    <Route index element={<InitiativesPage />} />
    <Route path="new" element={<InitiativeCreatePage />} />
    <Route path="master-plan" element={<MasterPlanPage />} />
    <Route path="strategy" element={<StrategySessionsPage />} />
    <Route path="strategy/:id" element={<StrategySessionPage />} />
    <Route path="funding" element={<FundingPage />} />
    <Route path="risks" element={<RisksPage />} />
    <Route path="status-report" element={<StatusReportPage />} />
    <Route path=":id" element={<InitiativePage />} />
  </Route>
);
