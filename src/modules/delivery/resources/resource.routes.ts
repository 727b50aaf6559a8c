import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, can, scopeOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate, problemSchema } from '../../../platform/http/schemas.ts';
import { refId } from '../../../platform/http/references.ts';
import { MAX_WEEKLY_CAPACITY } from './resource.ts';
import { getRoleList, setCustomRoles } from './resource-roles.ts';
import { createResource, deleteResource, getResource, listResources, updateResource } from './resource.service.ts';
import {
  addTimeOff,
  getHolidays,
  listAllTimeOff,
  listTimeOff,
  removeTimeOff,
  setHolidays,
} from './time-off.service.ts';

export const resourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  userId: z.string().nullable(),
  role: z.string(),
  skills: z.array(z.string()),
  weeklyCapacityHours: z.number(),
  workingDays: z.array(z.number()),
  costRate: z.number().nullable().describe('null without margin:read'),
  billRate: z.number().nullable().describe('null without margin:read'),
  partnerId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const timeOffSchema = z.object({
  id: z.string(),
  resourceId: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
const holidaySchema = z.object({ date: isoDate, name: z.string().trim().min(1).max(200) });
const roleListSchema = z.object({
  defaults: z.array(z.string()),
  custom: z.array(z.string()),
  roles: z.array(z.string()),
});

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

/** A holidays CSV (`date,name`) read into the JSON body the route validates, so both speak the same rules. */
function holidaysFromCsv(text: string): { holidays: Array<Record<string, string>> } {
  const records = parse(text, {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Array<Record<string, string>>;
  return { holidays: records.map((r) => ({ date: r.date ?? r.on_date ?? '', name: r.name ?? r.holiday ?? '' })) };
}

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

  r.get('/api/v1/delivery/roles', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'Delivery roles: the defaults and the workspace’s own',
      response: { 200: roleListSchema, ...errorResponses },
    },
    handler: async (request) => getRoleList(db, principalOf(request).workspaceId),
  });

  r.put('/api/v1/delivery/roles', {
    config: { access: 'resources:write' },
    schema: {
      tags: ['delivery'],
      summary:
        "Set the workspace's own delivery roles (the defaults always stay); a role people still hold cannot be removed (409)",
      body: z.object({ roles: z.array(z.string().trim().min(1).max(40)).max(50) }),
      response: { 200: roleListSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request) => {
      const p = principalOf(request);
      return db
        .transaction()
        .execute((trx) => setCustomRoles(trx, actorOf(p, request.id), p.workspaceId, request.body.roles));
    },
  });

  r.get('/api/v1/delivery/holidays', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'Workspace holidays: nobody works on them',
      response: { 200: z.object({ items: z.array(holidaySchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await getHolidays(db, principalOf(request).workspaceId) }),
  });

  // Holidays are set as JSON or as a CSV (date,name): the CSV is read into the same body and checked alike.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'string', bodyLimit: 256 * 1024 },
      (_req, body, done) => {
        try {
          done(null, holidaysFromCsv(String(body)));
        } catch (error) {
          done(
            AppError.validation('body', `is not a readable CSV with columns date,name: ${(error as Error).message}`),
            undefined,
          );
        }
      },
    );
    scope.withTypeProvider<ZodTypeProvider>().put('/api/v1/delivery/holidays', {
      config: { access: 'resources:write' },
      schema: {
        tags: ['delivery'],
        summary: 'Replace the workspace holidays: JSON {holidays:[{date,name}]} or a CSV with columns date,name',
        consumes: ['application/json', 'text/csv'],
        body: z.object({ holidays: z.array(holidaySchema).max(1000) }),
        response: { 200: z.object({ items: z.array(holidaySchema) }), ...errorResponses },
      },
      handler: async (request) => {
        const p = principalOf(request);
        return {
          items: await db
            .transaction()
            .execute((trx) => setHolidays(trx, actorOf(p, request.id), p.workspaceId, request.body.holidays)),
        };
      },
    });
  });
}
