export { pointsOfContactRoutes } from './points-of-contact.routes.js';
export { routeTo } from './points-of-contact.service.js';
