import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/app-context.ts';
import { signalRuleRoutes } from '../../signals/index.ts';
import { momentOf } from './relationship-signals.job.ts';
import { evaluateRelationshipSignals } from './relationship-signals.service.ts';
import { relationshipThresholdsSetting } from './relationship-signals.settings.ts';

/** Running the relationship signals now (a day is judged at its end), and their thresholds. */
export function relationshipSignalRoutes(app: FastifyInstance, ctx: AppContext): void {
  signalRuleRoutes(app, ctx, {
    tag: 'relationship',
    evaluatePath: '/api/v1/relationship/signals/evaluate',
    rules: 'the relationship signals (sponsor untouched, detractor, finance in delivery, touch surge)',
    job: 'relationship.signals',
    settingsName: 'relationship-signals',
    readAccess: 'relationship:read',
    setting: relationshipThresholdsSetting,
    evaluate: (db, workspaceId, asOf, now) =>
      evaluateRelationshipSignals(db, ctx.caps, workspaceId, momentOf(asOf, now)),
  });
}
