import type { Messages } from '../en';

/** Spanish messages of the metrics pages. */
export const metrics: Messages['metrics'] = {
  title: 'Métricas y reconocimiento',
};
