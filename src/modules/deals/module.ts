import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { linkDealsWhenAccountsAppear } from './accounts-appeared.handler.ts';
import { dealImporter } from './deal.importer.ts';
import { pipelineImporter } from './stages/pipeline-importer.ts';
import { dealNamesOf } from './deal.names.ts';
import { visibleDealIds } from './deal.refs.ts';
import { dealRoutes } from './deal.routes.ts';
import { guardSetting } from './deal.settings.ts';
import { stageRoutes } from './stages/stage.routes.ts';
import { contractTermsRoutes } from './terms/terms.routes.ts';
import { integrationRoutes } from './webhooks/integration.routes.ts';
import { webhookRoutes } from './webhooks/webhook.routes.ts';
import { webhookSecretsSetting } from './webhooks/webhook.settings.ts';
import type { DealStageMappingTable, DealTable } from './deal.table.ts';
import type { WebhookDeliveryTable, WebhookEventTable } from './webhooks/webhook.table.ts';

const DAY = 24 * 3_600_000;

export const dealsModule = defineModule({
  name: 'deals',
  purpose: 'CRM deals, the closed-won guard, stage mappings, contract terms and the CRM webhooks.',
  tables: ['deals', 'deal_stage_mappings', 'webhook_deliveries', 'webhook_events'],
  routes: (app, ctx) => {
    dealRoutes(app, ctx);
    contractTermsRoutes(app, ctx);
    stageRoutes(app, ctx);
    integrationRoutes(app, ctx);
    webhookRoutes(app, ctx);
  },
  jobs: [
    defineJob({
      type: 'deals.accounts.link',
      version: 1,
      description:
        'Links deals to the accounts they name (by CRM account id, else exact name), once those accounts are created or imported',
      input: z.object({}),
      maxAttempts: 5,
      load: async () => (await import('./deal-accounts.job.ts')).linkDealAccountsJob,
    }),
    defineJob({
      type: 'deals.webhooks.prune',
      version: 1,
      description:
        'Forgets CRM webhook deliveries and ignored or superseded events received more than 90 days ago (the newest change of each deal property stays, to order late retries)',
      input: z.object({}),
      maxAttempts: 3,
      everyMs: DAY,
      load: async () => (await import('./webhooks/webhook-retention.job.ts')).pruneWebhookLogJob,
    }),
  ],
  importers: [dealImporter, pipelineImporter],
  references: { deal: { label: 'deal', ids: visibleDealIds } },
  auditNames: { deal: dealNamesOf },
  settings: [guardSetting, webhookSecretsSetting],
  subscriptions: { 'accounts.appeared': linkDealsWhenAccountsAppear },
  nav: { path: '/deals', label: 'Deals & handoffs' },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    deals: DealTable;
    deal_stage_mappings: DealStageMappingTable;
    webhook_deliveries: WebhookDeliveryTable;
    webhook_events: WebhookEventTable;
  }
}

declare module '../../platform/http/references.ts' {
  interface ReferenceKinds {
    deal: 'deal';
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'deals.accounts.link': Record<string, never>;
    'deals.webhooks.prune': Record<string, never>;
  }
}
