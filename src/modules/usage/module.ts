import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { usageSignalRules } from './signals/usage-signals.rules.ts';
import { rematchUsageWhenAccountsAppear } from './accounts-appeared.handler.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.ts';
import { adoptionRoutes } from './adoption/adoption.routes.ts';
import { seatRoutes } from './adoption/seats.routes.ts';
import { watchMilestoneUsage } from './adoption/usage-milestones.handler.ts';
import { usageSourceRoutes } from './adoption/usage-sources.routes.ts';
import { openIngestRuntime } from './ingest/ingest-runtime.service.ts';
import { ingestRoutes } from './ingest/ingest.routes.ts';
import { ingestStatusRoutes } from './ingest/ingest-status.routes.ts';
import { unmatchedRoutes } from './ingest/unmatched.routes.ts';
import { retentionRoutes } from './retention/retention.routes.ts';
import { integrationStatusImporter } from './integrations/integration-status.import.ts';
import { integrationStatusRoutes } from './integrations/integration-status.routes.ts';
import { seatsImporter, usageImporter } from './import/usage-importers.ts';
import { releaseRoutes } from './releases/release.routes.ts';
import { nudgeEmbedRoutes } from './nudges/nudge-embed.routes.ts';
import { nudgeRoutes } from './nudges/nudge.routes.ts';
import type { UsageNudgeEligibleTable, UsageNudgeRuleTable, UsageNudgeTable } from './nudges/nudge.table.ts';
import { up as nudgesUp, down as nudgesDown } from './migrations/2026-12-06T2100-usage-nudges.ts';
import { up as teamsUp, down as teamsDown } from './migrations/2026-12-07T0100-usage-user-teams.ts';
import { teamRoutes } from './teams/team.routes.ts';
import { teamTraitSetting } from './teams/team.settings.ts';
import type { UsageUserTeamTable } from './teams/team.table.ts';
import { retentionSetting } from './retention/retention.settings.ts';
import { usageSignalRoutes } from './signals/usage-signals.routes.ts';
import { usageThresholdsSetting } from './signals/usage-signals.settings.ts';
import type { UsageAccountPlanTable, UsageFeatureEventTable, UsageFeatureTable } from './catalogue/catalogue.table.ts';
import type { UsageImportRowTable } from './import/usage-import.table.ts';
import type {
  IntegrationStatusDailyTable,
  IntegrationStatusReportTable,
  IntegrationStatusTable,
} from './integrations/integration-status.table.ts';
import type { UsageReleaseFeatureTable, UsageReleaseTable } from './releases/release.table.ts';
import type {
  UsageAccountSeatsTable,
  UsageDailyAccountFeatureTable,
  UsageDailyAccountUserTable,
  UsageFirstUseWatchTable,
} from './adoption/adoption.table.ts';
import type {
  UsageEventTable,
  UsageIngestRequestTable,
  UsageIngestTotalsTable,
  UsageUserTable,
  UsageUserTraitsTable,
} from './ingest/ingest.table.ts';

const HOUR = 3_600_000;

