import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams } from '../../../platform/http/schemas.ts';
import {
  detailSchema,
  manualSlipBody,
  newPromiseBody,
  reworkBody,
  slipReason,
  hours,
  withConflicts,
} from './project.schemas.ts';
import { dayOf, projectEtag } from './project.ts';
import { agreePromise, explainSlip, recordSlip } from './promise.service.ts';
import { recordRework } from './rework.service.ts';

/** What moved a project's go-live: slips and their reasons, new promises agreed, rework recorded. */
export function slipRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const today = () => dayOf(ctx.now());

  r.put('/api/v1/projects/:id/slips/:slipId', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Give the reason code of a slip',
      params: z.object({ id: z.string().min(1).max(100), slipId: z.string().min(1).max(100) }),
      body: slipReason,
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          explainSlip(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.params.slipId,
            request.body,
            today(),
          ),
        );
    },
  });

  r.post('/api/v1/projects/:id/slips', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary:
        'Record a slip by hand: the go-live now expected past the promise, with its reason (the forecast still follows the plan)',
      params: idParams,
      body: manualSlipBody,
      response: { 201: detailSchema, ...withConflicts },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const project = await db
        .transaction()
        .execute((trx) =>
          recordSlip(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body, today()),
        );
      return reply.status(201).header('etag', projectEtag(project)).send(project);
    },
  });

  r.post('/api/v1/projects/:id/promise', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary:
        'Agree a new promised go-live (a re-baseline), with its reason and who agreed it; later slips are measured against it',
      params: idParams,
      body: newPromiseBody,
      response: { 200: detailSchema, ...withConflicts },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const project = await db
        .transaction()
        .execute((trx) =>
          agreePromise(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.body,
            today(),
          ),
        );
      return reply.header('etag', projectEtag(project)).send(project);
    },
  });

  r.post('/api/v1/projects/:id/rework', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Record rework: hours spent redoing work, with its cause',
      params: idParams,
      body: reworkBody,
      response: { 201: detailSchema, ...withConflicts },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const project = await db
        .transaction()
        .execute((trx) =>
          recordRework(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.body,
            today(),
          ),
        );
      return reply.status(201).send(project);
    },
  });
}
