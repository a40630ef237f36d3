export { opportunitiesRoutes } from './opportunities.routes.js';
export { jobPostingOf } from './opportunities.jsonld.js';
export { dateCell, isIsoDate, organizationsByName, parseSkillCell } from './opportunities.import.js';

import './opportunities.import.js';
