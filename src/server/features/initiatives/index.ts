import type { FastifyPluginAsync } from 'fastify';
import { initiativeCoreRoutes } from './initiatives.routes.js';
import { resourcesRoutes } from './resources.routes.js';
import { risksRoutes } from './risks.routes.js';
import { statusReportRoutes } from './status-report.routes.js';
import { strategyRoutes } from './strategy.routes.js';

/** Every route of the room: initiatives and their plans, the master plan, strategy sessions, resources, risks, status reports. */
export const initiativesRoutes: FastifyPluginAsync = async (app) => {
  await app.register(initiativeCoreRoutes);
  await app.register(strategyRoutes);
  await app.register(resourcesRoutes);
  await app.register(risksRoutes);
  await app.register(statusReportRoutes);
};
export { criticalPath } from './critical-path.js';
export { createTask } from './tasks.service.js';
