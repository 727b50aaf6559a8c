import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { ingestKeys, presentedKey } from '../ingest/ingest-keys.service.ts';
import { NUDGE_STATUSES } from './nudge.ts';
import { NUDGES_SCRIPT } from './nudge-embed.script.ts';
import { markInApp, pendingInApp } from './nudge-query.service.ts';

/** As many embed requests per minute per client address as a busy product page sends, no more. */
const EMBED_RATE = { max: 300, timeWindow: 60_000 };

const userQuery = z.object({ userId: z.string().min(1).max(200).describe('The product user id, as ingest knows it') });

/**
 * In-app nudges for a customer's product, outside /api/v1: the script (`GET /embed/nudges.js`) and the nudges of
 * one product user, authenticated by the workspace's ingest key, so a user id reaches only that workspace's
 * nudges. Any origin may call them (CORS, no cookies).
 */
export function nudgeEmbedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const authenticate = ingestKeys(db);

  void app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-allow-headers', 'authorization, content-type');
      reply.header('access-control-max-age', '600');
      reply.header('cross-origin-resource-policy', 'cross-origin');
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/embed/nudges.js', {
      config: { access: 'public', rateLimit: EMBED_RATE },
      schema: { tags: ['embed'], summary: 'The script that shows in-app nudges in a customer’s product' },
      handler: async (_request, reply) =>
        reply
          .header('content-type', 'application/javascript; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(NUDGES_SCRIPT),
    });

    for (const url of ['/embed/v1/nudges', '/embed/v1/nudges/:id/seen', '/embed/v1/nudges/:id/dismiss'])
      scope.options(url, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
        reply.status(204).send(),
      );

    r.get('/embed/v1/nudges', {
      config: { access: 'public', rateLimit: EMBED_RATE },
      schema: {
        tags: ['embed'],
        summary: 'A product user’s in-app nudges not dismissed (authenticated by the ingest key)',
        querystring: userQuery,
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), subject: z.string(), body: z.string(), createdAt: z.string() })),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const principal = await authenticate(presentedKey(request));
        return { items: await pendingInApp(db, principal.workspaceId, request.query.userId) };
      },
    });

    for (const action of ['seen', 'dismiss'] as const)
      r.post(`/embed/v1/nudges/:id/${action}`, {
        config: { access: 'public', rateLimit: EMBED_RATE },
        schema: {
          tags: ['embed'],
          summary: action === 'seen' ? 'Mark an in-app nudge shown' : 'Dismiss an in-app nudge',
          params: z.object({ id: z.string().min(1).max(100) }),
          querystring: userQuery,
          response: { 200: z.object({ id: z.string(), status: z.enum(NUDGE_STATUSES) }), ...errorResponses },
        },
        handler: async (request) => {
          const principal = await authenticate(presentedKey(request));
          return markInApp(db, principal.workspaceId, request.query.userId, request.params.id, action, ctx.now());
        },
      });
  });
}
