import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/app-context.ts';
import { signalRuleRoutes } from '../../signals/index.ts';
import { evaluateUsageSignals } from './usage-signals.service.ts';
import { usageThresholdsSetting } from './usage-signals.settings.ts';

/** Running the usage signals now, and their thresholds. */
export function usageSignalRoutes(app: FastifyInstance, ctx: AppContext): void {
  signalRuleRoutes(app, ctx, {
    tag: 'usage',
    evaluatePath: '/api/v1/usage/signals/evaluate',
    rules: 'the usage, knowledge-loss, business-change, release-underuse and integration-decay signals',
    job: 'usage.signals',
    settingsName: 'usage-signals',
    readAccess: 'usage:read',
    setting: usageThresholdsSetting,
    evaluate: (db, workspaceId, asOf, now) =>
      evaluateUsageSignals(db, ctx.caps, workspaceId, asOf ?? now.toISOString().slice(0, 10)),
  });
}
