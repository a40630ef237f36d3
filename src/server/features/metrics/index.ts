export { metricsRoutes } from './metrics.routes.js';
export { currentYear, metricsFor } from './metrics.service.js';
export { employerFigures, institutionFigures } from './dashboards.queries.js';
