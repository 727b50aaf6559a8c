import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, page, pageQuery } from '../http/schemas.ts';
import { listAudit } from './audit.service.ts';

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-log', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Every write in the workspace, newest first: who, what, when, before and after',
      querystring: pageQuery.extend({ entityType: z.string().max(50).optional(), entityId: z.string().max(100).optional() }),
      response: { 200: page(entrySchema), ...errorResponses },
    },
    handler: async (request) => listAudit(ctx.db, principalOf(request).workspaceId, request.query),
  });
}
