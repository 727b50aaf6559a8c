import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { refId } from '../../platform/http/references.ts';
import { submitBrief } from './handoff-edit.service.ts';
import { acceptBrief, returnBrief } from './handoff-review.service.ts';
import { detailSchema, note } from './handoff.schemas.ts';

/** A brief on its way: submitted by the account executive, accepted or returned by delivery. */
export function handoffReviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.post('/api/v1/handoffs/:id/submit', {
    config: { access: 'handoffs:write' },
    schema: {
      tags: ['handoffs'],
      summary: 'The account executive hands the brief to delivery (required fields must be filled)',
      params: idParams,
      body: z.object({ note }),
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          submitBrief(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id, request.body.note),
        );
    },
  });

  r.post('/api/v1/handoffs/:id/accept', {
    config: { access: 'handoffs:review' },
    schema: {
      tags: ['handoffs'],
      summary: 'Delivery accepts the brief: the account passes from the account executive to the delivery lead',
      params: idParams,
      body: z.object({
        deliveryLeadUserId: refId('user', 'Who leads the delivery; a member of the workspace').nullable().optional(),
        note,
      }),
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          acceptBrief(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id, request.body),
        );
    },
  });

  r.post('/api/v1/handoffs/:id/return', {
    config: { access: 'handoffs:review' },
    schema: {
      tags: ['handoffs'],
      summary: 'Delivery returns the brief to the account executive with the reasons',
      params: idParams,
      body: z.object({
        reasons: z.array(z.string().trim().min(1).max(1000)).min(1, 'say why the brief goes back').max(20),
      }),
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          returnBrief(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            request.body.reasons,
          ),
        );
    },
  });
}
