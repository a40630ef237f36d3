import { lazy } from 'react';
import { Route } from 'react-router-dom';

const HubPage = lazy(() => import('./HubPage'));
const BoardPage = lazy(() => import('./opportunities/BoardPage'));
const OpportunityPage = lazy(() => import('./opportunities/OpportunityPage'));
const OpportunityEditorPage = lazy(() => import('./opportunities/OpportunityEditorPage'));
const CandidatesPage = lazy(() => import('./employers/CandidatesPage'));
const PipelinePage = lazy(() => import('./employers/PipelinePage'));
const MyProfilePage = lazy(() => import('./students/MyProfilePage'));
const StudentPage = lazy(() => import('./students/StudentPage'));
const MatchesPage = lazy(() => import('./students/MatchesPage'));
const MyApplicationsPage = lazy(() => import('./students/MyApplicationsPage'));
const FunnelPage = lazy(() => import('./coordinator/FunnelPage'));
const FairnessPage = lazy(() => import('./coordinator/FairnessPage'));
const EngagementsPage = lazy(() => import('./engagements/EngagementsPage'));

/** The area's routes, mounted under /c/:slug by App.tsx; pages load lazily, one chunk each. */
export const talentPipelineRoutes = (
  <Route path="talent-pipeline">
    <Route index element={<HubPage />} />
    <Route path="opportunities" element={<BoardPage />} />
    <Route path="opportunities/new" element={<OpportunityEditorPage />} />
    <Route path="opportunities/:id" element={<OpportunityPage />} />
    <Route path="opportunities/:id/edit" element={<OpportunityEditorPage />} />
    <Route path="opportunities/:id/candidates" element={<CandidatesPage />} />
    <Route path="pipeline" element={<PipelinePage />} />
    <Route path="me" element={<MyProfilePage />} />
    <Route path="me/matches" element={<MyProfilePage to="matches" />} />
    <Route path="students/:id" element={<StudentPage />} />
    <Route path="students/:id/matches" element={<MatchesPage />} />
    <Route path="applications" element={<MyApplicationsPage />} />
    <Route path="funnel" element={<FunnelPage />} />
    <Route path="fairness" element={<FairnessPage />} />
    <Route path="engagements" element={<EngagementsPage />} />
  </Route>
);
