import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf, slugParams } from '../../../shared/common.contract.js';
import { onboardingDto, onboardingListQuery, onboardingParams } from '../../../shared/onboarding.contract.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import * as onboarding from './onboarding.service.js';

export const onboardingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['coalition building'];
  const base = '/coalitions/:slug/onboarding';

  app.get(base, { schema: { tags, summary: 'Each member’s onboarding checklist with progress, computed from its records', params: slugParams, querystring: onboardingListQuery, response: responses({ 200: pageOf(onboardingDto) }) } }, async (request) =>
    onboarding.listOnboarding(await tenantContext(request), request.query),
  );

  app.get(`${base}/:organizationId`, { schema: { tags, summary: 'One member’s onboarding checklist', params: onboardingParams, response: responses({ 200: onboardingDto }) } }, async (request) =>
    onboarding.getOnboarding(await tenantContext(request), request.params.organizationId),
  );

  app.post(`${base}/:organizationId/data-sharing`, { schema: { tags, summary: 'Accept the data-sharing agreement on the organization’s behalf', params: onboardingParams, response: responses({ 200: onboardingDto }) } }, async (request) =>
    onboarding.acceptDataSharing(await tenantContext(request), request.params.organizationId),
  );
};
