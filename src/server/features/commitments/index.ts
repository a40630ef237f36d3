export { commitmentsRoutes } from './commitments.routes.js';
export { commitmentsByOrganization, overdueCommitments, type OrganizationCommitments } from './commitments.evidence.js';
export { todayIn } from './commitments.service.js';
