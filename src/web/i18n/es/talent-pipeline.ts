import type { Messages } from '../en';

/** Spanish messages of the talent-pipeline pages. */
export const talentPipeline: Messages['talentPipeline'] = {
  title: 'Canal de talento',
};
