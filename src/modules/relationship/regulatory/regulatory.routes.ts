/** Regulatory events over HTTP: list them with the accounts in scope, record one, link an account's review. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { refId } from '../../../platform/http/references.ts';
import { errorResponses, idParams, isoDate } from '../../../platform/http/schemas.ts';
import { REGIONS } from '../../accounts/index.ts';
import { createRegulatoryEvent, listRegulatoryEvents, reviewRegulatoryEvent } from './regulatory.service.ts';

const eventSchema = z.object({
  id: z.string(),
  name: z.string(),
  industries: z.array(z.string()),
  regions: z.array(z.string()),
  effectiveOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  reviewFrom: z.string().describe('The first day accounts in scope are asked for a review'),
  inScope: z.number().describe('Accounts whose industry and region match (not churned)'),
  reviewed: z.number(),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      accountName: z.string(),
      industry: z.string().nullable(),
      region: z.string().nullable(),
      review: z.object({ by: z.string(), at: z.string(), note: z.string().nullable() }).nullable(),
    }),
  ),
});

const note = z.string().trim().max(2000).nullable().optional();

export function regulatoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/regulatory-events', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['relationship'],
      summary: 'Regulatory events, each with the accounts in its scope and their reviews',
      response: { 200: z.object({ items: z.array(eventSchema) }), ...errorResponses },
    },
    handler: async (req) => ({ items: await listRegulatoryEvents(ctx.db, ctx.caps, principalOf(req).workspaceId) }),
  });

  r.post('/api/v1/regulatory-events', {
    config: { access: 'signals:manage' },
    schema: {
      tags: ['relationship'],
      summary: 'Record a regulatory event; accounts in its scope without a review get a signal',
      body: z.object({
        name: z.string().trim().min(1).max(200),
        industries: z.array(z.string().trim().min(1).max(100)).max(50).describe('Empty: every industry'),
        regions: z.array(z.enum(REGIONS)).max(REGIONS.length).describe('Empty: every region'),
        effectiveOn: isoDate,
        note,
      }),
      response: { 201: eventSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      const principal = principalOf(req);
      const id = await ctx.db
        .transaction()
        .execute((trx) =>
          createRegulatoryEvent(trx, ctx.caps, actorOf(principal, req.id), principal.workspaceId, req.body, ctx.now()),
        );
      const events = await listRegulatoryEvents(ctx.db, ctx.caps, principal.workspaceId);
      return reply.code(201).send(events.find((e) => e.id === id)!);
    },
  });

  r.post('/api/v1/regulatory-events/:id/reviews', {
    config: { access: 'relationship:write' },
    schema: {
      tags: ['relationship'],
      summary: 'Link an account’s review to a regulatory event, closing its signal',
      params: idParams,
      body: z.object({ accountId: refId('account'), note }),
      response: { 201: eventSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      const principal = principalOf(req);
      await ctx.db
        .transaction()
        .execute((trx) =>
          reviewRegulatoryEvent(
            trx,
            ctx.caps,
            actorOf(principal, req.id),
            principal.workspaceId,
            req.params.id,
            req.body,
            ctx.now(),
          ),
        );
      const events = await listRegulatoryEvents(ctx.db, ctx.caps, principal.workspaceId);
      return reply.code(201).send(events.find((e) => e.id === req.params.id)!);
    },
  });
}
