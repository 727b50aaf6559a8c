import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { deliveryFiguresByPartner } from './partner-figures.service.ts';

const figuresSchema = z.object({
  partnerId: z.string().nullable(),
  partnerName: z.string(),
  projects: z.object({
    total: z.number(),
    queued: z.number(),
    active: z.number(),
    live: z.number(),
    closed: z.number(),
    cancelled: z.number(),
  }),
  medianTtvDays: z.number().nullable(),
  ttvProjects: z.number(),
  delivered: z.number(),
  onTimeShare: z.number().nullable(),
  slips: z.object({ count: z.number(), projects: z.number(), averageDays: z.number().nullable() }),
  hours: z.number(),
  revenue: z.number(),
  deliveryCost: z.number(),
  margin: z.number().nullable(),
  reworkShare: z.number().nullable(),
});

export function partnerFigureRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/delivery/partners', {
    config: { access: 'margin:read' },
    schema: {
      tags: ['delivery'],
      summary:
        'Delivery figures per partner firm and for the own team: projects, time to value, on-time go-lives, slips, margin, rework',
      response: { 200: z.object({ items: z.array(figuresSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await deliveryFiguresByPartner(ctx.db, principalOf(request).workspaceId) }),
  });
}
