import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/app-context.ts';
import { signalRuleRoutes } from '../../signals/index.ts';
import { evaluateRevenueSignals } from './revenue-signals.service.ts';
import { revenueThresholdsSetting } from './revenue-signals.settings.ts';

/** Running the revenue signals now, and their thresholds. */
export function revenueSignalRoutes(app: FastifyInstance, ctx: AppContext): void {
  signalRuleRoutes(app, ctx, {
    tag: 'revenue',
    evaluatePath: '/api/v1/revenue/signals/evaluate',
    rules: 'the revenue signals (contraction, no expansion)',
    job: 'revenue.signals',
    settingsName: 'revenue-signals',
    readAccess: 'revenue:read',
    setting: revenueThresholdsSetting,
    evaluate: (db, workspaceId, asOf, now) =>
      evaluateRevenueSignals(db, workspaceId, asOf ?? now.toISOString().slice(0, 10)),
  });
}