export const usageModule = defineModule({
  name: 'usage',
  purpose: 'Product usage from Segment, PostHog and imports; adoption, releases, integrations and their signals.',
  tables: [
    'usage_events',
    'usage_users',
    'usage_user_traits',
    'usage_user_teams',
    'usage_ingest_requests',
    'usage_ingest_totals',
    'usage_daily_account_feature',
    'usage_daily_account_user',
    'usage_account_seats',
    'usage_first_use_watches',
    'usage_import_rows',
    'usage_features',
    'usage_feature_events',
    'usage_account_plans',
    'usage_releases',
    'usage_release_features',
    'integration_status_daily',
    'integration_status',
    'integration_status_reports',
    'usage_nudge_rules',
    'usage_nudges',
    'usage_nudge_eligible',
  ],
  migrations: {
    '2026-12-06T2100-usage-nudges': { up: nudgesUp, down: nudgesDown },
    '2026-12-07T0100-usage-user-teams': { up: teamsUp, down: teamsDown },
  },
  routes: (app, ctx) => {
    // Each server gets its own ingest runtime (reader pool, write thread, writer), stopped when that server closes.
    const ingest = openIngestRuntime(ctx);
    app.addHook('onClose', async () => ingest.close());
    ingestRoutes(app, ctx, ingest);
    seatRoutes(app, ctx);
    adoptionRoutes(app, ctx);
    retentionRoutes(app, ctx);
    usageSourceRoutes(app, ctx);
    ingestStatusRoutes(app, ctx, ingest);
    unmatchedRoutes(app, ctx);
    catalogueRoutes(app, ctx);
    teamRoutes(app, ctx);
    releaseRoutes(app, ctx);
    integrationStatusRoutes(app, ctx);
    usageSignalRoutes(app, ctx);
    nudgeRoutes(app, ctx);
    nudgeEmbedRoutes(app, ctx);
  },
  importers: [usageImporter, seatsImporter, integrationStatusImporter],
  jobs: [
    defineJob({
      type: 'usage.events.purge',
      version: 1,
      description: 'Deletes raw usage events past each workspace’s retention window (rollups are kept)',
      input: z.object({}),
      maxAttempts: 3,
      everyMs: 6 * HOUR,
      load: async () => (await import('./retention/retention.job.ts')).purgeUsageEvents,
    }),
    defineJob({
      type: 'usage.rematch',
      version: 1,
      description:
        'Matches kept-aside usage events and integration sync reports to accounts that were created or imported',
      input: z.object({}),
      maxAttempts: 5,
      load: async () => (await import('./ingest/rematch.job.ts')).rematchUsageJob,
    }),
    defineJob({
      type: 'usage.signals',
      version: 1,
      description:
        'Evaluates the usage, knowledge-loss, business-change, release-underuse and integration-decay signals (every workspace unless one is named)',
      input: z.object({ workspaceId: z.string().optional(), asOf: z.iso.date().optional() }),
      maxAttempts: 3,
      everyMs: 24 * HOUR,
      load: async () => (await import('./signals/usage-signals.job.ts')).runUsageSignals,
    }),
    defineJob({
      type: 'usage.nudges',
      version: 1,
      description:
        'Nudges the product users of onboarding accounts whose milestone event is overdue, and sends email ' +
        'nudges not sent yet (every workspace unless one is named)',
      input: z.object({ workspaceId: z.string().optional() }),
      maxAttempts: 3,
      everyMs: 24 * HOUR,
      load: async () => (await import('./nudges/nudges.job.ts')).runNudges,
    }),
  ],
  settings: [retentionSetting, usageThresholdsSetting, teamTraitSetting],
  signalRules: [usageSignalRules],
  subscriptions: {
    'accounts.appeared': rematchUsageWhenAccountsAppear,
    'delivery.usage-milestones-changed': watchMilestoneUsage,
  },
  nav: { path: '/adoption', label: 'Adoption' },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    usage_events: UsageEventTable;
    usage_users: UsageUserTable;
    usage_user_traits: UsageUserTraitsTable;
    usage_user_teams: UsageUserTeamTable;
    usage_ingest_requests: UsageIngestRequestTable;
    usage_ingest_totals: UsageIngestTotalsTable;
    usage_daily_account_feature: UsageDailyAccountFeatureTable;
    usage_daily_account_user: UsageDailyAccountUserTable;
    usage_account_seats: UsageAccountSeatsTable;
    usage_first_use_watches: UsageFirstUseWatchTable;
    usage_import_rows: UsageImportRowTable;
    usage_features: UsageFeatureTable;
    usage_feature_events: UsageFeatureEventTable;
    usage_account_plans: UsageAccountPlanTable;
    usage_releases: UsageReleaseTable;
    usage_release_features: UsageReleaseFeatureTable;
    integration_status_daily: IntegrationStatusDailyTable;
    integration_status: IntegrationStatusTable;
    integration_status_reports: IntegrationStatusReportTable;
    usage_nudge_rules: UsageNudgeRuleTable;
    usage_nudges: UsageNudgeTable;
    usage_nudge_eligible: UsageNudgeEligibleTable;
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'usage.events.purge': Record<string, never>;
    'usage.rematch': Record<string, never>;
    'usage.signals': { workspaceId?: string; asOf?: string };
    'usage.nudges': { workspaceId?: string };
  }
}
