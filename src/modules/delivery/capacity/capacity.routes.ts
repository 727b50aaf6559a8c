import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { CAPACITY_SETTINGS, capacitySettingsSchema, STALE_DEAL_TREATMENTS } from './capacity.settings.ts';
import { errorResponses, isoDate } from '../../../platform/http/schemas.ts';
import { dayOf } from '../projects/project.ts';
import { capacityView } from './capacity.service.ts';

const figures = {
  capacityHours: z.number(),
  projectDemandHours: z.number(),
  pipelineDemandHours: z.number(),
  demandHours: z.number(),
  utilization: z.number().nullable(),
  availableAfterBufferHours: z.number(),
  gapHours: z.number(),
  status: z.enum(['under', 'ok', 'over', 'no_capacity']),
};

const capacitySchema = z.object({
  startWeek: z.string(),
  bufferPct: z.number(),
  weeks: z.array(z.string()),
  roles: z.array(z.string()),
  rows: z.array(z.object({ role: z.string(), week: z.string(), ...figures })),
  totals: z.array(z.object({ week: z.string(), ...figures })),
  queue: z.array(
    z.object({
      projectId: z.string(),
      name: z.string(),
      accountName: z.string().nullable(),
      acceptedOn: z.string(),
      signedOn: z.string().nullable(),
      plannedKickoffOn: z.string().nullable(),
      waitDays: z.number(),
      promisedGoLive: z.string().nullable(),
    }),
  ),
  pipeline: z.array(
    z.object({
      dealId: z.string(),
      name: z.string(),
      probability: z.number(),
      probabilityKnown: z.boolean(),
      probabilitySource: z
        .enum(['deal', 'stage', 'default'])
        .describe(
          'The CRM’s own probability for the deal (imported), its stage’s, or the default for a stage nobody gave one',
        ),
      playbook: z.string().nullable(),
      closeDate: z.string().nullable(),
      stale: z.boolean().describe('Still open past its close date (by more than staleAfterDays)'),
      counted: z
        .boolean()
        .describe(
          'Whether its hours are in the plan: not when stale deals are excluded, nor without a playbook or a chance',
        ),
      expectedStart: z.string(),
      weightedHours: z.number(),
    }),
  ),
  stale: z
    .object({ treatment: z.enum(STALE_DEAL_TREATMENTS), afterDays: z.number(), deals: z.number() })
    .describe('What the plan does with open deals past their close date, and how many there are'),
});

export function capacityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/delivery/capacity', {
    config: { access: 'capacity:read' },
    schema: {
      tags: ['delivery'],
      summary:
        'Capacity plan by role and week: planned project work and the weighted pipeline against people’s hours, and the kickoff queue',
      querystring: z.object({
        weeks: z.coerce
          .number()
          .int()
          .min(1)
          .max(52)
          .optional()
          .describe('Weeks ahead; the workspace setting when left out (12 by default)'),
        bufferPct: z.coerce
          .number()
          .min(0)
          .max(0.9)
          .optional()
          .describe(
            'Strategic buffer: the share of capacity kept free (0–0.9); the workspace setting when left out (0.15 by default)',
          ),
        staleDeals: z
          .enum(STALE_DEAL_TREATMENTS)
          .optional()
          .describe(
            'Open deals past their close date: exclude (listed as stale) or count_from_today; the workspace setting when left out (exclude by default)',
          ),
        asOf: isoDate.optional().describe('The day the plan starts from: today when left out'),
      }),
      response: { 200: capacitySchema, ...errorResponses },
    },
    handler: async (request) => {
      const workspaceId = principalOf(request).workspaceId;
      const defaults = await readSetting(ctx.db, workspaceId, CAPACITY_SETTINGS);
      return capacityView(ctx.db, workspaceId, {
        today: request.query.asOf ?? dayOf(ctx.now()),
        weeks: request.query.weeks ?? defaults.weeks,
        bufferPct: request.query.bufferPct ?? defaults.bufferPct,
        staleDeals: request.query.staleDeals ?? defaults.staleDeals,
        staleAfterDays: defaults.staleAfterDays,
      });
    },
  });

  r.get('/api/v1/delivery/capacity-settings', {
    config: { access: 'capacity:read' },
    schema: {
      tags: ['delivery'],
      summary:
        'The workspace’s capacity planning defaults: strategic buffer, horizon, and what to do with deals past their close date',
      response: { 200: capacitySettingsSchema, ...errorResponses },
    },
    handler: async (request) => readSetting(ctx.db, principalOf(request).workspaceId, CAPACITY_SETTINGS),
  });

  r.put('/api/v1/delivery/capacity-settings', {
    config: { access: 'resources:write' },
    schema: {
      tags: ['delivery'],
      summary:
        'Set the strategic buffer kept free of planned work, the planning horizon, and whether deals past their close date count',
      body: capacitySettingsSchema,
      response: { 200: capacitySettingsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return ctx.db
        .transaction()
        .execute((trx) =>
          writeSetting(trx, actorOf(principal, request.id), principal.workspaceId, CAPACITY_SETTINGS, request.body),
        );
    },
  });
}
