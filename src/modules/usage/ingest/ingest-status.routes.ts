import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import type { IngestRuntime } from './ingest-runtime.service.ts';
import { ingestTotals, listRejections } from './ingest.service.ts';

const ingestStatusCounts = z.object({
  received: z.number(),
  stored: z
    .number()
    .describe(
      'Events stored, counted when stored: in total, raw events deleted past the retention window stay counted',
    ),
  duplicates: z.number(),
  rejected: z.number(),
  unmatched: z
    .number()
    .describe('In total: events kept aside now, waiting for their account; since start: those stored without one'),
  lastEventAt: z.string().nullable(),
});
const bySource = <T extends z.ZodType>(s: T) => z.object({ segment: s, posthog: s });

/** How ingest is going: this server's counters since it started and the workspace's totals, and the requests refused. */
export function ingestStatusRoutes(app: FastifyInstance, ctx: AppContext, ingest: IngestRuntime): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/usage/ingest-status', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'Product usage ingest: counters since this instance started and in total, per source',
      response: {
        200: z.object({
          startedAt: z.string(),
          writeThread: z
            .boolean()
            .describe(
              'Whether events are stored on a thread of their own beside the one receiving requests (a served SQLite file)',
            ),
          sinceStart: bySource(ingestStatusCounts),
          total: bySource(ingestStatusCounts.extend({ lastReceivedAt: z.string().nullable() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const workspaceId = principalOf(req).workspaceId;
      return {
        startedAt: ingest.counters.startedAt,
        writeThread: ingest.writingOnThread,
        sinceStart: ingest.counters.snapshot(workspaceId),
        total: await ingestTotals(db, workspaceId),
      };
    },
  });

  r.get('/api/v1/usage/rejections', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary:
        'Ingest requests refused lately (malformed or oversized), the newest first, with why; kept for the raw events’ retention window',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              source: z.enum(['segment', 'posthog']),
              receivedAt: z.string(),
              events: z.number(),
              detail: z.string().nullable(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => ({ items: await listRejections(db, principalOf(req).workspaceId, req.query.limit) }),
  });
}
