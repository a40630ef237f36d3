import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { GuestOnly, RequireAuth } from './auth/guards';
import { CoalitionScope } from './coalition/CoalitionScope';
import { RequirePermission } from './coalition/RequirePermission';
import { FullPageLoader } from './components/Loading';
import { informationExchangeRoutes } from './features/information-exchange/routes';
import { talentPipelineRoutes } from './features/talent-pipeline/routes';
import { initiativesRoutes } from './features/initiatives/routes';
import { meetingsRoutes } from './features/meetings/routes';
import { communicationsRoutes, UnsubscribePage } from './features/communications/routes';
import { loadMetricsPage, metricsRoutes } from './features/metrics/routes';
import { coalitionBuildingRoutes } from './features/coalition-building/routes';
import { coalitionDetailsQuery } from './features/coalitions/useCoalitionDetails';
import { preloadable } from './preloadable';

// One chunk per page, and one per layout: the entry holds only providers, routes and guards.
const [AppLayout, loadAppLayout] = preloadable(() => import('./layout/AppLayout'));
const [PublicLayout, loadPublicLayout] = preloadable(() => import('./layout/PublicLayout'));
const [SignInPage, loadSignInPage] = preloadable(() => import('./features/auth/SignInPage'));
const [DashboardPage, loadDashboardPage] = preloadable(() => import('./features/coalitions/DashboardPage'));
const SignUpPage = lazy(() => import('./features/auth/SignUpPage'));
const ForgotPasswordPage = lazy(() => import('./features/auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./features/auth/ResetPasswordPage'));
const InvitePage = lazy(() => import('./features/auth/InvitePage'));
const ConfirmEmailPage = lazy(() => import('./features/auth/ConfirmEmailPage'));
const PublicCoalitionPage = lazy(() => import('./features/metrics/PublicCoalitionPage'));
const HomeRedirect = lazy(() => import('./features/coalitions/HomeRedirect'));
const NewCoalitionPage = lazy(() => import('./features/coalitions/NewCoalitionPage'));
const SettingsPage = lazy(() => import('./features/coalitions/SettingsPage'));
const InvitationsPage = lazy(() => import('./features/coalitions/InvitationsPage'));
const AuditLogPage = lazy(() => import('./features/coalitions/AuditLogPage'));
const OutboxPage = lazy(() => import('./features/coalitions/OutboxPage'));
const TokensPage = lazy(() => import('./features/account/TokensPage'));
const SecurityPage = lazy(() => import('./features/account/SecurityPage'));
const OrganizationsPage = lazy(() => import('./features/organizations/OrganizationsPage'));
const OrganizationCreatePage = lazy(() => import('./features/organizations/OrganizationCreatePage'));
const OrganizationDetailPage = lazy(() => import('./features/organizations/OrganizationDetailPage'));
const OrganizationEditPage = lazy(() => import('./features/organizations/OrganizationEditPage'));
const PeoplePage = lazy(() => import('./features/people/PeoplePage'));
const PersonCreatePage = lazy(() => import('./features/people/PersonCreatePage'));
const PersonDetailPage = lazy(() => import('./features/people/PersonDetailPage'));
const PersonEditPage = lazy(() => import('./features/people/PersonEditPage'));
const LaborMarketPage = lazy(() => import('./features/labor-market/LaborMarketPage'));
const OccupationPage = lazy(() => import('./features/labor-market/OccupationPage'));
const DataSourcesPage = lazy(() => import('./features/labor-market/DataSourcesPage'));
const ImportsPage = lazy(() => import('./features/imports/ImportsPage'));
const NotFoundPage = lazy(() => import('./features/NotFoundPage'));

/**
 * Starts fetching what the first screen needs while the entry is still setting up (language,
 * providers), instead of one after another as each lazy layer renders: its chunks (same modules as
 * the lazy components above, so nothing loads twice; in production the server has already named them
 * in the HTML, src/web/first-routes.ts) and, for a coalition's dashboard, its data. Who is signed in
 * comes from index.html's preload of /auth/me.
 */
