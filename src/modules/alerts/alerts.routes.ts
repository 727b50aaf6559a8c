import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, page, pageQuery } from '../../platform/http/schemas.ts';
import { DELIVERY_STATUSES } from './alert.ts';
import {
  answerSchema,
  subscriptionCreateSchema,
  subscriptionPatchSchema,
  subscriptionSchema,
} from './alert.schemas.ts';
import { listDeliveries, replayDelivery } from './delivery.service.ts';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  updateSubscription,
} from './subscription.service.ts';
import { sendTestAlerts } from './test-alert.service.ts';
import { myAlertRoutes } from './my-alerts.routes.ts';

const deliverySchema = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  eventKey: z.string(),
  type: z.string(),
  title: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastResponse: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});

/** Settings → Alerts: subscriptions, a test through every channel, the delivery log and replays; and My alerts. */
export function alertRoutes(app: FastifyInstance, ctx: AppContext): void {
  myAlertRoutes(app, ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const tags = ['alerts'];

  r.get('/api/v1/alerts/subscriptions', {
    config: { access: 'alerts:read' },
    schema: {
      tags,
      summary: 'Alert subscriptions (Slack, email, signed webhooks); secrets are never shown',
      response: { 200: z.object({ items: z.array(subscriptionSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listSubscriptions(db, principalOf(request).workspaceId) }),
  });

  r.post('/api/v1/alerts/subscriptions', {
    config: { access: 'alerts:manage' },
    schema: {
      tags,
      summary: 'Subscribe a Slack channel, an email address or a webhook to signals as they open or rise',
      body: subscriptionCreateSchema,
      response: { 201: subscriptionSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const created = await db
        .transaction()
        .execute((trx) =>
          createSubscription(
            trx,
            ctx.secrets,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.body,
            ctx.now(),
          ),
        );
      return reply.code(201).send(created);
    },
  });

  r.patch('/api/v1/alerts/subscriptions/:id', {
    config: { access: 'alerts:manage' },
    schema: {
      tags,
      summary:
        'Change a subscription’s channel and address, filters, mode, quiet hours or secret; enable or disable it',
      params: idParams,
      body: subscriptionPatchSchema,
      response: { 200: subscriptionSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          updateSubscription(
            trx,
            ctx.secrets,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            request.body,
            ctx.now(),
          ),
        );
    },
  });

  r.delete('/api/v1/alerts/subscriptions/:id', {
    config: { access: 'alerts:manage' },
    schema: { tags, summary: 'Remove a subscription and its delivery log', params: idParams },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await db
        .transaction()
        .execute((trx) =>
          deleteSubscription(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id),
        );
      return reply.code(204).send();
    },
  });

  r.post('/api/v1/alerts/test', {
    config: { access: 'alerts:manage' },
    schema: {
      tags,
      summary: 'Send a test alert through every enabled subscription and answer what each channel answered',
      response: { 200: z.object({ items: z.array(answerSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await sendTestAlerts(ctx, principalOf(request).workspaceId) }),
  });

  r.get('/api/v1/alerts/deliveries', {
    config: { access: 'alerts:read' },
    schema: {
      tags,
      summary: 'The delivery log, newest first: each alert queued, its attempts and the last answer',
      querystring: pageQuery.extend({ status: z.enum(DELIVERY_STATUSES).optional() }),
      response: { 200: page(deliverySchema), ...errorResponses },
    },
    handler: async (request) => listDeliveries(db, principalOf(request).workspaceId, request.query),
  });

  r.post('/api/v1/alerts/deliveries/:id/replay', {
    config: { access: 'alerts:manage' },
    schema: {
      tags,
      summary: 'Send a delivery again now: the same body, newly signed, recorded as one more attempt',
      params: idParams,
      response: { 200: deliverySchema, ...errorResponses },
    },
    handler: async (request) =>
      replayDelivery(ctx, principalOf(request).workspaceId, request.params.id, `replay:${request.id}`),
  });
}
