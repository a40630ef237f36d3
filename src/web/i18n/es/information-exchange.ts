import type { Messages } from '../en';

/** Spanish messages of the information-exchange pages. */
export const informationExchange: Messages['informationExchange'] = {
  title: 'Intercambio de información',
};
