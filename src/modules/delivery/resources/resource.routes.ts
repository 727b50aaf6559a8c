import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, can, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, problemSchema } from '../../../platform/http/schemas.ts';
import { refId } from '../../../platform/http/references.ts';
import { MAX_WEEKLY_CAPACITY } from './resource.ts';
import { resourceSchema, timeOffSchema } from './resource.schemas.ts';
import { createResource, deleteResource, getResource, listResources, updateResource } from './resource.service.ts';
import { listTimeOff } from './time-off.service.ts';

const fields = {
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable().optional(),
  userId: refId('user', 'The Baton user this person signs in as; a member of the workspace').nullable().optional(),
  role: z.string().trim().min(1).max(40).describe('A delivery role of the workspace (GET /api/v1/delivery/roles)'),
  skills: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  weeklyCapacityHours: z.number().min(0).max(MAX_WEEKLY_CAPACITY),
  workingDays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .optional()
    .describe('ISO weekdays, 1 = Monday; Monday–Friday when left out'),
  costRate: z.number().min(0).max(100_000).optional(),
  billRate: z.number().min(0).max(100_000).optional(),
  partnerId: refId('partner', "The partner firm employing this person; null for the company's own staff")
    .nullable()
    .optional(),
  active: z.boolean().optional(),
};

const createBody = z.object(fields);
const patchBody = z
  .object({
    ...fields,
    name: fields.name.optional(),
    role: fields.role.optional(),
    weeklyCapacityHours: fields.weeklyCapacityHours.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'send at least one field to change');

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** People who deliver: the list, one person, adding, changing and removing them. */
export function resourceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const rates = (request: Parameters<typeof principalOf>[0]) => can(principalOf(request), 'margin:read');

  r.get('/api/v1/resources', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: "People who deliver, by name; partner users see their firm's people only; rates need margin:read",
      querystring: z.object({
        role: z.string().max(40).optional(),
        partner: z.string().max(100).optional().describe('Partner firm id'),
        active: flag.optional(),
        q: z.string().trim().max(200).optional().describe('Part of the name or email'),
      }),
      response: { 200: z.object({ items: z.array(resourceSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const { partner, ...rest } = request.query;
      return {
        items: await listResources(db, scopeOf(principalOf(request)), { ...rest, partnerId: partner }, rates(request)),
      };
    },
  });

  r.get('/api/v1/resources/:id', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'One person with their time off',
      params: idParams,
      response: { 200: resourceSchema.extend({ timeOff: z.array(timeOffSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = scopeOf(principalOf(request));
      const person = await getResource(db, scope, request.params.id, rates(request));
      return { ...person, timeOff: await listTimeOff(db, scope, person.id) };
    },
  });

  r.post('/api/v1/resources', {
    config: { access: 'resources:write', idempotent: true },
    schema: {
      tags: ['delivery'],
      summary: 'Add a person who delivers',
      body: createBody,
      response: { 201: resourceSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const p = principalOf(request);
      const created = await db
        .transaction()
        .execute((trx) => createResource(trx, actorOf(p, request.id), scopeOf(p), request.body));
      return reply.status(201).send(created);
    },
  });

  r.patch('/api/v1/resources/:id', {
    config: { access: 'resources:write' },
    schema: {
      tags: ['delivery'],
      summary: "Change a person's role, capacity, rates, firm or whether they are active",
      params: idParams,
      body: patchBody,
      response: { 200: resourceSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request) => {
      const p = principalOf(request);
      return db
        .transaction()
        .execute((trx) => updateResource(trx, actorOf(p, request.id), scopeOf(p), request.params.id, request.body));
    },
  });

  r.delete('/api/v1/resources/:id', {
    config: { access: 'resources:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Delete a person entered by mistake (409 once they have logged time: deactivate instead)',
      params: idParams,
      response: { 204: z.null(), ...errorResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const p = principalOf(request);
      await db
        .transaction()
        .execute((trx) => deleteResource(trx, actorOf(p, request.id), scopeOf(p), request.params.id));
      return reply.status(204).send(null);
    },
  });
}
