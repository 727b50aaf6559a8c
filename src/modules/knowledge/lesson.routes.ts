import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { externalId } from '../../platform/http/references.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { articleSchema } from './knowledge.schemas.ts';
import { LESSON_KINDS } from './lesson.ts';
import { addLesson, draftFromLesson, listLessons } from './lesson.service.ts';

const lessonSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  milestone: z.string(),
  kind: z.enum(LESSON_KINDS),
  text: z.string(),
  author: z.string(),
  at: z.string(),
  articleId: z.string().nullable().describe('The newest article drafted from it, if any'),
});

const lessonBody = z.object({
  milestone: externalId(
    z.string().min(1).max(100).optional().describe('A milestone id of the project, or "close" (the default)'),
    'a milestone of the project in the path (checked there), or "close"',
  ),
  kind: z.enum(LESSON_KINDS),
  text: z.string().trim().min(1, 'is empty').max(10_000),
});

/** A project's lessons learned and configuration decisions, and drafts of articles from them. */
export function lessonRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/knowledge/projects/:id/lessons', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary: 'A project’s lessons learned and configuration decisions, oldest first',
      params: idParams,
      response: { 200: z.object({ items: z.array(lessonSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listLessons(db, scopeOf(principalOf(request)), request.params.id) }),
  });

  r.post('/api/v1/knowledge/projects/:id/lessons', {
    config: { access: 'knowledge:write' },
    schema: {
      tags: ['knowledge'],
      summary: 'Record a lesson learned or a configuration decision at one of a project’s milestones or at its close',
      params: idParams,
      body: lessonBody,
      response: { 201: lessonSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const lesson = await db
        .transaction()
        .execute((trx) =>
          addLesson(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.body,
            ctx.now().toISOString(),
          ),
        );
      return reply.status(201).send(lesson);
    },
  });

  r.post('/api/v1/knowledge/lessons/:id/article', {
    config: { access: 'knowledge:write' },
    schema: {
      tags: ['knowledge'],
      summary: 'Draft an article from a lesson or decision',
      params: idParams,
      response: { 201: articleSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const article = await db
        .transaction()
        .execute((trx) =>
          draftFromLesson(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            ctx.now().toISOString(),
          ),
        );
      return reply.status(201).send(article);
    },
  });
}
