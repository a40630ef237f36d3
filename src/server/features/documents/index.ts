export { documentsRoutes } from './documents.routes.js';
