import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { listUnmatched, rematchAndRecord } from './ingest.service.ts';

/** The events kept aside for want of their account: listed by group and user, and matched again on request. */
export function unmatchedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/usage/unmatched', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Usage events kept aside (no account known for their group or user), by group and user',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              groupId: z.string().nullable(),
              userId: z.string().nullable(),
              events: z.number(),
              firstAt: z.string(),
              lastAt: z.string(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => ({ items: await listUnmatched(db, principalOf(req).workspaceId, req.query.limit) }),
  });

  r.post('/api/v1/usage/rematch', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Match the events kept aside again, after accounts were created or imported',
      response: { 200: z.object({ matched: z.number() }), ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      const matched = await db
        .transaction()
        .execute((trx) => rematchAndRecord(trx, actorOf(principal, req.id), principal.workspaceId));
      return { matched };
    },
  });
}
