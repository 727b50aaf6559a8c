import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../../platform/http/schemas.ts';
import { refId } from '../../../platform/http/references.ts';
import { addComment } from './comment.service.ts';
import { eventSchema } from './project.schemas.ts';
import { projectTimeline } from './project-query.service.ts';

/** A project's timeline, and comments on it. */
export function timelineRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/projects/:id/timeline', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'The project’s timeline: changes, comments, customer actions, forecast moves and slips, newest first',
      params: idParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: { 200: z.object({ items: z.array(eventSchema) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await projectTimeline(db, scopeOf(principalOf(request)), request.params.id, request.query.limit),
    }),
  });

  r.post('/api/v1/projects/:id/comments', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Comment on the project or one of its tasks',
      params: idParams,
      body: z.object({
        text: z.string().trim().min(1).max(4000),
        taskId: refId('task', 'A task of the project the comment is about').nullable().default(null),
      }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await db
        .transaction()
        .execute((trx) =>
          addComment(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.body.text,
            request.body.taskId,
          ),
        );
      return reply.status(204).send(null);
    },
  });
}
