export { hiringNeedsRoutes } from './hiring-needs.routes.js';
export { importanceWeight } from './hiring-needs.service.js';
import './hiring-needs.import.js';
