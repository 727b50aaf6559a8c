import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, problemSchema } from '../../../platform/http/schemas.ts';
import { createPortalLink, listPortalLinks, revokePortalLink } from './portal-link.service.ts';

const linkSchema = z.object({
  id: z.string(),
  label: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  status: z.enum(['active', 'expired', 'revoked']),
  url: z.string().nullable(),
});

/** A project's portal links, as staff make, list and revoke them. */
export function portalLinkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/projects/:id/portal-links', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary: 'The project’s customer portal links',
      params: idParams,
      response: { 200: z.object({ items: z.array(linkSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return {
        items: await db
          .transaction()
          .execute((trx) =>
            listPortalLinks(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id),
          ),
      };
    },
  });

  r.post('/api/v1/projects/:id/portal-links', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary: 'Make a customer portal link to this project: signed, expiring, revocable, no login',
      params: idParams,
      body: z.object({
        label: z.string().trim().min(1).max(200),
        expiresInDays: z.number().int().min(1).max(365).default(30),
      }),
      response: { 201: linkSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const link = await db
        .transaction()
        .execute((trx) =>
          createPortalLink(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
        );
      return reply.status(201).send(link);
    },
  });

  r.delete('/api/v1/projects/:id/portal-links/:linkId', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary: 'Revoke a portal link',
      params: z.object({ id: z.string().min(1).max(100), linkId: z.string().min(1).max(100) }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await db
        .transaction()
        .execute((trx) =>
          revokePortalLink(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.params.linkId,
          ),
        );
      return reply.status(204).send(null);
    },
  });
}
