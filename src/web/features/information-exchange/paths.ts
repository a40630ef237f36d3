/** Links inside the information-exchange area. */
const base = (slug: string) => `/c/${slug}/information-exchange`;
export const ixPaths = {
  home: base,
  needs: (slug: string) => `${base(slug)}/needs`,
  needNew: (slug: string) => `${base(slug)}/needs/new`,
  need: (slug: string, id: string) => `${base(slug)}/needs/${id}`,
  profile: (slug: string, employerId: string) => `${base(slug)}/employers/${employerId}`,
  programs: (slug: string) => `${base(slug)}/programs`,
  program: (slug: string, id: string) => `${base(slug)}/programs/${id}`,
  course: (slug: string, id: string) => `${base(slug)}/courses/${id}`,
  alignment: (slug: string) => `${base(slug)}/alignment`,
  skill: (slug: string, skillId: string) => `${base(slug)}/alignment/skills/${encodeURIComponent(skillId)}`,
  occupation: (slug: string, soc: string) => `${base(slug)}/alignment/occupations/${encodeURIComponent(soc)}`,
  institution: (slug: string, id: string) => `${base(slug)}/alignment/institutions/${id}`,
  forum: (slug: string) => `${base(slug)}/forum`,
  proposalNew: (slug: string) => `${base(slug)}/forum/new`,
  proposal: (slug: string, id: string) => `${base(slug)}/forum/${id}`,
  contacts: (slug: string) => `${base(slug)}/contacts`,
};
