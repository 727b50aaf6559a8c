import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, isoDate } from '../../../platform/http/schemas.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { momentOf } from './relationship-signals.job.ts';
import { evaluateRelationshipSignals } from './relationship-signals.service.ts';
import { relationshipThresholdsSchema, relationshipThresholdsSetting } from './relationship-signals.settings.ts';

const counts = z.record(z.string(), z.number());

/** Running the relationship signals now, and their thresholds. */
export function relationshipSignalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/relationship/signals/evaluate', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['relationship'],
      summary: 'Evaluate the sponsor, detractor, finance-in-delivery and touch-surge signals now',
      description:
        'What the daily relationship.signals job does, for this workspace: raises the signals whose rule holds (with evidence) and resolves those that no longer hold.',
      body: z
        .object({ asOf: isoDate.optional().describe('Day to judge, YYYY-MM-DD (UTC), at its end; now by default') })
        .default({}),
      response: {
        200: z.object({ asOf: z.string(), accounts: z.number(), raised: counts, resolved: counts }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const workspaceId = principalOf(req).workspaceId;
      const at = momentOf(req.body?.asOf, new Date());
      return db.transaction().execute((trx) => evaluateRelationshipSignals(trx, ctx.caps, workspaceId, at));
    },
  });

  r.get('/api/v1/settings/relationship-signals', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['settings'],
      summary:
        'Thresholds of the relationship signals (sponsor untouched, detractor, finance in delivery, touch surge)',
      response: { 200: relationshipThresholdsSchema, ...errorResponses },
    },
    handler: async (req) => readSetting(db, principalOf(req).workspaceId, relationshipThresholdsSetting),
  });

  r.put('/api/v1/settings/relationship-signals', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['settings'],
      summary: 'Change the thresholds of the relationship signals, or switch a rule off',
      body: relationshipThresholdsSchema,
      response: { 200: relationshipThresholdsSchema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) =>
          writeSetting(trx, actorOf(principal, req.id), principal.workspaceId, relationshipThresholdsSetting, req.body),
        );
    },
  });
}
