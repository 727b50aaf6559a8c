import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service.ts';
import { API_KEY_SCOPES } from './permissions.ts';
import { actorOf } from './principal.ts';

const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  prefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function apiKeyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/api-keys', {
    config: { access: 'apikeys:manage' },
    schema: {
      tags: ['api keys'],
      summary: 'API keys of the workspace (never their secrets)',
      response: { 200: z.object({ items: z.array(apiKeySchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listApiKeys(db, principalOf(request).workspaceId) }),
  });

  r.post('/api/v1/api-keys', {
    config: { access: 'apikeys:manage', idempotent: true },
    schema: {
      tags: ['api keys'],
      summary: 'Create an API key; the secret is in this answer only',
      body: z.object({ name: z.string().trim().min(1).max(120), scope: z.enum(API_KEY_SCOPES) }),
      response: { 201: z.object({ apiKey: apiKeySchema, secret: z.string() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const created = await db
        .transaction()
        .execute((trx) => createApiKey(trx, actorOf(principal, request.id), principal.workspaceId, request.body));
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  });

  r.delete('/api/v1/api-keys/:id', {
    config: { access: 'apikeys:manage' },
    schema: {
      tags: ['api keys'],
      summary: 'Revoke an API key (it stops working at once)',
      params: idParams,
      response: { 200: apiKeySchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) => revokeApiKey(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id));
    },
  });
}
