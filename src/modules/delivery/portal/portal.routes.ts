import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, problemSchema } from '../../../platform/http/schemas.ts';
import { TASK_STATES } from '../projects/project.ts';
import {
  createPortalLink,
  listPortalLinks,
  portalComment,
  portalUpdateTask,
  portalView,
  revokePortalLink,
} from './portal.service.ts';

const linkSchema = z.object({
  id: z.string(),
  label: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  status: z.enum(['active', 'expired', 'revoked']),
  url: z.string().nullable(),
});

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

export function portalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/projects/:id/portal-links', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary: 'The project’s customer portal links',
      params: idParams,
      response: { 200: z.object({ items: z.array(linkSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return {
        items: await db
          .transaction()
          .execute((trx) =>
            listPortalLinks(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id),
          ),
      };
    },
  });

  r.post('/api/v1/projects/:id/portal-links', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary: 'Make a customer portal link to this project: signed, expiring, revocable, no login',
      params: idParams,
      body: z.object({
        label: z.string().trim().min(1).max(200),
        expiresInDays: z.number().int().min(1).max(365).default(30),
      }),
      response: { 201: linkSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const link = await db
        .transaction()
        .execute((trx) =>
          createPortalLink(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
        );
      return reply.status(201).send(link);
    },
  });

  r.delete('/api/v1/projects/:id/portal-links/:linkId', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary: 'Revoke a portal link',
      params: z.object({ id: z.string().min(1).max(100), linkId: z.string().min(1).max(100) }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await db
        .transaction()
        .execute((trx) =>
          revokePortalLink(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.params.linkId,
          ),
        );
      return reply.status(204).send(null);
    },
  });

  r.get('/api/portal/:token', {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: 60_000 } },
    schema: {
      tags: ['portal'],
      summary: 'The customer’s view of their project through a portal link',
      params: tokenParams,
      response: { 200: viewSchema, ...portalErrors },
    },
    handler: async (request) => db.transaction().execute((trx) => portalView(trx, request.params.token)),
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
        .execute((trx) => portalUpdateTask(trx, request.params.token, request.params.taskId, request.body)),
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
