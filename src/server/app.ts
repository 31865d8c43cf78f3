import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { revisionRoutes } from '../modules/agreements/revisions/revisions-routes.js';
import { agreementRoutes } from '../modules/agreements/routes.js';
import { recordAudit } from '../modules/audit/record-audit.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { authRoutes } from '../modules/auth/routes.js';
import { tokenRoutes } from '../modules/auth/token-routes.js';
import { totpRoutes } from '../modules/auth/totp-routes.js';
import { userRoutes } from '../modules/auth/user-routes.js';
import { cascadeRoutes } from '../modules/cascade/routes.js';
import { ceremonyRoutes } from '../modules/ceremonies/routes.js';
import { dashboardRoutes } from '../modules/dashboards/routes.js';
import { documentRoutes } from '../modules/documents/routes.js';
import { importRoutes } from '../modules/imports/routes.js';
import { integrityRoutes } from '../modules/integrity/routes.js';
import { evidenceRoutes } from '../modules/monitoring/evidence/evidence-routes.js';
import { quarterExcelRoutes } from '../modules/monitoring/excel/excel-routes.js';
import { supervisoryNoteRoutes } from '../modules/monitoring/notes/notes-routes.js';
import { monitoringRoutes } from '../modules/monitoring/routes.js';
import { notificationRoutes } from '../modules/notifications/routes.js';
import { orgRoutes } from '../modules/org/routes.js';
import { pkiRoutes } from '../modules/pki/routes.js';
import { planningRoutes } from '../modules/planning/routes.js';
import { signingRoutes } from '../modules/signing/routes.js';
import { tenantRoutes } from '../modules/tenants/routes.js';
import { verificationRoutes } from '../modules/verification/routes.js';
import { authPlugin } from './auth-plugin.js';
import { registerErrorHandler } from './error-handler.js';
import type { Services } from './services.js';
import { registerWeb } from './web.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export const BODY_LIMIT = 1024 * 1024;
// Fastify hands a missing body to the validator as null (lib/validation.js), so a bodyless
// DELETE or POST from the browser must pass as null, not only as undefined.
const noBody = z.strictObject({}).nullish();

export async function buildApp(
  services: Services,
  options: { logger?: Logger | boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance:
      typeof options.logger === 'object' ? (options.logger as FastifyBaseLogger) : undefined,
    logger: typeof options.logger === 'boolean' ? options.logger : undefined,
    bodyLimit: BODY_LIMIT,
    trustProxy: services.config.TRUST_PROXY,
    // Per-request lines only at debug level: at info they would dominate the log and the CPU.
    logController: new LogController({
      disableRequestLogging: services.config.LOG_LEVEL !== 'debug',
    }),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('services', services);
  // Unknown input is refused, not ignored: an API route that declares no query string or no
  // body accepts none (an empty object for writes). Added before any route is registered.
  app.addHook('onRoute', (route) => {
    // The API documentation is public, like the OpenAPI document it shows.
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    if (!route.url.startsWith('/api/')) return;
    const schema = { ...(route.schema ?? {}) };
    schema.querystring ??= z.strictObject({});
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) schema.body ??= noBody;
    route.schema = schema;
  });

  registerErrorHandler(app, async (request, error) => {
    // Only signed-in actors' refusals are audited: anonymous ones (a cross-site request with no
    // session) would let anyone fill the log. Failed sign-ins are audited by sign-in itself.
    const actor = request.auth?.actor ?? null;
    if (!actor) return;
    const event = {
      actor,
      action: 'access.refused' as const,
      entityType: 'request',
      entityId: null,
      outcome: 'refused' as const,
      data: {
        code: error.code,
        method: request.method,
        route: request.routeOptions.url ?? null,
      },
      ip: request.ip,
    };
    if (actor?.tenantId) {
      await services.database.withTenant(actor.tenantId, (tx) =>
        recordAudit(tx, { ...event, tenantId: actor.tenantId }),
      );
    } else {
      await services.database.withSystem((tx) => recordAudit(tx, { ...event, tenantId: null }));
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Amanah API',
        description:
          'API platform akuntabilitas kinerja (SAKIP). Autentikasi: cookie sesi (+ header X-CSRF-Token untuk perubahan) atau token API pribadi (Authorization: Bearer amanah_pat_…).',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'amanah_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authPlugin);

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['sistem'], summary: 'Status server dan basis data' },
    },
    async (_request, reply) => {
      const started = performance.now();
      try {
        await services.database.unsafeOwnerDb.execute(sql`select 1`);
      } catch {
        return reply.status(503).send({ status: 'error', database: 'unreachable' });
      }
      return {
        status: 'ok',
        database: services.database.kind,
        databaseLatencyMs: Math.round((performance.now() - started) * 100) / 100,
      };
    },
  );
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(authRoutes);
  await app.register(tokenRoutes);
  await app.register(totpRoutes);
  await app.register(userRoutes);
  await app.register(tenantRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
  await app.register(planningRoutes);
  await app.register(agreementRoutes);
  await app.register(revisionRoutes);
  await app.register(cascadeRoutes);
  await app.register(importRoutes);
  await app.register(pkiRoutes);
  await app.register(documentRoutes);
  await app.register(signingRoutes);
  await app.register(integrityRoutes);
  await app.register(ceremonyRoutes);
  await app.register(verificationRoutes);
  await app.register(monitoringRoutes);
  await app.register(evidenceRoutes);
  await app.register(quarterExcelRoutes);
  await app.register(supervisoryNoteRoutes);
  await app.register(notificationRoutes);
  await app.register(dashboardRoutes);
  if (services.config.SERVE_WEB) await registerWeb(app);
  return app;
}
