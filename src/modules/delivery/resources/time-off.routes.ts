import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate } from '../../../platform/http/schemas.ts';
import { timeOffSchema } from './resource.schemas.ts';
import { addTimeOff, listAllTimeOff, listTimeOff, removeTimeOff } from './time-off.service.ts';

/** People's time off: a person's, everyone's in view, recording and removing it. */
export function timeOffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/resources/:id/time-off', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: "A person's time off",
      params: idParams,
      response: { 200: z.object({ items: z.array(timeOffSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listTimeOff(db, scopeOf(principalOf(request)), request.params.id) }),
  });

  r.post('/api/v1/resources/:id/time-off', {
    config: { access: 'resources:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Record time off (inclusive days)',
      params: idParams,
      body: z.object({ from: isoDate, to: isoDate, reason: z.string().trim().max(200).nullable().optional() }),
      response: { 201: timeOffSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const p = principalOf(request);
      const created = await db
        .transaction()
        .execute((trx) => addTimeOff(trx, actorOf(p, request.id), scopeOf(p), request.params.id, request.body));
      return reply.status(201).send(created);
    },
  });

  r.delete('/api/v1/resources/:id/time-off/:timeOffId', {
    config: { access: 'resources:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Remove time off',
      params: z.object({ id: z.string().min(1).max(100), timeOffId: z.string().min(1).max(100) }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const p = principalOf(request);
      await db
        .transaction()
        .execute((trx) =>
          removeTimeOff(trx, actorOf(p, request.id), scopeOf(p), request.params.id, request.params.timeOffId),
        );
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/delivery/time-off', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'Time off of every person in view',
      response: { 200: z.object({ items: z.array(timeOffSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listAllTimeOff(db, scopeOf(principalOf(request))) }),
  });
}
