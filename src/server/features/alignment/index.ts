export { alignmentRoutes } from './alignment.routes.js';
export { skillEvidence } from './alignment.service.js';
