import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import {
  answerSchema,
  mySubscriptionCreateSchema,
  subscriptionPatchSchema,
  subscriptionSchema,
} from './alert.schemas.ts';
import {
  createSubscription,
  deleteSubscription,
  getMySubscription,
  listMySubscriptions,
  updateSubscription,
} from './subscription.service.ts';
import { sendTestAlerts } from './test-alert.service.ts';

/** The member asking: an API key has no alerts of its own (the workspace's are under /api/v1/alerts/subscriptions). */
function memberOf(request: FastifyRequest) {
  const principal = principalOf(request);
  if (principal.kind !== 'user') {
    throw AppError.validation('authorization', 'an API key has no alerts of its own: use /api/v1/alerts/subscriptions');
  }
  return principal;
}

/**
 * My alerts: every member's own subscriptions, read and written by that member only. Another member's and the
 * workspace's are not found here. Members of a partner firm have none: signals cover the whole workspace.
 */
export function myAlertRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const tags = ['alerts'];
  // Every in-house member reads the accounts' relationships and signals; partner firms do not.
  const access = 'relationship:read' as const;

  r.get('/api/v1/alerts/my-subscriptions', {
    config: { access },
    schema: {
      tags,
      summary: 'My own alert subscriptions: what reaches me, on which channel, when',
      response: { 200: z.object({ items: z.array(subscriptionSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const me = memberOf(request);
      return { items: await listMySubscriptions(db, me.workspaceId, me.userId) };
    },
  });

  r.post('/api/v1/alerts/my-subscriptions', {
    config: { access },
    schema: {
      tags,
      summary: 'Subscribe myself: signals (on my accounts or all) and my play tasks due, at once or in a daily digest',
      body: mySubscriptionCreateSchema,
      response: { 201: subscriptionSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const me = memberOf(request);
      const created = await db
        .transaction()
        .execute((trx) =>
          createSubscription(
            trx,
            ctx.secrets,
            actorOf(me, request.id),
            me.workspaceId,
            { ...request.body, userId: me.userId },
            ctx.now(),
          ),
        );
      return reply.code(201).send(created);
    },
  });

  r.patch('/api/v1/alerts/my-subscriptions/:id', {
    config: { access },
    schema: {
      tags,
      summary:
        'Change one of my subscriptions: channel and address, filters, mode, quiet hours, secret; enable, disable',
      params: idParams,
      body: subscriptionPatchSchema,
      response: { 200: subscriptionSchema, ...errorResponses },
    },
    handler: async (request) => {
      const me = memberOf(request);
      return db.transaction().execute(async (trx) => {
        await getMySubscription(trx, me.workspaceId, me.userId, request.params.id);
        return updateSubscription(
          trx,
          ctx.secrets,
          actorOf(me, request.id),
          me.workspaceId,
          request.params.id,
          request.body,
          ctx.now(),
        );
      });
    },
  });

  r.delete('/api/v1/alerts/my-subscriptions/:id', {
    config: { access },
    schema: { tags, summary: 'Remove one of my subscriptions and its delivery log', params: idParams },
    handler: async (request, reply) => {
      const me = memberOf(request);
      await db.transaction().execute(async (trx) => {
        await getMySubscription(trx, me.workspaceId, me.userId, request.params.id);
        await deleteSubscription(trx, actorOf(me, request.id), me.workspaceId, request.params.id);
      });
      return reply.code(204).send();
    },
  });

  r.post('/api/v1/alerts/my-subscriptions/:id/test', {
    config: { access },
    schema: {
      tags,
      summary: 'Send me a test alert through one of my subscriptions and answer what its channel answered',
      params: idParams,
      response: { 200: answerSchema, ...errorResponses },
    },
    handler: async (request) => {
      const me = memberOf(request);
      await getMySubscription(db, me.workspaceId, me.userId, request.params.id);
      const [answer] = await sendTestAlerts(ctx, me.workspaceId, request.params.id);
      if (!answer) throw AppError.notFound('alert subscription');
      return answer;
    },
  });
}
