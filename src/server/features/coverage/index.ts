export { coverageRoutes } from './coverage.routes.js';
export { holdSeat } from './coverage.service.js';
