/**
 * The pages a visit most often starts on, and the modules their first screen needs. The build
 * (scripts/build/web-plugins.ts) turns this into dist/web/route-preloads.json, and the server adds
 * <link rel="modulepreload"> for those chunks to the HTML of a matching address, so the browser
 * fetches them together with the entry instead of after it has run. The first match wins.
 * Keep it in step with preloadFirstRoute in App.tsx, which starts the same imports in the dev server.
 * The build also groups what these screens import into a few chunks by their layout (the first
 * module of each entry): scripts/build/chunk-groups.ts, decision 030.
 */
export interface FirstRoute {
  /** Source of a regular expression matched against the address's path. */
  path: string;
  /** Source files, from the project root, of the lazily loaded modules that route renders first. */
  modules: string[];
}

const appLayout = 'src/web/layout/AppLayout.tsx';
const publicLayout = 'src/web/layout/PublicLayout.tsx';

export const FIRST_ROUTES: FirstRoute[] = [
  { path: '^/c/[^/]+/?$', modules: [appLayout, 'src/web/features/coalitions/DashboardPage.tsx'] },
  { path: '^/c/[^/]+/metrics/?$', modules: [appLayout, 'src/web/features/metrics/MetricsPage.tsx'] },
  { path: '^/(c/|coalitions/|account/)', modules: [appLayout] },
  { path: '^/(sign-in)?$', modules: [publicLayout, 'src/web/features/auth/SignInPage.tsx'] },
];
