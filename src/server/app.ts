import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './env.js';
import type { Database } from './db/client.js';
import { healthDto } from '../shared/platform.contract.js';
import type { Services } from './platform/context.js';
import { createMailer } from './platform/mail/mailer.js';
import { closeWorkers } from './platform/workers/worker-pool.js';
import { frameworkError, registerProblemHandlers } from './platform/http/problem.js';
import { registerActor, registerOriginCheck, registerSecurityHeaders } from './platform/http/security.js';
import { registerWeb } from './platform/http/web.js';
import { responses } from './platform/http/schemas.js';
import { AppError } from './platform/errors.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { mailRoutes } from './platform/mail/mail.routes.js';
import { importsRoutes } from './platform/imports/imports.routes.js';
import { coalitionsRoutes } from './features/coalitions/index.js';
import { organizationsRoutes } from './features/organizations/index.js';
import { peopleRoutes } from './features/people/index.js';
import { laborMarketRoutes } from './features/labor-market/index.js';
import { hiringNeedsRoutes } from './features/hiring-needs/index.js';
import { programsRoutes } from './features/programs/index.js';
import { curriculumRoutes } from './features/curriculum/index.js';
import { alignmentRoutes } from './features/alignment/index.js';
import { pointsOfContactRoutes } from './features/points-of-contact/index.js';
import { skillsRoutes } from './features/skills/index.js';
import { notificationsRoutes } from './platform/notifications/notifications.routes.js';
import { initiativesRoutes } from './features/initiatives/index.js';
import { opportunitiesRoutes } from './features/opportunities/index.js';
import { studentPrivacyRoutes, studentsRoutes } from './features/students/index.js';
import { applicationsRoutes } from './features/applications/index.js';
import { matchingRoutes } from './features/matching/index.js';
import { engagementsRoutes } from './features/engagements/index.js';
import { meetingsRoutes } from './features/meetings/index.js';
import { communicationsRoutes } from './features/communications/index.js';
import { prospectsRoutes } from './features/prospects/index.js';
import { coverageRoutes } from './features/coverage/index.js';
import { commitmentsRoutes } from './features/commitments/index.js';
import { onboardingRoutes } from './features/onboarding/index.js';
import { documentsRoutes } from './features/documents/index.js';
import { metricsRoutes } from './features/metrics/index.js';
import { recognitionRoutes } from './features/recognition/index.js';
import { publicRoutes } from './features/public/index.js';

export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

/** Assembles the HTTP app: platform hooks, every room's routes, docs and the web bundle. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const serverOptions: FastifyServerOptions = {
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Believe X-Forwarded-For only from as many proxies as are configured: per-address limits depend on it.
    trustProxy: (_address: string, hop: number) => hop < options.config.trustProxyHops,
    // Request ids in logs, not client-controlled.
    genReqId: () => crypto.randomUUID(),
    // Router errors (bad URL, over-long path segment) answer problem+json like every other error.
    frameworkErrors: frameworkError,
  };
  const app = Fastify(serverOptions).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services: Services = {
    config: options.config,
    database: options.database,
    mailer: createMailer({ smtpUrl: options.config.smtpUrl, from: options.config.mailFrom, log: app.log, production: options.config.production }),
  };
  app.decorate('services', services);
  // After the HTTP server has drained: the threads that render PDFs and read files' text.
  app.addHook('onClose', () => closeWorkers(services));

  registerProblemHandlers(app);
  await app.register(cookie);
  registerSecurityHeaders(app, { production: options.config.production });
  registerOriginCheck(app, () => (options.config.publicUrl ? [new URL(options.config.publicUrl).origin] : []));
  registerActor(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TalentBridge API',
        version: '1',
        description: 'The API of TalentBridge, the platform regional tech-talent coalitions run on. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tb_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', { schema: { tags: ['platform'], summary: 'Liveness and database mode', response: responses({ 200: healthDto }) } }, async () => {
    if (!options.database.isAlive()) throw new AppError('unavailable', 'The database is not available');
    return { status: 'ok' as const, database: options.database.mode };
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(coalitionsRoutes);
      await api.register(organizationsRoutes);
      await api.register(peopleRoutes);
      await api.register(laborMarketRoutes);
      await api.register(skillsRoutes);
      await api.register(hiringNeedsRoutes);
      await api.register(programsRoutes);
      await api.register(curriculumRoutes);
      await api.register(alignmentRoutes);
      await api.register(pointsOfContactRoutes);
      await api.register(notificationsRoutes);
      await api.register(initiativesRoutes);
      await api.register(opportunitiesRoutes);
      await api.register(studentsRoutes);
      await api.register(studentPrivacyRoutes);
      await api.register(applicationsRoutes);
      await api.register(matchingRoutes);
      await api.register(engagementsRoutes);
      await api.register(prospectsRoutes);
      await api.register(coverageRoutes);
      await api.register(commitmentsRoutes);
      await api.register(onboardingRoutes);
      await api.register(documentsRoutes);
      await api.register(metricsRoutes);
      await api.register(recognitionRoutes);
      await api.register(publicRoutes);
      await api.register(meetingsRoutes);
      await api.register(communicationsRoutes);
      await api.register(auditRoutes);
      await api.register(mailRoutes);
      await api.register(importsRoutes);
    },
    { prefix: '/api/v1' },
  );

  // Only a complete build is served (a build under way has emptied the folder but not yet written index.html).
  if (options.serveWeb && fs.existsSync(`${webRoot}/index.html`)) await registerWeb(app, webRoot);
  return app;
}
