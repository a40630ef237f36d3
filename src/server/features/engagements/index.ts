export { engagementsRoutes } from './engagements.routes.js';
