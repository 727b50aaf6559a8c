import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, isoDate } from '../../../platform/http/schemas.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { evaluateRenewalSignals } from './renewal-signals.service.ts';
import { renewalThresholdsSchema, renewalThresholdsSetting } from './renewal-signals.settings.ts';

const counts = z.record(z.string(), z.number());

/** Running the at-risk renewal signal now, and its thresholds. */
export function renewalSignalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/health/renewal-signals/evaluate', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['health'],
      summary: 'Evaluate the at-risk renewal signal now (a renewal close and churn risk high)',
      description:
        'What the daily health.renewal-signals job does, for this workspace: raises the signals whose rule holds (with evidence) and resolves those that no longer hold.',
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
      return db.transaction().execute((trx) => evaluateRenewalSignals(trx, ctx.caps, workspaceId, asOf));
    },
  });

  r.get('/api/v1/settings/renewal-signals', {
    config: { access: 'health:read' },
    schema: {
      tags: ['settings'],
      summary: 'Thresholds of the at-risk renewal signal (days to renewal, churn-risk deciles)',
      response: { 200: renewalThresholdsSchema, ...errorResponses },
    },
    handler: async (req) => readSetting(db, principalOf(req).workspaceId, renewalThresholdsSetting),
  });

  r.put('/api/v1/settings/renewal-signals', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['settings'],
      summary: 'Change the thresholds of the at-risk renewal signal, or switch it off',
      body: renewalThresholdsSchema,
      response: { 200: renewalThresholdsSchema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) =>
          writeSetting(trx, actorOf(principal, req.id), principal.workspaceId, renewalThresholdsSetting, req.body),
        );
    },
  });
}
