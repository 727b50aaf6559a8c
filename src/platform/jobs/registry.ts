import { z } from 'zod';
import { defineJob, type JobDefinition } from './job.ts';

const HOUR = 3_600_000;

/** Every job Baton runs, declared once. Handlers load only when a job of that type runs. */
export const JOBS: JobDefinition[] = [
  defineJob({
    type: 'platform.sessions.purge',
    version: 1,
    description: 'Deletes expired login sessions',
    input: z.object({}),
    maxAttempts: 3,
    everyMs: HOUR,
    load: async () => (await import('./handlers/purge.ts')).purgeSessions,
  }),
  defineJob({
    type: 'platform.idempotency.purge',
    version: 1,
    description: 'Forgets Idempotency-Key answers older than 24 hours',
    input: z.object({}),
    maxAttempts: 3,
    everyMs: HOUR,
    load: async () => (await import('./handlers/purge.ts')).purgeIdempotency,
  }),
  defineJob({
    type: 'platform.jobs.prune',
    version: 1,
    description: 'Deletes succeeded jobs finished more than 7 days ago',
    input: z.object({}),
    maxAttempts: 3,
    everyMs: 24 * HOUR,
    load: async () => (await import('./handlers/purge.ts')).pruneJobs,
  }),
  defineJob({
    type: 'deals.accounts.link',
    version: 1,
    description:
      'Links deals to the accounts they name (by CRM account id, else exact name), once those accounts are created or imported',
    input: z.object({}),
    maxAttempts: 5,
    load: async () => (await import('../../modules/deals/deal-accounts.job.ts')).linkDealAccountsJob,
  }),
  defineJob({
    type: 'deals.webhooks.prune',
    version: 1,
    description:
      'Forgets CRM webhook deliveries and ignored or superseded events received more than 90 days ago (the newest change of each deal property stays, to order late retries)',
    input: z.object({}),
    maxAttempts: 3,
    everyMs: 24 * HOUR,
    load: async () => (await import('../../modules/deals/webhooks/webhook.jobs.ts')).pruneWebhookLogJob,
  }),
  defineJob({
    type: 'delivery.usage-milestones',
    version: 1,
    description:
      'Completes the milestones an account reached by product usage, queued by ingest within seconds of the event (first-use watches), and re-forecasts',
    input: z.object({ accountId: z.string().min(1) }),
    maxAttempts: 5,
    load: async () => (await import('../../modules/delivery/projects/usage-milestones.job.ts')).usageMilestonesJob,
  }),
  defineJob({
    type: 'delivery.refresh',
    version: 1,
    description:
      'Completes milestones reached by product usage, re-forecasts every planned project and re-checks the delivery signals that depend on the date',
    input: z.object({}),
    maxAttempts: 3,
    everyMs: 6 * HOUR,
    load: async () => (await import('../../modules/delivery/projects/refresh.job.ts')).refreshDelivery,
  }),
  defineJob({
    type: 'usage.events.purge',
    version: 1,
    description: 'Deletes raw usage events past each workspace’s retention window (rollups are kept)',
    input: z.object({}),
    maxAttempts: 3,
    everyMs: 6 * HOUR,
    load: async () => (await import('../../modules/usage/retention/retention.job.ts')).purgeUsageEvents,
  }),
  defineJob({
    type: 'usage.rematch',
    version: 1,
    description:
      'Matches kept-aside usage events and integration sync reports to accounts that were created or imported',
    input: z.object({}),
    maxAttempts: 5,
    load: async () => (await import('../../modules/usage/ingest.jobs.ts')).rematchUsageJob,
  }),
  defineJob({
    type: 'usage.signals',
    version: 1,
    description:
      'Evaluates the usage, knowledge-loss, business-change, release-underuse and integration-decay signals (every workspace unless one is named)',
    input: z.object({ workspaceId: z.string().optional(), asOf: z.iso.date().optional() }),
    maxAttempts: 3,
    everyMs: 24 * HOUR,
    load: async () => (await import('../../modules/usage/signals/usage-signals.job.ts')).runUsageSignals,
  }),
];
