import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { apiKeyRoutes } from '../auth/api-key.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { identityRoutes } from '../identity/identity.routes.ts';
import { importRoutes } from '../imports/import.routes.ts';
import { jobRoutes } from '../jobs/job.routes.ts';
import { installAuth, type RouteEntry } from './auth.hook.ts';
import { clientErrorHandler, installErrorHandler } from './error-handler.ts';
import { documentOptionalBodies, installInputGuard } from './input-guard.ts';
import { healthRoutes } from './health.routes.ts';
import { installIdempotency } from './idempotency.ts';
import { installReferenceChecks, type WriteRoute } from './reference-check.ts';
import { composition } from '../modules/composition.ts';
import { openapiTransform, SECURITY_SCHEMES } from './openapi.ts';
import { installWeb } from './web.ts';

export interface Server {
  app: FastifyInstance;
  /** Every /api/v1 route with its access rule, as registered. */
  routes: RouteEntry[];
  /** Every /api/v1 write with a body, and the ids its body names (checked by `reference-check.ts`). */
  writes: WriteRoute[];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Builds the HTTP server: one place that wires plugins, the error edge, auth and each composed module's routes. */
export async function buildServer(ctx: AppContext, options: { webDir?: string } = {}): Promise<Server> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    clientErrorHandler,
    // Whose X-Forwarded-* headers to believe (request.ip, request.protocol: the cookie's Secure flag): BATON_TRUST_PROXY.
    trustProxy: typeof ctx.config.trustProxy === 'boolean' ? ctx.config.trustProxy : [...ctx.config.trustProxy],
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
  });
  const routes: RouteEntry[] = [];
  const writes: WriteRoute[] = [];

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  const optionalBodies = installInputGuard(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: ctx.config.hsts,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Baton API',
        version: '1',
        description:
          'REST API of Baton, the post-sale operating system. Authenticate with `Authorization: Bearer <api key>` ' +
          '(Settings → API keys) or the session cookie (writes then need the `X-CSRF-Token` header from `GET /api/v1/session`). ' +
          'Errors are RFC 9457 problem details. Lists page with `limit` and `cursor`.',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: openapiTransform,
    transformObject: documentOptionalBodies(optionalBodies),
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { validatorUrl: null, docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0 },
    staticCSP: true,
    // Served over plain HTTP on a LAN too: no forced upgrade to HTTPS; Swagger UI sets inline styles.
    transformStaticCSP: (header) =>
      header
        .replace(/upgrade-insecure-requests;?/, '')
        .replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';")
        .replace(' validator.swagger.io', ''),
  });

  installAuth(app, ctx.db, routes);
  installIdempotency(app, ctx.db);
  installReferenceChecks(app, ctx.db, composition().references, writes);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  identityRoutes(app, ctx);
  apiKeyRoutes(app, ctx);
  auditRoutes(app, ctx);
  jobRoutes(app, ctx);
  for (const m of composition().modules) await m.routes?.(app, ctx);
  importRoutes(app, ctx);

  await installWeb(app, options.webDir);
  await app.ready();
  return { app, routes, writes };
}
