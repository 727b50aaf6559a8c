import { defineModule } from '../../platform/modules/baton-module.ts';
import { down as riskDown, up as riskUp } from './migrations/2026-12-06T1100-health-risk.ts';
import type { RiskBacktestTable, RiskModelTable, RiskScoreTable } from './risk.table.ts';

export const healthModule = defineModule({
  name: 'health',
  purpose:
    "Churn risk learnt from the workspace's own history: a cross-validated backtest, and each account's probability, decile and drivers.",
  tables: ['risk_backtests', 'risk_models', 'risk_scores'],
  migrations: { '2026-12-06T1100-health-risk': { up: riskUp, down: riskDown } },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    risk_backtests: RiskBacktestTable;
    risk_models: RiskModelTable;
    risk_scores: RiskScoreTable;
  }
}
