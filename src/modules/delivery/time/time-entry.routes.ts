import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate, page, pageQuery, problemSchema } from '../../../platform/http/schemas.ts';
import { refId } from '../../../platform/http/references.ts';
import { getProjectEconomics, getUtilization, getWorkspaceEconomics } from './economics.service.ts';
import {
  createTimeEntry,
  deleteTimeEntry,
  listTimeEntries,
  listTimeTargets,
  updateTimeEntry,
} from './time-entry.service.ts';
import { MAX_HOURS_PER_DAY } from './time-entry.ts';

const entrySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  taskId: z.string().nullable(),
  resourceId: z.string(),
  date: z.string(),
  hours: z.number(),
  billable: z.boolean(),
  rework: z.boolean(),
  note: z.string().nullable(),
  source: z.enum(['web', 'api', 'import']),
  externalId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

const hoursSchema = z.object({ total: z.number(), billable: z.number(), nonBillable: z.number(), rework: z.number() });

const reworkCause = z.object({
  cause: z.string(),
  records: z.number(),
  hours: z.number(),
  cost: z
    .number()
    .describe('Hours × the cost rate of the task’s assignee, else the project’s average cost of an hour logged'),
});

const economicsSchema = z.object({
  projectId: z.string(),
  name: z.string(),
  status: z.string(),
  currency: z.string(),
  commercialModel: z.enum(['fixed_fee', 'time_and_materials']),
  hours: hoursSchema,
  deliveryCost: z.number().describe('Σ hours × the person’s cost rate'),
  revenue: z.number().describe('The fee (fixed fee) or billable hours × bill rate (time and materials)'),
  margin: z.number().nullable().describe('(revenue − cost) / revenue'),
  estimateAccuracy: z.array(
    z.object({
      taskType: z.string(),
      tasks: z.number(),
      estimatedHours: z.number(),
      actualHours: z.number(),
      ratio: z.number().nullable(),
    }),
  ),
  rework: z.object({
    hours: z.number().describe('Hours logged as rework'),
    share: z.number().nullable().describe('Rework hours logged / all hours logged'),
    byCause: z.array(reworkCause).describe('Rework recorded with its cause, costliest first'),
    recordedHours: z.number(),
    recordedCost: z.number(),
  }),
});

const totalsSchema = z.object({
  hours: hoursSchema,
  deliveryCost: z.number(),
  revenue: z.number(),
  margin: z.number().nullable(),
  reworkByCause: z.array(reworkCause),
});

const utilizationRow = z.object({
  resourceId: z.string(),
  name: z.string(),
  role: z.string(),
  capacityHours: z.number(),
  hours: z.number(),
  billableHours: z.number(),
  utilization: z.number().nullable(),
});

const fields = {
  projectId: refId('project', 'The project the time was spent on'),
  taskId: refId('task', 'A task of that project').nullable().optional(),
  resourceId: refId('resource', 'The person whose time it is'),
  date: isoDate.describe('The day the time was spent; not in the future'),
  hours: z.number().positive().max(MAX_HOURS_PER_DAY),
  billable: z.boolean().optional().describe('true when left out'),
  rework: z.boolean().optional().describe('Redoing work already done'),
  note: z.string().trim().max(1000).nullable().optional(),
};

const patchBody = z
  .object({
    ...fields,
    projectId: fields.projectId.optional(),
    resourceId: fields.resourceId.optional(),
    date: fields.date.optional(),
    hours: fields.hours.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'send at least one field to change');

const writeErrors = { ...errorResponses, 409: problemSchema };

export function timeEntryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/time-entries', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: "Time entries, newest day first; partner users see their firm's people's time on their firm's projects",
      querystring: pageQuery.extend({
        project: z.string().max(100).optional().describe('Project id'),
        resource: z.string().max(100).optional().describe('Person id'),
        from: isoDate.optional().describe('First day, inclusive'),
        to: isoDate.optional().describe('Last day, inclusive'),
      }),
      response: { 200: page(entrySchema), ...errorResponses },
    },
    handler: async (request) => {
      const { project, resource, ...rest } = request.query;
      return listTimeEntries(db, scopeOf(principalOf(request)), { ...rest, projectId: project, resourceId: resource });
    },
  });

  r.get('/api/v1/time-entries/targets', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'Projects in view with their tasks, for timesheets (open: whether it still takes time)',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              status: z.string(),
              open: z.boolean(),
              tasks: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => ({ items: await listTimeTargets(db, scopeOf(principalOf(request))) }),
  });

  r.post('/api/v1/time-entries', {
    config: { access: 'time:write', idempotent: true },
    schema: {
      tags: ['delivery'],
      summary: 'Log time: at most 24 h a person a day, on an open project, for an active person, not in the future',
      body: z.object(fields),
      response: { 201: entrySchema, ...writeErrors },
    },
    handler: async (request, reply) => {
      const p = principalOf(request);
      const created = await db
        .transaction()
        .execute((trx) =>
          createTimeEntry(trx, actorOf(p, request.id), scopeOf(p), request.body, p.kind === 'user' ? 'web' : 'api'),
        );
      return reply.status(201).send(created);
    },
  });

  r.patch('/api/v1/time-entries/:id', {
    config: { access: 'time:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Change a time entry; it is checked again whole',
      params: idParams,
      body: patchBody,
      response: { 200: entrySchema, ...writeErrors },
    },
    handler: async (request) => {
      const p = principalOf(request);
      return db
        .transaction()
        .execute((trx) => updateTimeEntry(trx, actorOf(p, request.id), scopeOf(p), request.params.id, request.body));
    },
  });

  r.delete('/api/v1/time-entries/:id', {
    config: { access: 'time:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Delete a time entry (not on a closed project: 409)',
      params: idParams,
      response: { 204: z.null(), ...writeErrors },
    },
    handler: async (request, reply) => {
      const p = principalOf(request);
      await db
        .transaction()
        .execute((trx) => deleteTimeEntry(trx, actorOf(p, request.id), scopeOf(p), request.params.id));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/projects/:id/economics', {
    config: { access: 'margin:read' },
    schema: {
      tags: ['delivery'],
      summary:
        "A project's hours, delivery cost, services revenue and margin, estimate accuracy by task type and rework",
      params: idParams,
      response: { 200: economicsSchema, ...errorResponses },
    },
    handler: async (request) => getProjectEconomics(db, scopeOf(principalOf(request)), request.params.id),
  });

  r.get('/api/v1/delivery/economics', {
    config: { access: 'margin:read' },
    schema: {
      tags: ['delivery'],
      summary: 'Services economics of every project, with totals',
      response: { 200: z.object({ items: z.array(economicsSchema), totals: totalsSchema }), ...errorResponses },
    },
    handler: async (request) => getWorkspaceEconomics(db, scopeOf(principalOf(request))),
  });

  r.get('/api/v1/delivery/utilization', {
    config: { access: 'margin:read' },
    schema: {
      tags: ['delivery'],
      summary: 'Utilization per person over a range: billable hours / capacity hours (net of holidays and time off)',
      querystring: z.object({ from: isoDate, to: isoDate }),
      response: {
        200: z.object({
          from: z.string(),
          to: z.string(),
          items: z.array(utilizationRow),
          totals: utilizationRow.omit({ resourceId: true, name: true, role: true }),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => getUtilization(db, scopeOf(principalOf(request)), request.query.from, request.query.to),
  });
}
