import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/app-context.ts';
import { signalRuleRoutes } from '../../signals/index.ts';
import { evaluateRenewalSignals } from './renewal-signals.service.ts';
import { renewalThresholdsSetting } from './renewal-signals.settings.ts';

/** Running the at-risk renewal signal now, and its thresholds. */
export function renewalSignalRoutes(app: FastifyInstance, ctx: AppContext): void {
  signalRuleRoutes(app, ctx, {
    tag: 'health',
    evaluatePath: '/api/v1/health/renewal-signals/evaluate',
    rules: 'the at-risk renewal signal (days to renewal, churn-risk deciles)',
    job: 'health.renewal-signals',
    settingsName: 'renewal-signals',
    readAccess: 'health:read',
    setting: renewalThresholdsSetting,
    evaluate: (db, workspaceId, asOf, now) =>
      evaluateRenewalSignals(db, ctx.caps, workspaceId, asOf ?? now.toISOString().slice(0, 10)),
  });
}
