/** Paths of the meetings and communications pages. */
export const meetingPaths = {
  list: (slug: string) => `/c/${slug}/meetings`,
  calendar: (slug: string) => `/c/${slug}/meetings/calendar`,
  schedule: (slug: string) => `/c/${slug}/meetings/new`,
  mine: (slug: string) => `/c/${slug}/meetings/my-action-items`,
  meeting: (slug: string, id: string) => `/c/${slug}/meetings/${id}`,
  edit: (slug: string, id: string) => `/c/${slug}/meetings/${id}/edit`,
};
