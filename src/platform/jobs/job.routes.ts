import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../auth/principal.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, idParams, problemSchema } from '../http/schemas.ts';
import { JOB_STATUSES } from './job.ts';
import { listJobs, retryDeadJob } from './job.service.ts';

const jobSchema = z.object({
  id: z.string(),
  workspaceId: z.string().nullable(),
  type: z.string(),
  version: z.number(),
  payload: z.unknown(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number(),
  maxAttempts: z.number(),
  runAt: z.string(),
  lockedBy: z.string().nullable(),
  lastError: z.string().nullable(),
  progress: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export function jobRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/jobs', {
    config: { access: 'jobs:manage' },
    schema: {
      tags: ['jobs'],
      summary: 'Background jobs, newest first; status=dead is the dead-letter list',
      querystring: z.object({
        status: z.enum(JOB_STATUSES).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ items: z.array(jobSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listJobs(ctx.db, principalOf(request).workspaceId, request.query) }),
  });

  r.post('/api/v1/jobs/:id/retry', {
    config: { access: 'jobs:manage' },
    schema: {
      tags: ['jobs'],
      summary: 'Queue a dead job again',
      params: idParams,
      response: { 200: jobSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return ctx.db
        .transaction()
        .execute((trx) => retryDeadJob(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id));
    },
  });
}