export function preloadFirstRoute(pathname: string, queryClient: QueryClient): Promise<unknown> {
  if (pathname.startsWith('/c/')) {
    if (/^\/c\/[^/]+\/metrics\/?$/.test(pathname)) return Promise.all([loadAppLayout(), loadMetricsPage()]);
    const dashboard = /^\/c\/([^/]+)\/?$/.exec(pathname);
    if (!dashboard) return loadAppLayout();
    // A slug is plain letters, digits and dashes; anything else is left to the page (NotMember).
    const slug = dashboard[1]!;
    if (/^[\w-]+$/.test(slug)) void queryClient.prefetchQuery(coalitionDetailsQuery(slug));
    return Promise.all([loadAppLayout(), loadDashboardPage()]);
  }
  if (pathname === '/sign-in' || pathname === '/') return Promise.all([loadPublicLayout(), loadSignInPage()]);
  return Promise.resolve();
}

export function App() {
  return (
    <Suspense fallback={<FullPageLoader />}>
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="sign-in" element={<GuestOnly><SignInPage /></GuestOnly>} />
        <Route path="sign-up" element={<GuestOnly><SignUpPage /></GuestOnly>} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="invite" element={<InvitePage />} />
        <Route path="confirm-email" element={<ConfirmEmailPage />} />
        <Route path="unsubscribe/:token" element={<UnsubscribePage />} />
        <Route path="p/:slug" element={<PublicCoalitionPage />} />
      </Route>

      <Route element={<RequireAuth><AppLayout /></RequireAuth>}>
        <Route index element={<HomeRedirect />} />
        <Route path="coalitions/new" element={<NewCoalitionPage />} />
        <Route path="account/tokens" element={<TokensPage />} />
        <Route path="account/security" element={<SecurityPage />} />
        <Route path="c/:slug" element={<CoalitionScope />}>
          <Route index element={<DashboardPage />} />
          <Route path="labor-market" element={<LaborMarketPage />} />
          <Route path="labor-market/occupations/:soc" element={<OccupationPage />} />
          <Route path="labor-market/sources" element={<DataSourcesPage />} />
          <Route path="imports" element={<ImportsPage />} />
          {informationExchangeRoutes}
          {talentPipelineRoutes}
          {initiativesRoutes}
          {meetingsRoutes}
          {communicationsRoutes}
          {metricsRoutes}
          {coalitionBuildingRoutes}

          <Route path="organizations" element={<OrganizationsPage />} />
          <Route path="organizations/new" element={<RequirePermission can="editDirectory"><OrganizationCreatePage /></RequirePermission>} />
          <Route path="organizations/:id" element={<OrganizationDetailPage />} />
          <Route path="organizations/:id/edit" element={<RequirePermission can="editDirectory"><OrganizationEditPage /></RequirePermission>} />

          <Route path="people" element={<PeoplePage />} />
          <Route path="people/new" element={<RequirePermission can="editDirectory"><PersonCreatePage /></RequirePermission>} />
          <Route path="people/:id" element={<PersonDetailPage />} />
          <Route path="people/:id/edit" element={<RequirePermission can="editDirectory"><PersonEditPage /></RequirePermission>} />

          <Route path="settings" element={<RequirePermission can="coordinator"><SettingsPage /></RequirePermission>} />
          <Route path="settings/invitations" element={<RequirePermission can="coordinator"><InvitationsPage /></RequirePermission>} />
          <Route path="settings/audit-log" element={<RequirePermission can="coordinator"><AuditLogPage /></RequirePermission>} />
          <Route path="settings/outbox" element={<RequirePermission can="coordinator"><OutboxPage /></RequirePermission>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        {/* Old or hand-typed links */}
        <Route path="c" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
    </Suspense>
  );
}
