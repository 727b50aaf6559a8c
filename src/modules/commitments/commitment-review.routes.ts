import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { classifyWords, COMMITMENT_STATUSES, COVERING_STATUS, STRENGTHS } from './commitment.ts';
import { setCommitmentStatus } from './commitment-status.service.ts';
import { withHistory } from './commitment.schemas.ts';

/** Product's review of promises: how Baton reads their words, and each promise's status. */
export function commitmentReviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/commitments/classify', {
    config: { access: 'commitments:read' },
    schema: {
      tags: ['commitments'],
      summary:
        'How Baton reads the words of a promise: their strength, the phrase that decided it, and the status they need',
      querystring: z.object({ words: z.string().trim().min(1).max(500) }),
      response: {
        200: z.object({
          strength: z.enum(STRENGTHS),
          phrase: z.string().nullable(),
          rule: z.string(),
          matches: z.array(z.object({ phrase: z.string(), strength: z.enum(STRENGTHS), rule: z.string() })),
          needs: z.enum(COMMITMENT_STATUSES).nullable().describe('The weakest status that keeps such words covered'),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const reading = classifyWords(request.query.words);
      return { ...reading, needs: COVERING_STATUS[reading.strength] };
    },
  });

  r.put('/api/v1/commitments/:id/status', {
    config: { access: 'commitments:review' },
    schema: {
      tags: ['commitments'],
      summary: "Product's status of a promise, with a note; every change is kept in its history",
      params: idParams,
      body: z.object({ status: z.enum(COMMITMENT_STATUSES), note: z.string().trim().max(1000).nullable().optional() }),
      response: { 200: withHistory, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          setCommitmentStatus(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
        );
    },
  });
}
