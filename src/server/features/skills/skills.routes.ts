import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../shared/common.contract.js';
import { skillRefDto, skillSearchQuery } from '../../../shared/skills.contract.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { searchSkills } from './skills.service.js';

export const skillsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/coalitions/:slug/skills',
    { schema: { tags: ['skills'], summary: 'Skills to choose from, by name (for needs, courses and proposals)', params: slugParams, querystring: skillSearchQuery, response: responses({ 200: z.object({ items: z.array(skillRefDto) }) }) } },
    async (request) => searchSkills(await tenantContext(request), request.query),
  );
};
