/** The revenue API's shapes, named once for the routes and the API document. */
import { z } from 'zod';
import { isoDate } from '../../platform/http/schemas.ts';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use YYYY-MM');

const currencyFields = {
  currency: z.string().describe('The reporting currency every amount is in'),
  mixedCurrencies: z
    .boolean()
    .describe('True when subscriptions in other currencies exist: they are left out, not converted'),
  excludedCurrencies: z.array(z.object({ currency: z.string(), subscriptions: z.number() })),
  note: z.string().nullable().describe('What was left out, in a sentence; null when nothing was'),
};

export const arrSchema = z.object({
  on: z.string(),
  ...currencyFields,
  totalArr: z.number(),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      account: z.string(),
      externalId: z.string().nullable().describe('The id the subscriptions’ source names the account by'),
      domain: z.string().nullable(),
      arr: z.number(),
    }),
  ),
});

const totals = {
  new: z.number(),
  expansion: z.number(),
  contraction: z.number(),
  churn: z.number(),
  reactivation: z.number(),
};

export const movementsSchema = z.object({
  ...currencyFields,
  months: z.array(
    z.object({
      month: z.string(),
      ...totals,
      startArr: z.number(),
      endArr: z.number(),
      net: z.number(),
      counts: z.object(totals).describe('How many accounts moved, by kind'),
    }),
  ),
});

const retentionFields = {
  accounts: z.number().describe('Accounts with ARR on the first day'),
  startArr: z.number(),
  expansion: z.number(),
  contraction: z.number(),
  churn: z.number(),
  endArr: z.number(),
  grr: z.number().nullable().describe('(start − contraction − churn) / start; 1 = 100 %'),
  nrr: z.number().nullable().describe('(start + expansion − contraction − churn) / start'),
};

export const retentionSchema = z.object({
  from: z.string(),
  to: z.string(),
  ...currencyFields,
  ...retentionFields,
  cohorts: z.array(
    z.object({ cohort: z.string().describe('Quarter of the first paid subscription'), ...retentionFields }),
  ),
  waterfall: z.object({ start: z.number(), ...totals, end: z.number() }),
});

export const renewalsSchema = z.object({
  ...currencyFields,
  today: z.string(),
  withinDays: z.number(),
  items: z.array(
    z.object({
      accountId: z.string(),
      account: z.string(),
      date: z.string(),
      basis: z.enum(['current_term', 'end_date', 'anniversary', 'account']),
      arr: z.number(),
      autoRenew: z.boolean().nullable(),
      paymentFailed: z.boolean(),
    }),
  ),
});

export const subscriptionSchema = z.object({
  id: z.string(),
  source: z.string(),
  externalId: z.string(),
  accountId: z.string().nullable(),
  accountRef: z.string().nullable(),
  accountName: z.string().nullable(),
  start: z.string(),
  end: z.string().nullable(),
  arr: z.number(),
  mrr: z.number().nullable(),
  seats: z.number().nullable(),
  plan: z.string().nullable(),
  trial: z.boolean(),
  currency: z.string(),
  billingPeriod: z.string().nullable(),
  autoRenew: z.boolean().nullable(),
  renewsOn: z.string().nullable(),
  status: z.string().nullable(),
  lastInvoice: z.object({ status: z.enum(['paid', 'payment_failed']), at: z.string() }).nullable(),
});

export const waitingSchema = z.object({
  customers: z.array(
    z.object({
      customerId: z.string(),
      email: z.string().nullable(),
      name: z.string().nullable(),
      metadataAccount: z.string().nullable(),
      since: z.string(),
    }),
  ),
  subscriptions: z.array(subscriptionSchema),
});

export const stripeStateSchema = z.object({
  webhookPath: z.string().describe('Append to Baton’s public address: the endpoint URL to give Stripe'),
  secret: z.object({
    set: z.boolean(),
    last4: z.string().nullable(),
    setAt: z.string().nullable(),
    setBy: z.string().nullable(),
  }),
  lastEventAt: z.string().nullable(),
});

export const periodQuery = z.object({
  from: isoDate.optional().describe('First day (YYYY-MM-DD); a year before `to` when left out'),
  to: isoDate.optional().describe('Last day (YYYY-MM-DD); today when left out'),
});
