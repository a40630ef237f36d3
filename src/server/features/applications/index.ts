export { applicationsRoutes } from './applications.routes.js';
