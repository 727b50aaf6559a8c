import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { queueJob } from '../../../platform/jobs/job-types.ts';
import { searchHitSchema, searchQuery } from '../knowledge.schemas.ts';
import { searchKnowledge } from './search.service.ts';

/** One search box over the knowledge base: published articles, lessons and decisions, briefs, resolved tickets. */
export function searchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/search', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary:
        'Search the knowledge base with a question: any of its words (stop words left out, stems matched), ' +
        'best first, titles counting most',
      querystring: searchQuery,
      response: { 200: z.object({ items: z.array(searchHitSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const { q, limit, kinds } = request.query;
      return { items: await searchKnowledge(ctx.db, scopeOf(principalOf(request)), { query: q, limit, kinds }) };
    },
  });
}

/** Queues the reindexing of the workspace's resolved tickets (also done daily). */
export function reindexRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/knowledge/reindex', {
    config: { access: 'knowledge:write' },
    schema: {
      tags: ['knowledge'],
      summary:
        'Queue the reindexing of what the search covers from other modules (handoff briefs, resolved tickets); ' +
        'also daily',
      response: { 202: z.object({ jobId: z.string(), state: z.literal('queued') }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const workspaceId = principalOf(request).workspaceId;
      const job = await queueJob(ctx.db, 'knowledge.reindex', {}, { workspaceId, runAt: ctx.now() });
      return reply.code(202).send({ jobId: job.id, state: 'queued' as const });
    },
  });
}
