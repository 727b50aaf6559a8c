import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { revenueSignalRules } from './signals/revenue-signals.rules.ts';
import { rematchRevenueWhenAccountsAppear } from './accounts-appeared.handler.ts';
import { up as revenueTablesUp, down as revenueTablesDown } from './migrations/2026-12-06T1000-revenue.ts';
import { revenueRoutes } from './revenue.routes.ts';
import { revenueSettings, stripeSecretSetting } from './revenue.settings.ts';
import { queueRevenueSignals } from './signals/revenue-signals.queue.ts';
import { revenueSignalRoutes } from './signals/revenue-signals.routes.ts';
import { revenueThresholdsSetting } from './signals/revenue-signals.settings.ts';
import { stripeWebhookRoutes } from './stripe/stripe-webhook.routes.ts';
import { subscriptionImporter } from './subscription.importer.ts';
import type {
  RevenueSeatFeedTable,
  RevenueStripeCustomerTable,
  RevenueStripeEventTable,
  RevenueSubscriptionTable,
} from './revenue.table.ts';

export const revenueModule = defineModule({
  name: 'revenue',
  purpose: 'Subscriptions from Stripe and files; ARR, its movements, renewals and retention (GRR, NRR) in money.',
  tables: ['revenue_subscriptions', 'revenue_stripe_customers', 'revenue_stripe_events', 'revenue_seat_feeds'],
  routes: (app, ctx) => {
    revenueRoutes(app, ctx);
    stripeWebhookRoutes(app, ctx);
    revenueSignalRoutes(app, ctx);
  },
  jobs: [
    defineJob({
      type: 'revenue.rematch',
      version: 1,
      description:
        'Matches Stripe customers and imported subscriptions kept aside to accounts that were created or imported',
      input: z.object({}),
      maxAttempts: 5,
      load: async () => (await import('./rematch.job.ts')).rematchRevenueJob,
    }),
    defineJob({
      type: 'revenue.signals',
      version: 1,
      description:
        'Evaluates the contraction and no-expansion signals (every workspace unless one is named; some accounts when named)',
      input: z.object({
        workspaceId: z.string().optional(),
        accountIds: z.array(z.string()).max(500).optional(),
        asOf: z.iso.date().optional(),
      }),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./signals/revenue-signals.job.ts')).runRevenueSignals,
    }),
  ],
  importers: [subscriptionImporter],
  migrations: { '2026-12-06T1000-revenue': { up: revenueTablesUp, down: revenueTablesDown } },
  settings: [revenueSettings, stripeSecretSetting, revenueThresholdsSetting],
  signalRules: [revenueSignalRules],
  subscriptions: {
    'accounts.appeared': rematchRevenueWhenAccountsAppear,
    'revenue.subscriptions-changed': queueRevenueSignals,
  },
  nav: { path: '/revenue', label: 'Revenue' },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    revenue_subscriptions: RevenueSubscriptionTable;
    revenue_stripe_customers: RevenueStripeCustomerTable;
    revenue_stripe_events: RevenueStripeEventTable;
    revenue_seat_feeds: RevenueSeatFeedTable;
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'revenue.rematch': Record<string, never>;
    'revenue.signals': { workspaceId?: string; accountIds?: string[]; asOf?: string };
  }
}
