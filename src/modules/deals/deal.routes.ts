import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, page, pageQuery } from '../../platform/http/schemas.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import { JOURNEY_STATES, STAGE_CATEGORIES } from './deal.ts';
import { getDeal, listDeals, reapplyGuard, setFinanceConfirmation } from './deal.service.ts';
import { guardSetting } from './deal.settings.ts';
import { contractTermsSchema } from './terms/terms.schema.ts';

export const dealSchema = z.object({
  id: z.string(),
  source: z.string(),
  externalId: z.string(),
  name: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  stage: z.string(),
  stageCategory: z.enum(STAGE_CATEGORIES),
  pipeline: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  closeDate: z.string().nullable(),
  signedDate: z.string().nullable(),
  createdDate: z.string().nullable(),
  owner: z.string().nullable(),
  products: z.array(z.string()),
  partnerName: z.string().nullable(),
  financeConfirmedAt: z.string().nullable(),
  journeyState: z.enum(JOURNEY_STATES),
  missing: z.array(z.enum(['won', 'signed', 'finance_confirmed'])),
  confirmedAt: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  terms: contractTermsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

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
