export { coalitionsRoutes } from './coalitions.routes.js';
export { findCoalitionBySlug } from './coalitions.queries.js';
export { createInvitation } from './invitations.service.js';
