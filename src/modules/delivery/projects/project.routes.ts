import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate, page, pageQuery } from '../../../platform/http/schemas.ts';
import { refId } from '../../../platform/http/references.ts';
import { COMMERCIAL_MODELS, dayOf, PROJECT_STATUSES, projectEtag } from './project.ts';
import { detailSchema, listItemSchema, withConflicts } from './project.schemas.ts';
import { getProject, listProjects } from './project-query.service.ts';
import { createProject } from './project.service.ts';
import { updateProject } from './project-update.service.ts';

/** Projects: the list, starting one by hand, one project, and changing its fields. */
export function projectRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const today = () => dayOf(ctx.now());

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
      return listProjects(
        db,
        scopeOf(principalOf(request)),
        {
          ...rest,
          statuses: status,
          late: late === undefined ? undefined : late === 'true',
        },
        today(),
      );
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
        .execute((trx) =>
          createProject(trx, actorOf(principal, request.id), scopeOf(principal), request.body, today()),
        );
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
      const project = await getProject(db, scopeOf(principalOf(request)), request.params.id, today());
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
            today(),
          ),
        );
      return reply.header('etag', projectEtag(project)).send(project);
    },
  });
}
