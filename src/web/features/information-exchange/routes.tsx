import { lazy } from 'react';
import { Navigate, Route } from 'react-router-dom';

const IxLayout = lazy(() => import('./IxLayout'));
const NeedsPage = lazy(() => import('./NeedsPage'));
const NeedCreatePage = lazy(() => import('./NeedCreatePage'));
const NeedDetailPage = lazy(() => import('./NeedDetailPage'));
const CandidateProfilePage = lazy(() => import('./CandidateProfilePage'));
const ProgramsPage = lazy(() => import('./ProgramsPage'));
const ProgramDetailPage = lazy(() => import('./ProgramDetailPage'));
const CourseDetailPage = lazy(() => import('./CourseDetailPage'));
const AlignmentPage = lazy(() => import('./AlignmentPage'));
const SkillGapPage = lazy(() => import('./SkillGapPage'));
const OccupationGapPage = lazy(() => import('./OccupationGapPage'));
const InstitutionAlignmentPage = lazy(() => import('./InstitutionAlignmentPage'));
const ForumPage = lazy(() => import('./ForumPage'));
const ProposalCreatePage = lazy(() => import('./ProposalCreatePage'));
const ProposalDetailPage = lazy(() => import('./ProposalDetailPage'));
const ContactsPage = lazy(() => import('./ContactsPage'));

/** The area's routes, mounted under /c/:slug by App.tsx; pages load lazily, one chunk each. */
export const informationExchangeRoutes = (
  <Route path="information-exchange" element={<IxLayout />}>
    <Route index element={<Navigate to="needs" replace />} />
    <Route path="needs" element={<NeedsPage />} />
    <Route path="needs/new" element={<NeedCreatePage />} />
    <Route path="needs/:id" element={<NeedDetailPage />} />
    <Route path="employers/:employerId" element={<CandidateProfilePage />} />
    <Route path="programs" element={<ProgramsPage />} />
    <Route path="programs/:id" element={<ProgramDetailPage />} />
    <Route path="courses/:id" element={<CourseDetailPage />} />
    <Route path="alignment" element={<AlignmentPage />} />
    <Route path="alignment/skills/:skillId" element={<SkillGapPage />} />
    <Route path="alignment/occupations/:soc" element={<OccupationGapPage />} />
    <Route path="alignment/institutions/:institutionId" element={<InstitutionAlignmentPage />} />
    <Route path="forum" element={<ForumPage />} />
    <Route path="forum/new" element={<ProposalCreatePage />} />
    <Route path="forum/:id" element={<ProposalDetailPage />} />
    <Route path="contacts" element={<ContactsPage />} />
  </Route>
);
