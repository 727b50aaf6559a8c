import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, isoDate } from '../../../platform/http/schemas.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { todayUtc } from '../adoption/adoption.service.ts';
import { evaluateUsageSignals } from './usage-signals.service.ts';
import { usageThresholdsSchema, usageThresholdsSetting } from './usage-signals.settings.ts';

const counts = z.record(z.string(), z.number());

/** Running the usage signals now, and their thresholds. */
export function usageSignalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/usage/signals/evaluate', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary:
        'Evaluate the usage, knowledge-loss, business-change, release-underuse and integration-decay signals now',
      description:
        'What the daily usage.signals job does, for this workspace: raises the signals whose rule holds (with evidence) and resolves those that no longer hold.',
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
      return db
        .transaction()
        .execute((trx) => evaluateUsageSignals(trx, ctx.caps, workspaceId, req.body?.asOf ?? todayUtc()));
    },
  });

  r.get('/api/v1/settings/usage-signals', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['settings'],
      summary: 'Thresholds of the usage, release and integration signals',
      response: { 200: usageThresholdsSchema, ...errorResponses },
    },
    handler: async (req) => readSetting(db, principalOf(req).workspaceId, usageThresholdsSetting),
  });

  r.put('/api/v1/settings/usage-signals', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['settings'],
      summary: 'Change the thresholds of the usage, release and integration signals',
      body: usageThresholdsSchema,
      response: { 200: usageThresholdsSchema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) =>
          writeSetting(trx, actorOf(principal, req.id), principal.workspaceId, usageThresholdsSetting, req.body),
        );
    },
  });
}
