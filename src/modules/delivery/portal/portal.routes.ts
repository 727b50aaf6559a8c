import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { problemSchema } from '../../../platform/http/schemas.ts';
import { dayOf, TASK_STATES } from '../projects/project.ts';
import { portalComment, portalUpdateTask, portalView } from './portal.service.ts';

const viewSchema = z.object({
  project: z.object({
    name: z.string(),
    accountName: z.string().nullable(),
    status: z.string(),
    kickoffOn: z.string().nullable(),
    promisedGoLive: z.string().nullable(),
    forecastGoLive: z.string().nullable(),
    goLiveOn: z.string().nullable(),
    firstValueOn: z.string().nullable(),
  }),
  milestones: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      phase: z.string(),
      firstValue: z.boolean(),
      goLive: z.boolean(),
      forecastOn: z.string().nullable(),
      completedOn: z.string().nullable(),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      phase: z.string(),
      milestoneKey: z.string().nullable(),
      state: z.enum(TASK_STATES),
      customerOwned: z.boolean(),
      blockedReason: z.string().nullable(),
      forecastStart: z.string().nullable(),
      forecastFinish: z.string().nullable(),
      doneOn: z.string().nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      actorKind: z.string(),
      actor: z.string(),
      kind: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

const tokenParams = z.object({ token: z.string().min(1).max(1000) });
const by = z.string().trim().min(1, 'say who you are').max(200);
const portalErrors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** The customer portal, public: whoever holds a link sees the project, moves their own tasks and comments. */
export function portalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const today = () => dayOf(ctx.now());

  r.get('/api/portal/:token', {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: 60_000 } },
    schema: {
      tags: ['portal'],
      summary: 'The customer’s view of their project through a portal link',
      params: tokenParams,
      response: { 200: viewSchema, ...portalErrors },
    },
    handler: async (request) => db.transaction().execute((trx) => portalView(trx, request.params.token, today())),
  });

  r.patch('/api/portal/:token/tasks/:taskId', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
    schema: {
      tags: ['portal'],
      summary: 'The customer moves one of their own tasks (done, in progress, blocked with a reason)',
      params: tokenParams.extend({ taskId: z.string().min(1).max(100) }),
      body: z.object({
        state: z.enum(TASK_STATES),
        blockedReason: z.string().trim().max(1000).nullable().optional(),
        by,
      }),
      response: { 200: viewSchema, ...portalErrors },
    },
    handler: async (request) =>
      db
        .transaction()
        .execute((trx) => portalUpdateTask(trx, request.params.token, request.params.taskId, request.body, today())),
  });

  r.post('/api/portal/:token/comments', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: {
      tags: ['portal'],
      summary: 'The customer comments on the project or one of its tasks',
      params: tokenParams,
      body: z.object({
        text: z.string().trim().min(1).max(4000),
        by,
        taskId: z.string().max(100).nullable().default(null),
      }),
      response: { 204: z.null(), ...portalErrors },
    },
    handler: async (request, reply) => {
      await db.transaction().execute((trx) => portalComment(trx, request.params.token, request.body));
      return reply.status(204).send(null);
    },
  });
}
