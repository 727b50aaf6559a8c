import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../../platform/http/schemas.ts';
import { LESSON_KINDS } from '../lesson.ts';
import { similarImplementations } from './similar.service.ts';
import { SIMILARITY_DIMENSIONS } from './similarity.ts';

const dimension = z.enum(SIMILARITY_DIMENSIONS);

export const similarAnswerSchema = z.object({
  projectId: z.string(),
  compared: z.array(dimension).describe('The dimensions this project says something of, so could be compared'),
  considered: z.number().describe('Past (live or closed) projects looked at'),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      accountId: z.string(),
      accountName: z.string().nullable(),
      status: z.string(),
      playbook: z.object({ id: z.string(), name: z.string().nullable() }),
      score: z
        .number()
        .describe('0–1: the weighted share of what is alike (playbook, products, integrations, segment)'),
      matched: z.array(z.object({ dimension, shared: z.array(z.string()), match: z.number() })),
      sentence: z.string().describe('What it shares with this project, in words'),
      duration: z.object({
        kickoffOn: z.string().nullable(),
        goLiveOn: z.string().nullable(),
        plannedDays: z.number().nullable(),
        actualDays: z.number().nullable(),
        overDays: z.number().nullable(),
        sentence: z.string(),
      }),
      lessons: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(LESSON_KINDS),
          milestone: z.string(),
          text: z.string(),
          at: z.string(),
        }),
      ),
      url: z.string(),
    }),
  ),
});

const similarQuery = z.object({
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('Past projects to answer (1–20)'),
});

/** The past implementations most like a project, with what they learned and how long they took. */
export function similarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/projects/:id/similar', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary:
        'The past (live or closed) projects most like this one by playbook, products, integrations and segment, ' +
        'each with what matched, its lessons and decisions, and how long it took against its plan',
      params: idParams,
      querystring: similarQuery,
      response: { 200: similarAnswerSchema, ...errorResponses },
    },
    handler: async (request) =>
      similarImplementations(
        ctx.db,
        scopeOf(principalOf(request)),
        request.params.id,
        request.query.limit,
        ctx.now().toISOString().slice(0, 10),
      ),
  });
}
