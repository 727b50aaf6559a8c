import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, isoDate } from '../../../platform/http/schemas.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { evaluateRevenueSignals } from './revenue-signals.service.ts';
import { revenueThresholdsSchema, revenueThresholdsSetting } from './revenue-signals.settings.ts';

const counts = z.record(z.string(), z.number());

/** Running the revenue signals now, and their thresholds. */
export function revenueSignalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/revenue/signals/evaluate', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['revenue'],
      summary: 'Evaluate the contraction and no-expansion signals now',
      description:
        'What the daily revenue.signals job does, for this workspace: raises the signals whose rule holds (with evidence) and resolves those that no longer hold.',
      body: z
        .object({ asOf: isoDate.optional().describe('Day to judge, YYYY-MM-DD (UTC); today by default') })
        .default({}),
      response: {
        200: z.object({ asOf: z.string(), accounts: z.number(), raised: counts, resolved: counts }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const workspaceId = principalOf(req).workspaceId;
      const asOf = req.body?.asOf ?? new Date().toISOString().slice(0, 10);
      return db.transaction().execute((trx) => evaluateRevenueSignals(trx, workspaceId, asOf));
    },
  });

  r.get('/api/v1/settings/revenue-signals', {
    config: { access: 'revenue:read' },
    schema: {
      tags: ['settings'],
      summary: 'Thresholds of the revenue signals (contraction, no expansion)',
      response: { 200: revenueThresholdsSchema, ...errorResponses },
    },
    handler: async (req) => readSetting(db, principalOf(req).workspaceId, revenueThresholdsSetting),
  });

  r.put('/api/v1/settings/revenue-signals', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['settings'],
      summary: 'Change the thresholds of the revenue signals, or switch a rule off',
      body: revenueThresholdsSchema,
      response: { 200: revenueThresholdsSchema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) =>
          writeSetting(trx, actorOf(principal, req.id), principal.workspaceId, revenueThresholdsSetting, req.body),
        );
    },
  });
}
