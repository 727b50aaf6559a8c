import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { rematchTicketsWhenAccountsAppear } from './accounts-appeared.handler.ts';
import { up as supportTablesUp, down as supportTablesDown } from './migrations/2026-12-06T1800-support.ts';
import { up as ticketEventsUp, down as ticketEventsDown } from './migrations/2026-12-06T2100-ticket-events.ts';
import { up as zendeskUp, down as zendeskDown } from './migrations/2026-12-06T2140-zendesk-webhooks.ts';
import { zendeskWebhookRoutes } from './zendesk/zendesk-webhook.routes.ts';
import { supportSignalRules } from './signals/support-signals.rules.ts';
import { queueSupportSignals } from './signals/support-signals.queue.ts';
import { supportThresholdsSetting } from './signals/support-signals.settings.ts';
import { supportRoutes } from './support.routes.ts';
import { slaTargetsSetting, ticketRulesSetting, zendeskSecretSetting } from './support.settings.ts';
import { ticketImporter } from './ticket.importer.ts';
import type { TicketEventTable, TicketModelTable, TicketTable, TicketWebhookEventTable } from './ticket.table.ts';

export const supportModule = defineModule({
  name: 'support',
  purpose:
    'Support tickets from help desk exports, matched to accounts and labelled (help desk, rules, a trained model, people).',
  tables: ['tickets', 'ticket_models', 'ticket_events', 'ticket_webhook_events'],
  routes: (app, ctx) => {
    supportRoutes(app, ctx);
    zendeskWebhookRoutes(app, ctx);
  },
  jobs: [
    defineJob({
      type: 'support.rematch',
      version: 1,
      description: 'Matches tickets waiting for an account to accounts that were created or imported',
      input: z.object({}),
      maxAttempts: 5,
      load: async () => (await import('./rematch.job.ts')).rematchTicketsJob,
    }),
    defineJob({
      type: 'support.train',
      version: 1,
      description:
        'Trains the workspace’s ticket classifier on the tickets labelled by the help desk or a person, then labels the rest',
      input: z.object({}),
      maxAttempts: 1,
      load: async () => (await import('./train.job.ts')).trainTicketsJob,
    }),
    defineJob({
      type: 'support.signals',
      version: 1,
      description:
        'Evaluates the support-overload signals (every workspace unless one is named; some accounts when named)',
      input: z.object({
        workspaceId: z.string().optional(),
        accountIds: z.array(z.string()).max(500).optional(),
        asOf: z.iso.date().optional(),
      }),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./signals/support-signals.job.ts')).runSupportSignals,
    }),
  ],
  importers: [ticketImporter],
  migrations: {
    '2026-12-06T1800-support': { up: supportTablesUp, down: supportTablesDown },
    '2026-12-06T2100-ticket-events': { up: ticketEventsUp, down: ticketEventsDown },
    '2026-12-06T2140-zendesk-webhooks': { up: zendeskUp, down: zendeskDown },
  },
  settings: [ticketRulesSetting, zendeskSecretSetting, supportThresholdsSetting, slaTargetsSetting],
  signalRules: [supportSignalRules],
  subscriptions: {
    'accounts.appeared': rematchTicketsWhenAccountsAppear,
    'support.tickets-changed': queueSupportSignals,
  },
  nav: { path: '/support', label: 'Support' },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    tickets: TicketTable;
    ticket_models: TicketModelTable;
    ticket_events: TicketEventTable;
    ticket_webhook_events: TicketWebhookEventTable;
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'support.rematch': Record<string, never>;
    'support.train': Record<string, never>;
    'support.signals': { workspaceId?: string; accountIds?: string[]; asOf?: string };
  }
}
