import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate, page, pageQuery } from '../../../platform/http/schemas.ts';
import { refId } from '../../../platform/http/references.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { slipRoutes } from './slip.routes.ts';
import { taskRoutes } from './task.routes.ts';
import { COMMERCIAL_MODELS, PROJECT_STATUSES, todayUtc } from './project.ts';
import { detailSchema, eventSchema, listItemSchema, hours, withConflicts } from './project.schemas.ts';
import { createProject } from './project.service.ts';
import { getProject, listProjects, projectTimeline } from './project-query.service.ts';
import { updateProject } from './project-update.service.ts';
import { moveProject } from './lifecycle.service.ts';
import { projectEtag } from './project.ts';
import { addComment } from './comment.service.ts';
import { completeMilestonesByUsage } from './milestone.service.ts';

export function projectRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  taskRoutes(app, ctx);
  slipRoutes(app, ctx);

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

  r.get('/api/v1/projects/:id/timeline', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'The project’s timeline: changes, comments, customer actions, forecast moves and slips, newest first',
      params: idParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      response: { 200: z.object({ items: z.array(eventSchema) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await projectTimeline(db, scopeOf(principalOf(request)), request.params.id, request.query.limit),
    }),
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
