import type { Messages } from '../en';

/** Spanish messages of the meetings pages. */
export const meetings: Messages['meetings'] = {
  title: 'Reuniones',
};
