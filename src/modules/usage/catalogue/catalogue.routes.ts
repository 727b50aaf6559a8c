import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, problemSchema } from '../../../platform/http/schemas.ts';
import {
  accountPlans,
  createFeature,
  deleteFeature,
  listFeatures,
  setPlan,
  updateFeature,
} from './catalogue.service.ts';

const name = z.string().trim().min(1).max(200);
const list = z.array(z.string().max(200)).max(200);
const featureSchema = z.object({
  key: z.string(),
  name: z.string(),
  plans: z.array(z.string()),
  events: z.array(z.string()),
});

/** The feature catalogue (event → feature, plans entitled) and the plan each account is on. */
export function catalogueRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/usage/features', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'The feature catalogue: each feature, the events that are usage of it and the plans entitled to it',
      response: { 200: z.object({ items: z.array(featureSchema) }), ...errorResponses },
    },
    handler: async (req) => ({ items: await listFeatures(db, principalOf(req).workspaceId) }),
  });

  r.post('/api/v1/usage/features', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Add a feature to the catalogue',
      description: 'An event no feature lists is its own feature; plans [] entitles every plan.',
      body: z.object({
        key: name.describe('Stable key, e.g. reports'),
        name,
        plans: list.default([]),
        events: list.default([]).describe('Product events (as rollups name them: Report Published, page:Dashboard)'),
      }),
      response: { 201: featureSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (req, reply) => {
      const principal = principalOf(req);
      const feature = await db
        .transaction()
        .execute((trx) => createFeature(trx, actorOf(principal, req.id), principal.workspaceId, req.body));
      return reply.status(201).send(feature);
    },
  });

  r.patch('/api/v1/usage/features/:id', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Change a feature’s name, plans or events (by its key)',
      params: idParams,
      body: z.object({ name: name.optional(), plans: list.optional(), events: list.optional() }),
      response: { 200: featureSchema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) =>
          updateFeature(trx, actorOf(principal, req.id), principal.workspaceId, req.params.id, req.body),
        );
    },
  });

  r.delete('/api/v1/usage/features/:id', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Remove a feature from the catalogue (its events become their own features again)',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      const principal = principalOf(req);
      await db
        .transaction()
        .execute((trx) => deleteFeature(trx, actorOf(principal, req.id), principal.workspaceId, req.params.id));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/usage/plans', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'The plan each account is on (accounts without a plan are left out)',
      response: {
        200: z.object({ items: z.array(z.object({ accountId: z.string(), plan: z.string() })) }),
        ...errorResponses,
      },
    },
    handler: async (req) => ({
      items: [...(await accountPlans(db, principalOf(req).workspaceId))].map(([accountId, plan]) => ({
        accountId,
        plan,
      })),
    }),
  });

  r.put('/api/v1/usage/accounts/:id/plan', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Set the plan an account is on (null clears it), for feature entitlements',
      params: idParams,
      body: z.object({ plan: z.string().trim().min(1).max(100).nullable() }),
      response: { 200: z.object({ accountId: z.string(), plan: z.string().nullable() }), ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) => setPlan(trx, actorOf(principal, req.id), scopeOf(principal), req.params.id, req.body.plan));
    },
  });
}
