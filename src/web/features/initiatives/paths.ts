/** Links inside the initiatives area. */
export const iniPaths = {
  home: (slug: string) => `/c/${slug}/initiatives`,
  list: (slug: string) => `/c/${slug}/initiatives`,
  create: (slug: string, sessionId?: string) => `/c/${slug}/initiatives/new${sessionId ? `?session=${sessionId}` : ''}`,
  initiative: (slug: string, id: string) => `/c/${slug}/initiatives/${id}`,
  masterPlan: (slug: string) => `/c/${slug}/initiatives/master-plan`,
  funding: (slug: string) => `/c/${slug}/initiatives/funding`,
  risks: (slug: string) => `/c/${slug}/initiatives/risks`,
  report: (slug: string) => `/c/${slug}/initiatives/status-report`,
  sessions: (slug: string) => `/c/${slug}/initiatives/strategy`,
  session: (slug: string, id: string) => `/c/${slug}/initiatives/strategy/${id}`,
};
