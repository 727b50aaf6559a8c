import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { readRetention, writeRetention } from './retention.service.ts';
import { retentionSchema } from './retention.settings.ts';

/** The raw-event retention window of the workspace. */
export function retentionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/usage/retention', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'How long raw usage events are kept (rollups are kept for good)',
      response: { 200: retentionSchema, ...errorResponses },
    },
    handler: async (req) => readRetention(db, principalOf(req).workspaceId),
  });

  r.put('/api/v1/usage/retention', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary:
        'Set how long raw usage events are kept (7 days at least: retried batches within it are still deduplicated)',
      body: retentionSchema,
      response: { 200: retentionSchema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) => writeRetention(trx, actorOf(principal, req.id), principal.workspaceId, req.body));
    },
  });
}
