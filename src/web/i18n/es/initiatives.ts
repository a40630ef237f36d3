import type { Messages } from '../en';

/** Spanish messages of the initiatives pages. */
export const initiatives: Messages['initiatives'] = {
  title: 'Iniciativas',
};
