import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate, page, pageQuery, problemSchema } from '../../../platform/http/schemas.ts';
import { refId } from '../../../platform/http/references.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { COMMERCIAL_MODELS, PROJECT_STATUSES, TASK_STATES } from './project.ts';
import {
  assignmentPreviewSchema,
  detailSchema,
  eventSchema,
  listItemSchema,
  manualSlipBody,
  newPromiseBody,
  reworkBody,
  slipReason,
} from './project.schemas.ts';
import { agreePromise, recordSlip } from './promise.service.ts';
import { previewAssignment } from './assignment.service.ts';
import {
  createProject,
  getProject,
  listProjects,
  moveProject,
  projectEtag,
  todayUtc,
  updateProject,
} from './project.service.ts';
import * as store from './project.store.ts';
import { nameEventActors } from './event-actors.ts';
import { toEvent } from './project.views.ts';
import {
  addComment,
  addTask,
  completeMilestonesByUsage,
  explainSlip,
  recordRework,
  updateTask,
} from './task.service.ts';

const withConflicts = { ...errorResponses, 409: problemSchema, 412: problemSchema };
const taskParams = z.object({ id: z.string().min(1).max(100), taskId: z.string().min(1).max(100) });
const hours = z.number().min(0).max(10_000);

export function projectRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/projects', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'Implementation projects, newest first; partner users see only their firm’s',
      querystring: pageQuery.extend({
        status: z
          .string()
          .optional()
          .transform((v, c) => {
            if (!v) return undefined;
            const list = v.split(',').map((s) => s.trim());
            const bad = list.find((s) => !(PROJECT_STATUSES as readonly string[]).includes(s));
            if (bad) {
              c.addIssue({ code: 'custom', message: `unknown status ${bad}; use ${PROJECT_STATUSES.join(', ')}` });
              return z.NEVER;
            }
            return list;
          })
          .describe(`Comma-separated: ${PROJECT_STATUSES.join(', ')}`),
        accountId: z.string().max(100).optional(),
        partnerId: z.string().max(100).optional(),
        playbookId: z.string().max(100).optional(),
        late: z.enum(['true', 'false']).optional().describe('Forecast (or actual) go-live past the promise'),
        q: z.string().max(200).optional(),
      }),
      response: { 200: page(listItemSchema), ...errorResponses },
    },
    handler: async (request) => {
      const { status, late, ...rest } = request.query;
      return listProjects(db, scopeOf(principalOf(request)), {
        ...rest,
        statuses: status,
        late: late === undefined ? undefined : late === 'true',
      });
    },
  });

  r.post('/api/v1/projects', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary: 'Start a project by hand (accepted handoffs start theirs by themselves)',
      body: z.object({
        accountId: refId('account', 'The account the project delivers for'),
        name: z.string().trim().min(1).max(300).optional(),
        playbookId: refId('playbook', 'Left out: the playbook the account’s segment selects').optional(),
        promisedGoLive: isoDate.nullable().optional(),
        plannedKickoffOn: isoDate.nullable().optional(),
        signedOn: isoDate.nullable().optional(),
        partnerId: refId('partner', 'The partner firm delivering the project; null for the own team')
          .nullable()
          .optional(),
        leadUserId: refId('user', 'Who leads the project; a member of the workspace').nullable().optional(),
        commercialModel: z.enum(COMMERCIAL_MODELS).nullable().optional(),
        servicesFee: z.number().min(0).max(1e10).nullable().optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'a three-letter ISO currency code')
          .optional(),
      }),
      response: { 201: detailSchema, ...withConflicts },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const project = await db
        .transaction()
        .execute((trx) => createProject(trx, actorOf(principal, request.id), scopeOf(principal), request.body));
      return reply.status(201).header('etag', projectEtag(project)).send(project);
    },
  });

  r.get('/api/v1/projects/:id', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'One project: plan, milestones, forecast, slips, rework and recent timeline; the ETag is its version',
      params: idParams,
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const project = await getProject(db, scopeOf(principalOf(request)), request.params.id);
      return reply.header('etag', projectEtag(project)).send(project);
    },
  });

  r.patch('/api/v1/projects/:id', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary:
        'Change a project’s name, promise, planned kickoff, partner, lead or commercial terms; If-Match its ETag',
      params: idParams,
      body: z.object({
        name: z.string().trim().min(1).max(300).optional(),
        promisedGoLive: isoDate.nullable().optional(),
        plannedKickoffOn: isoDate.nullable().optional(),
        partnerId: refId('partner', 'The partner firm delivering the project; null for the own team')
          .nullable()
          .optional(),
        leadUserId: refId('user', 'Who leads the project; a member of the workspace').nullable().optional(),
        commercialModel: z.enum(COMMERCIAL_MODELS).nullable().optional(),
        servicesFee: z.number().min(0).max(1e10).nullable().optional(),
      }),
      response: { 200: detailSchema, ...withConflicts },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const ifMatch = request.headers['if-match'];
      const project = await db
        .transaction()
        .execute((trx) =>
          updateProject(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.body,
            typeof ifMatch === 'string' ? ifMatch : undefined,
          ),
        );
      return reply.header('etag', projectEtag(project)).send(project);
    },
  });

  const lifecycle = (path: string, action: 'kickoff' | 'go_live' | 'close' | 'cancel', summary: string) =>
    r.post(`/api/v1/projects/:id/${path}`, {
      config: { access: 'projects:manage' },
      schema: {
        tags: ['delivery'],
        summary,
        params: idParams,
        body: z.object({
          on: isoDate.optional().describe('The day it happened; today when left out'),
          checklist: z
            .array(z.string().max(300))
            .max(100)
            .optional()
            .describe('Go-live: the checklist items confirmed'),
          reason: z.string().trim().max(2000).optional().describe('Cancel: why'),
        }),
        response: { 200: detailSchema, ...withConflicts },
      },
      handler: async (request) => {
        const principal = principalOf(request);
        return db
          .transaction()
          .execute((trx) =>
            moveProject(
              trx,
              actorOf(principal, request.id),
              scopeOf(principal),
              request.params.id,
              action,
              request.body,
            ),
          );
      },
    });
  lifecycle('kickoff', 'kickoff', 'Kick the project off: the queue wait ends and the plan starts');
  lifecycle(
    'go-live',
    'go_live',
    'Record the go-live: the go-live milestone’s tasks done and every checklist item confirmed',
  );
  lifecycle('close', 'close', 'Close a live project');
  lifecycle('cancel', 'cancel', 'Cancel a queued or active project, saying why');

  r.patch('/api/v1/projects/:id/tasks/:taskId', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Work a task: state (blocked needs a reason), assignee, estimates, dependencies; the forecast follows',
      params: taskParams,
      body: z.object({
        name: z.string().trim().min(1).max(300).optional(),
        state: z.enum(TASK_STATES).optional(),
        blockedReason: z.string().trim().max(1000).nullable().optional(),
        assigneeId: refId('resource', 'The person (of People) who works the task').nullable().optional(),
        remainingHours: hours.optional(),
        effortHours: hours.optional(),
        durationDays: z.number().int().min(0).max(365).optional(),
        dependsOn: z.array(z.string().min(1).max(80)).max(100).optional(),
        slipReason: slipReason.optional().describe('Recorded on a slip this change causes'),
      }),
      response: { 200: detailSchema, ...withConflicts },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const { slipReason: reason, ...patch } = request.body;
      return db
        .transaction()
        .execute((trx) =>
          updateTask(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.params.taskId,
            patch,
            { slipReason: reason },
          ),
        );
    },
  });

  r.post('/api/v1/projects/:id/tasks/:taskId/assignment-preview', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary:
        'What giving the task to someone would do, before doing it: its new dates, the go-live’s move, the person’s time off, the slip reason it would record (nothing is written)',
      params: taskParams,
      body: z.object({ assigneeId: refId('resource', 'The person (of People) who would work the task').nullable() }),
      response: { 200: assignmentPreviewSchema, ...withConflicts },
    },
    handler: async (request) =>
      previewAssignment(
        db,
        scopeOf(principalOf(request)),
        request.params.id,
        request.params.taskId,
        request.body.assigneeId,
      ),
  });

  r.post('/api/v1/projects/:id/tasks', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Add a task to the plan (a scope change, recorded as one)',
      params: idParams,
      body: z.object({
        name: z.string().trim().min(1).max(300),
        phase: z.string().trim().min(1).max(200),
        ownerRole: z.string().trim().min(1).max(80).default('consultant'),
        customerOwned: z.boolean().default(false),
        type: z.string().trim().min(1).max(80).default('general'),
        effortHours: hours,
        durationDays: z.number().int().min(0).max(365).default(1),
        dependsOn: z.array(z.string().min(1).max(80)).max(100).default([]),
        milestone: z.string().max(80).nullable().default(null),
        assigneeId: refId('resource', 'The person (of People) who works the task').nullable().default(null),
        slipReason: slipReason.optional(),
      }),
      response: { 201: detailSchema, ...withConflicts },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const { slipReason: reason, ...input } = request.body;
      const project = await db.transaction().execute((trx) =>
        addTask(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, input, {
          slipReason: reason,
        }),
      );
      return reply.status(201).send(project);
    },
  });

  r.get('/api/v1/projects/:id/timeline', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'The project’s timeline: changes, comments, customer actions, forecast moves and slips, newest first',
      params: idParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: { 200: z.object({ items: z.array(eventSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = scopeOf(principalOf(request));
      await getProject(db, scope, request.params.id);
      return {
        items: await nameEventActors(
          db,
          (await store.selectEvents(db, scope.workspaceId, request.params.id, request.query.limit)).map(toEvent),
        ),
      };
    },
  });

  r.post('/api/v1/projects/:id/comments', {
    config: { access: 'projects:write' },
    schema: {
      tags: ['delivery'],
      summary: 'Comment on the project or one of its tasks',
      params: idParams,
      body: z.object({
        text: z.string().trim().min(1).max(4000),
        taskId: refId('task', 'A task of the project the comment is about').nullable().default(null),
      }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await db
        .transaction()
        .execute((trx) =>
          addComment(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.body.text,
            request.body.taskId,
          ),
        );
      return reply.status(204).send(null);
    },
  });

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
          recordSlip(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
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
          agreePromise(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
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
          recordRework(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
        );
      return reply.status(201).send(project);
    },
  });

  r.post('/api/v1/delivery/forecast/recompute', {
    config: { access: 'projects:manage' },
    schema: {
      tags: ['delivery'],
      summary:
        'Complete milestones reached by product usage and recompute every planned project’s forecast now (both also run every few hours, and the forecast follows every change)',
      response: {
        200: z.object({
          projects: z.number(),
          changed: z.number(),
          slips: z.number(),
          milestonesByUsage: z.number(),
          millis: z.number(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const out = await db.transaction().execute(async (trx) => {
        const today = todayUtc();
        const moved = await completeMilestonesByUsage(trx, principal.workspaceId, today);
        return {
          moved: moved.length,
          ...(await recomputeForecasts(trx, principal.workspaceId, {
            today,
            actor: actorOf(principal, request.id),
            touched: moved,
          })),
        };
      });
      return {
        projects: out.projects,
        changed: out.changed,
        slips: out.slips.length,
        milestonesByUsage: out.moved,
        millis: out.millis,
      };
    },
  });
}
