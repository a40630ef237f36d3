export { prospectsRoutes } from './prospects.routes.js';
