import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { refId } from '../../platform/http/references.ts';
import { note } from './handoff.schemas.ts';
import { getOwnership, handOver, OWNER_ROLES } from './ownership.service.ts';

const ownershipSchema = z.object({
  accountId: z.string(),
  currentRole: z.enum(OWNER_ROLES),
  owners: z.record(z.string(), z.string().nullable()),
  handoffs: z.array(
    z.object({
      id: z.string(),
      fromRole: z.enum(OWNER_ROLES),
      toRole: z.enum(OWNER_ROLES),
      fromUserId: z.string().nullable(),
      toUserId: z.string().nullable(),
      briefId: z.string().nullable(),
      at: z.string(),
      note: z.string().nullable(),
    }),
  ),
});

/** An account's owners along the journey and their dated handoffs. */
export function ownershipRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/accounts/:id/ownership', {
    config: { access: 'accounts:read' },
    schema: {
      tags: ['accounts'],
      summary: 'Who owns the account now and each dated handoff (AE → delivery lead → CSM → account manager)',
      params: idParams,
      response: { 200: ownershipSchema, ...errorResponses },
    },
    handler: async (request) => getOwnership(db, scopeOf(principalOf(request)), request.params.id),
  });

  r.post('/api/v1/accounts/:id/ownership-handoffs', {
    config: { access: 'accounts:write' },
    schema: {
      tags: ['accounts'],
      summary: 'Hand the account to its next owner (delivery lead → CSM when live, CSM → account manager)',
      params: idParams,
      body: z.object({
        toRole: z.enum(['csm', 'account_manager']),
        toUserId: refId('user', 'The new owner; a member of the workspace'),
        note,
      }),
      response: { 200: ownershipSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          handOver(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
        );
    },
  });
}
