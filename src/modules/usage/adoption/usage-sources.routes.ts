import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { workspaceUsageSources } from './usage-sources.service.ts';

const sourcesSchema = z.object({
  held: z
    .object({
      firstDay: z.string().nullable(),
      lastDay: z.string().nullable(),
      days: z.number(),
      accounts: z.number(),
      events: z.number(),
    })
    .describe('The daily usage the workspace holds, whatever its source'),
  received: z.number().describe('Events stored from Segment and PostHog'),
  receivedBy: z
    .enum(['demo'])
    .nullable()
    .describe('Who sent them: demo when a demo workspace sent its product users’ activity itself, else not known'),
  imported: z
    .array(
      z.object({ source: z.string(), events: z.number(), runs: z.number(), lastImportedAt: z.string().nullable() }),
    )
    .describe('Events imported from usage tables, per import source'),
  writtenDirectly: z.number().describe('Events in the daily usage neither received nor imported'),
  writtenBy: z.enum(['demo']).nullable().describe('What wrote them: demo when the workspace is a demo, else not known'),
});

export function usageSourceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/usage/sources', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary:
        'Where the usage the workspace holds came from: events received, usage tables imported, or written ' +
        'directly (the demo)',
      response: { 200: sourcesSchema, ...errorResponses },
    },
    handler: async (req) => workspaceUsageSources(ctx.db, principalOf(req).workspaceId),
  });
}
