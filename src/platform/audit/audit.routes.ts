import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, isoDate, page, pageQuery } from '../http/schemas.ts';
import { auditFacets, listAudit } from './audit.service.ts';

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    type: z.string(),
    id: z.string().nullable(),
    label: z.string().describe('As recorded: a person’s email, an API key’s name'),
    name: z.string().nullable().describe('The person’s name today (users only)'),
  }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  entityName: z
    .string()
    .nullable()
    .describe(
      'The record’s name today (an account’s, a deal’s, a project’s …); null for kinds without one or a deleted record',
    ),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-log/facets', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'What the audit log can be filtered by: its actions, record types and the people and keys who wrote',
      response: {
        200: z.object({
          actions: z.array(z.string()),
          entityTypes: z.array(z.string()),
          actors: z.array(z.object({ id: z.string(), type: z.string(), name: z.string() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => auditFacets(ctx.db, principalOf(request).workspaceId),
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-log', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Every write in the workspace, newest first: who, what, when, before and after',
      querystring: pageQuery.extend({
        entityType: z
          .string()
          .max(50)
          .optional()
          .describe('The kind of record changed: account, deal, handoff_brief, project …'),
        entityId: z.string().max(100).optional(),
        action: z.string().max(100).optional().describe('One action, e.g. account.update'),
        actorId: z.string().max(100).optional().describe('The person (user id) or API key (its id) who wrote'),
        from: isoDate.optional().describe('First day, YYYY-MM-DD (UTC), included'),
        to: isoDate.optional().describe('Last day, YYYY-MM-DD (UTC), included'),
      }),
      response: { 200: page(entrySchema), ...errorResponses },
    },
    handler: async (request) => listAudit(ctx.db, principalOf(request).workspaceId, request.query),
  });
}
