export { organizationsRoutes } from './organizations.routes.js';
export { findOrganization } from './organizations.queries.js';
import './organizations.import.js';
