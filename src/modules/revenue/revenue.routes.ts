import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccount } from '../accounts/index.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate } from '../../platform/http/schemas.ts';
import { getWorkspace } from '../../platform/identity/workspace.service.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import { accountArrHistory } from './account-arr.service.ts';
import { addMonths } from './renewals.ts';
import {
  arrSchema,
  month,
  movementsSchema,
  periodQuery,
  renewalsSchema,
  retentionSchema,
  stripeStateSchema,
  subscriptionSchema,
  waitingSchema,
} from './revenue.schemas.ts';
import { arrReport, movementReport, renewalReport, retentionReport } from './revenue.service.ts';
import { revenueSettings } from './revenue.settings.ts';
import { setStripeSecret, stripeState } from './stripe/stripe-secret.service.ts';
import { rematchWaiting, waitingCustomers } from './stripe/stripe.service.ts';
import { listSubscriptions, toSubscription } from './subscription.service.ts';
import { selectWaitingSubscriptions } from './subscription.store.ts';
import { fromCents, type Subscription } from './subscription.ts';

export const subscriptionView = (s: Subscription) => {
  const { arrCents, mrrCents, updatedAt: _u, ...rest } = s;
  return { ...rest, arr: fromCents(arrCents), mrr: mrrCents === null ? null : fromCents(mrrCents) };
};

/** A period's days: `to` today when left out, `from` a year before it; `from` after `to` names the field. */
export function periodOf(
  q: { from?: string; to?: string },
  today: string,
  field = 'querystring.from',
): { from: string; to: string } {
  const to = q.to ?? today;
  const from = q.from ?? addMonths(to, -12);
  if (from > to) throw AppError.validation(field, `${from} is after the period’s end, ${to}`);
  return { from, to };
}

