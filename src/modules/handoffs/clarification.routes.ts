import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { BRIEF_FIELDS } from './handoff.ts';
import { answerClarification, askClarification } from './handoff-clarification.service.ts';
import { clarificationSchema } from './handoff.schemas.ts';

/** A brief's clarifications: delivery's questions and their answers. */
export function clarificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.post('/api/v1/handoffs/:id/clarifications', {
    config: { access: 'handoffs:review' },
    schema: {
      tags: ['handoffs'],
      summary:
        'Log a question delivery had to ask; one about a field the brief already filled is a repeated requirement',
      params: idParams,
      body: z.object({
        field: z.enum(BRIEF_FIELDS).nullable().default(null),
        question: z.string().trim().min(1).max(2000),
      }),
      response: { 201: clarificationSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const c = await db
        .transaction()
        .execute((trx) =>
          askClarification(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id, request.body),
        );
      return reply.status(201).send(c);
    },
  });

  r.put('/api/v1/handoffs/:id/clarifications/:clarificationId', {
    config: { access: 'handoffs:write' },
    schema: {
      tags: ['handoffs'],
      summary: 'Answer a clarification',
      params: idParams.extend({ clarificationId: z.string().min(1).max(100) }),
      body: z.object({ answer: z.string().trim().min(1).max(4000) }),
      response: { 200: clarificationSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          answerClarification(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            request.params.clarificationId,
            request.body.answer,
          ),
        );
    },
  });
}
