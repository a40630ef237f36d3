/** Links inside the talent-pipeline area. */
const base = (slug: string) => `/c/${slug}/talent-pipeline`;
export const tpPaths = {
  home: base,
  board: (slug: string) => `${base(slug)}/opportunities`,
  newOpportunity: (slug: string) => `${base(slug)}/opportunities/new`,
  editOpportunity: (slug: string, id: string) => `${base(slug)}/opportunities/${id}/edit`,
  opportunity: (slug: string, id: string) => `${base(slug)}/opportunities/${id}`,
  candidates: (slug: string, id: string) => `${base(slug)}/opportunities/${id}/candidates`,
  myProfile: (slug: string) => `${base(slug)}/me`,
  student: (slug: string, id: string) => `${base(slug)}/students/${id}`,
  matches: (slug: string, id: string) => `${base(slug)}/students/${id}/matches`,
  myMatches: (slug: string) => `${base(slug)}/me/matches`,
  applications: (slug: string) => `${base(slug)}/applications`,
  pipeline: (slug: string) => `${base(slug)}/pipeline`,
  funnel: (slug: string) => `${base(slug)}/funnel`,
  fairness: (slug: string) => `${base(slug)}/fairness`,
  engagements: (slug: string) => `${base(slug)}/engagements`,
};