/** ARR, its movements, retention with cohorts, renewals, subscriptions and Stripe customers waiting for an account. */
export function revenueRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, caps } = ctx;
  const today = () => ctx.now().toISOString().slice(0, 10);
  const ws = (request: Parameters<typeof principalOf>[0]) => principalOf(request).workspaceId;

  r.get('/api/v1/revenue/arr', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['revenue'],
      summary:
        'Each account’s ARR on a day and the total: Σ ARR of its subscriptions running that day (trials excluded)',
      querystring: z.object({ on: isoDate.optional().describe('The day (YYYY-MM-DD); today when left out') }),
      response: { 200: arrSchema, ...errorResponses },
    },
    handler: async (request) => arrReport(db, caps, ws(request), request.query.on ?? today()),
  });

  r.get('/api/v1/revenue/movements', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['revenue'],
      summary:
        'ARR movements month by month: new, expansion, contraction, churn and reactivation, each account’s net ' +
        'change in the month',
      querystring: z.object({
        from: month.optional().describe('First month (YYYY-MM); 11 months before `to` when left out'),
        to: month.optional().describe('Last month (YYYY-MM); this month when left out'),
      }),
      response: { 200: movementsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const to = request.query.to ?? today().slice(0, 7);
      const from = request.query.from ?? addMonths(`${to}-01`, -11).slice(0, 7);
      if (from > to) throw AppError.validation('querystring.from', `${from} is after ${to}`);
      if (addMonths(`${from}-01`, 120) < `${to}-01`)
        throw AppError.validation('querystring.from', 'at most 120 months at once');
      return movementReport(db, ws(request), from, to);
    },
  });

  r.get('/api/v1/revenue/retention', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['revenue'],
      summary:
        'GRR and NRR of the accounts with ARR on `from`, measured on `to`, by cohort (quarter of first ' +
        'subscription), and the ARR waterfall',
      querystring: periodQuery,
      response: { 200: retentionSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { from, to } = periodOf(request.query, today());
      return retentionReport(db, ws(request), from, to);
    },
  });

  r.get('/api/v1/revenue/renewals', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['revenue'],
      summary:
        'Accounts renewing soon: each account’s next renewal from its subscriptions, else the renewal date on the ' +
        'account',
      querystring: z.object({
        asOf: isoDate.optional().describe('The day to look ahead from; today when left out'),
        withinDays: z.coerce.number().int().min(1).max(730).default(120),
      }),
      response: { 200: renewalsSchema, ...errorResponses },
    },
    handler: async (request) =>
      renewalReport(db, caps, ws(request), request.query.asOf ?? today(), request.query.withinDays),
  });

  r.get('/api/v1/revenue/accounts/:id/subscriptions', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['revenue'],
      summary: 'An account’s subscriptions, oldest first',
      params: idParams,
      response: { 200: z.object({ items: z.array(subscriptionSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      await getAccount(db, { workspaceId: principal.workspaceId, partnerId: null }, request.params.id);
      const items = await listSubscriptions(db, principal.workspaceId, { accountIds: [request.params.id] });
      return { items: items.map(subscriptionView) };
    },
  });

  r.get('/api/v1/revenue/accounts/:id/arr-history', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['revenue'],
      summary: 'An account’s ARR over time: each day it changed, with the movement, oldest first',
      description:
        'From the account’s subscriptions in the reporting currency (others are left out and said so in `note`). ' +
        'ARR holds from each point until the next.',
      params: idParams,
      response: {
        200: z.object({
          accountId: z.string(),
          currency: z.string(),
          note: z.string().nullable(),
          points: z.array(
            z.object({
              day: z.string(),
              arr: z.number(),
              before: z.number(),
              kind: z.enum(['new', 'expansion', 'contraction', 'churn', 'reactivation']),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      await getAccount(db, { workspaceId: principal.workspaceId, partnerId: null }, request.params.id);
      const history = await accountArrHistory(db, principal.workspaceId, request.params.id);
      return {
        accountId: request.params.id,
        currency: history.currency,
        note: history.note,
        points: history.steps.map((s) => ({
          day: s.day,
          arr: fromCents(s.after),
          before: fromCents(s.before),
          kind: s.kind,
        })),
      };
    },
  });

  r.get('/api/v1/revenue/waiting', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['revenue'],
      summary:
        'Stripe customers and imported subscriptions that name no account Baton knows yet; matched when the account ' +
        'appears',
      response: { 200: waitingSchema, ...errorResponses },
    },
    handler: async (request) => ({
      customers: await waitingCustomers(db, ws(request)),
      subscriptions: (await selectWaitingSubscriptions(db, ws(request)))
        .filter((s) => s.source !== 'stripe')
        .slice(0, 500)
        .map((s) => subscriptionView(toSubscription(s))),
    }),
  });

  r.post('/api/v1/revenue/rematch', {
    config: { access: 'revenue:write' },
    schema: {
      tags: ['revenue'],
      summary:
        'Match waiting Stripe customers and subscriptions to accounts now (it also happens whenever accounts appear)',
      response: { 200: z.object({ customers: z.number(), subscriptions: z.number() }), ...errorResponses },
    },
    handler: async (request) => db.transaction().execute((trx) => rematchWaiting(trx, ws(request), today())),
  });

  r.get('/api/v1/revenue/stripe', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['revenue'],
      summary: 'The Stripe webhook: its path, whether its signing secret is set (never the secret) and the last event',
      response: { 200: stripeStateSchema, ...errorResponses },
    },
    handler: async (request) => stripeState(db, await getWorkspace(db, ws(request))),
  });

  r.put('/api/v1/revenue/stripe', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['revenue'],
      summary: 'Set, replace or remove (null) the Stripe webhook’s signing secret; it is never shown again',
      body: z.object({
        secret: z
          .string()
          .trim()
          .min(1)
          .max(300)
          .nullable()
          .describe('The endpoint’s signing secret, whsec_…; null removes it'),
      }),
      response: { 200: stripeStateSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db.transaction().execute(async (trx) => {
        await setStripeSecret(
          trx,
          ctx.secrets,
          actorOf(principal, request.id),
          principal.workspaceId,
          request.body.secret,
        );
        return stripeState(trx, await getWorkspace(trx, principal.workspaceId));
      });
    },
  });

  const settingsSchema = z.object({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a three-letter ISO currency code, upper case')
      .nullable()
      .describe('The reporting currency; null: the one the subscriptions share (USD when they share none)'),
  });

  r.get('/api/v1/revenue/settings', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['revenue'],
      summary: 'The reporting currency',
      response: { 200: settingsSchema, ...errorResponses },
    },
    handler: async (request) => readSetting(db, ws(request), revenueSettings),
  });

  r.put('/api/v1/revenue/settings', {
    config: { access: 'revenue:write' },
    schema: {
      tags: ['revenue'],
      summary: 'Set the reporting currency (audited)',
      body: settingsSchema,
      response: { 200: settingsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          writeSetting(trx, actorOf(principal, request.id), principal.workspaceId, revenueSettings, request.body),
        );
    },
  });
}
