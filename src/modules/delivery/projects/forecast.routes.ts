import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { completeMilestonesByUsage } from './milestone.service.ts';
import { dayOf } from './project.ts';

/** The workspace's forecast, recomputed on demand. */
export function forecastRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.post('/api/v1/delivery/forecast/recompute', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary:
        'Complete milestones reached by product usage and recompute every planned project’s forecast now (both also run every few hours, and the forecast follows every change)',
      response: {
        200: z.object({
          projects: z.number(),
          changed: z.number(),
          slips: z.number(),
          milestonesByUsage: z.number(),
          millis: z.number(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const out = await db.transaction().execute(async (trx) => {
        const today = dayOf(ctx.now());
        const moved = await completeMilestonesByUsage(trx, principal.workspaceId, today);
        return {
          moved: moved.length,
          ...(await recomputeForecasts(trx, principal.workspaceId, {
            today,
            actor: actorOf(principal, request.id),
            touched: moved,
          })),
        };
      });
      return {
        projects: out.projects,
        changed: out.changed,
        slips: out.slips.length,
        milestonesByUsage: out.moved,
        millis: out.millis,
      };
    },
  });
}
