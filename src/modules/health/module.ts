import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { renewalSignalRules } from './renewal/renewal-signals.rules.ts';
import { down as riskDown, up as riskUp } from './migrations/2026-12-06T1100-health-risk.ts';
import { portfolioRoutes } from './portfolio.routes.ts';
import { queueRenewalSignals } from './renewal/renewal-signals.handler.ts';
import { renewalSignalRoutes } from './renewal/renewal-signals.routes.ts';
import { renewalThresholdsSetting } from './renewal/renewal-signals.settings.ts';
import { scorecardsSetting } from './score/scorecard.settings.ts';
import { riskRoutes } from './risk.routes.ts';
import type { RiskBacktestTable, RiskModelTable, RiskScoreTable } from './risk.table.ts';
import { down as scoresDown, up as scoresUp } from './migrations/2026-12-06T1800-health-scores.ts';
import { queueScoreAccounts } from './score/score.handler.ts';
import { scoreRoutes } from './score/score.routes.ts';
import type { HealthScoreTable } from './score/score.table.ts';

export const healthModule = defineModule({
  name: 'health',
  purpose:
    "Health scores that explain themselves, and churn risk learnt from the workspace's own history: a backtest, and each account's probability, decile and drivers.",
  tables: ['risk_backtests', 'risk_models', 'risk_scores', 'health_scores'],
  routes: (app, ctx) => {
    riskRoutes(app, ctx);
    portfolioRoutes(app, ctx);
    renewalSignalRoutes(app, ctx);
    scoreRoutes(app, ctx);
  },
  jobs: [
    defineJob({
      type: 'health.risk.backtest',
      version: 1,
      description: 'Backtests the churn-risk model on the accounts with a known renewal outcome (k-fold)',
      input: z.object({ folds: z.number().int().min(2).max(20).optional() }),
      maxAttempts: 3,
      load: async () => (await import('./risk.job.ts')).riskBacktestJob,
    }),
    defineJob({
      type: 'health.risk.score',
      version: 1,
      description: 'Fits the churn-risk model on the accounts with an outcome and scores the others',
      input: z.object({}),
      maxAttempts: 3,
      load: async () => (await import('./risk.job.ts')).riskScoreJob,
    }),
    defineJob({
      type: 'health.renewal-signals',
      version: 1,
      description:
        'Evaluates the at-risk renewal signal: a renewal within the window and churn risk in the riskiest deciles (every workspace unless one is named)',
      input: z.object({ workspaceId: z.string().optional(), asOf: z.iso.date().optional() }),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./renewal/renewal-signals.job.ts')).runRenewalSignals,
    }),
    defineJob({
      type: 'health.score-accounts',
      version: 1,
      description: "Rescores accounts' health (the named ones, else every account of the job's workspace)",
      input: z.object({ accountIds: z.array(z.string()).optional() }),
      maxAttempts: 3,
      load: async () => (await import('./score/score.job.ts')).scoreAccountsJob,
    }),
    defineJob({
      type: 'health.scores',
      version: 1,
      description: 'Rescores the health of every account (every workspace unless one is named)',
      input: z.object({ workspaceId: z.string().optional() }),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./score/score.job.ts')).dailyScoresJob,
    }),
  ],
  settings: [renewalThresholdsSetting, scorecardsSetting],
  signalRules: [renewalSignalRules],
  subscriptions: {
    'revenue.subscriptions-changed': async (db, e) => {
      await queueRenewalSignals(db, e);
      await queueScoreAccounts(db, e);
    },
    'delivery.project-dates-changed': queueScoreAccounts,
    'usage.ingested': queueScoreAccounts,
    'relationship.survey-recorded': queueScoreAccounts,
    'relationship.touched': queueScoreAccounts,
    'support.tickets-changed': queueScoreAccounts,
  },
  migrations: {
    '2026-12-06T1100-health-risk': { up: riskUp, down: riskDown },
    '2026-12-06T1800-health-scores': { up: scoresUp, down: scoresDown },
  },
  nav: { path: '/health', label: 'Health' },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    risk_backtests: RiskBacktestTable;
    risk_models: RiskModelTable;
    risk_scores: RiskScoreTable;
    health_scores: HealthScoreTable;
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'health.risk.backtest': { folds?: number };
    'health.risk.score': Record<string, never>;
    'health.renewal-signals': { workspaceId?: string; asOf?: string };
    'health.score-accounts': { accountIds?: string[] };
    'health.scores': { workspaceId?: string };
  }
}
