import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../../platform/http/schemas.ts';
import { setSeats } from './adoption.service.ts';

/** An account's licensed seats, the denominator of its adoption rate. */
export function seatRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put('/api/v1/usage/accounts/:id/seats', {
    config: { access: 'accounts:write' },
    schema: {
      tags: ['usage'],
      summary: 'Set an account’s licensed seats (null clears them)',
      params: idParams,
      body: z.object({ seats: z.number().int().min(0).max(10_000_000).nullable() }),
      response: {
        200: z.object({ accountId: z.string(), seats: z.number().nullable(), updatedAt: z.string().nullable() }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) => setSeats(trx, actorOf(principal, req.id), scopeOf(principal), req.params.id, req.body.seats));
    },
  });
}
