import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, page, pageQuery } from '../../platform/http/schemas.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import { JOURNEY_STATES } from './deal.ts';
import { dealSchema } from './deal.schemas.ts';
import { getDeal, listDeals } from './deal.service.ts';
import { reapplyGuard, setFinanceConfirmation } from './deal-guard.service.ts';
import { guardSetting } from './deal.settings.ts';

const guardSchema = guardSetting.schema;

export function dealRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, caps } = ctx;

  r.get('/api/v1/deals', {
    config: { access: 'deals:read' },
    schema: {
      tags: ['deals'],
      summary: 'Deals from the CRM, most recently changed first, with counts per journey state',
      querystring: pageQuery.extend({
        state: z
          .string()
          .optional()
          .transform((v, c) => {
            const states = v ? v.split(',').map((s) => s.trim()) : [];
            const bad = states.find((s) => !(JOURNEY_STATES as readonly string[]).includes(s));
            if (bad) c.addIssue({ code: 'custom', message: `unknown state ${bad}; use ${JOURNEY_STATES.join(', ')}` });
            return states as Array<(typeof JOURNEY_STATES)[number]>;
          })
          .describe(`Comma-separated journey states: ${JOURNEY_STATES.join(', ')}`),
        q: z.string().trim().max(200).optional(),
        accountId: z.string().max(100).optional(),
      }),
      response: { 200: page(dealSchema).extend({ counts: z.record(z.string(), z.number()) }), ...errorResponses },
    },
    handler: async (request) => {
      const workspaceId = principalOf(request).workspaceId;
      const req = await readSetting(db, workspaceId, guardSetting);
      const { state, ...rest } = request.query;
      return listDeals(db, caps, workspaceId, req, { ...rest, states: state });
    },
  });

  r.get('/api/v1/deals/:id', {
    config: { access: 'deals:read' },
    schema: {
      tags: ['deals'],
      summary: 'One deal, with what it still lacks to enter the journey',
      params: idParams,
      response: { 200: dealSchema, ...errorResponses },
    },
    handler: async (request) => {
      const workspaceId = principalOf(request).workspaceId;
      return getDeal(db, workspaceId, request.params.id, await readSetting(db, workspaceId, guardSetting));
    },
  });

  r.put('/api/v1/deals/:id/finance-confirmation', {
    config: { access: 'deals:confirm' },
    schema: {
      tags: ['deals'],
      summary: 'Finance confirms (or withdraws confirmation of) a won deal',
      params: idParams,
      body: z.object({ confirmed: z.boolean() }),
      response: { 200: dealSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db.transaction().execute(async (trx) => {
        const req = await readSetting(trx, principal.workspaceId, guardSetting);
        return setFinanceConfirmation(
          trx,
          actorOf(principal, request.id),
          principal.workspaceId,
          request.params.id,
          request.body.confirmed,
          req,
        );
      });
    },
  });

  r.get('/api/v1/settings/deal-guard', {
    config: { access: 'deals:read' },
    schema: {
      tags: ['deals'],
      summary: 'Which conditions besides the win let a deal into the post-sale journey',
      response: { 200: guardSchema, ...errorResponses },
    },
    handler: async (request) => readSetting(db, principalOf(request).workspaceId, guardSetting),
  });

  r.put('/api/v1/settings/deal-guard', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['deals'],
      summary: 'Change the closed-won guard; every won deal is checked again at once',
      body: guardSchema,
      response: { 200: guardSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db.transaction().execute(async (trx) => {
        const value = await writeSetting(
          trx,
          actorOf(principal, request.id),
          principal.workspaceId,
          guardSetting,
          request.body,
        );
        await reapplyGuard(trx, principal.workspaceId, value);
        return value;
      });
    },
  });
}
