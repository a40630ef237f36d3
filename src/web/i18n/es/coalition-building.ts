import type { Messages } from '../en';

/** Spanish messages of the coalition-building pages. */
export const coalitionBuilding: Messages['coalitionBuilding'] = {
  title: 'Construcción de la coalición',
};
