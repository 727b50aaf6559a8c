import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import type { AlertDeliveryTable, AlertSubscriptionTable } from './alert.table.ts';
import { queueSignalAlerts } from './alerts.handler.ts';
import { alertRoutes } from './alerts.routes.ts';
import { up as alertsUp, down as alertsDown } from './migrations/2026-12-06T1900-alerts.ts';
import { up as personalUp, down as personalDown } from './migrations/2026-12-07T0040-personal-alerts.ts';

export const alertsModule = defineModule({
  name: 'alerts',
  purpose: 'Signals reach people: Slack, email and signed webhooks, each alert queued once and delivered with retries.',
  tables: ['alert_subscriptions', 'alert_deliveries'],
  routes: alertRoutes,
  jobs: [
    defineJob({
      type: 'alerts.deliver',
      version: 1,
      description: 'Sends the due alert deliveries (one workspace’s when named), retrying failed ones with backoff',
      input: z.object({ workspaceId: z.string().optional() }),
      maxAttempts: 3,
      everyMs: 60_000,
      load: async () => (await import('./deliver.job.ts')).runAlertDelivery,
    }),
    defineJob({
      type: 'alerts.digest',
      version: 1,
      description: 'Sends the daily digest to subscriptions in daily_digest mode (new severe signals, renewals, slips)',
      input: z.object({}),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./deliver.job.ts')).runAlertDigest,
    }),
  ],
  subscriptions: { 'signals.raised': queueSignalAlerts },
  migrations: {
    '2026-12-06T1900-alerts': { up: alertsUp, down: alertsDown },
    '2026-12-07T0040-personal-alerts': { up: personalUp, down: personalDown },
  },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    alert_subscriptions: AlertSubscriptionTable;
    alert_deliveries: AlertDeliveryTable;
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'alerts.deliver': { workspaceId?: string };
    'alerts.digest': Record<string, never>;
  }
}
