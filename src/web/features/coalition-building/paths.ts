export const cbPaths = {
  home: (slug: string) => `/c/${slug}/coalition-building`,
  pipeline: (slug: string) => `/c/${slug}/coalition-building`,
  prospect: (slug: string, id: string) => `/c/${slug}/coalition-building/prospects/${id}`,
  coverage: (slug: string) => `/c/${slug}/coalition-building/coverage`,
  commitments: (slug: string) => `/c/${slug}/coalition-building/commitments`,
  onboarding: (slug: string) => `/c/${slug}/coalition-building/onboarding`,
  library: (slug: string) => `/c/${slug}/coalition-building/library`,
};
