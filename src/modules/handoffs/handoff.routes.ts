import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, page, pageQuery } from '../../platform/http/schemas.ts';
import { refId } from '../../platform/http/references.ts';
import { BRIEF_STATES } from './handoff.ts';
import { updateBriefContent } from './handoff-edit.service.ts';
import { briefVersion, getBrief, listBriefs } from './handoff.service.ts';
import { detailSchema, summarySchema } from './handoff.schemas.ts';

/** Handoff briefs: the lists, one brief, and editing its content. */
export function handoffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/handoffs', {
    config: { access: 'handoffs:read' },
    schema: {
      tags: ['handoffs'],
      summary: 'Handoff briefs, most recently changed first, with counts per state (submitted = the delivery queue)',
      querystring: pageQuery.extend({
        state: z
          .string()
          .optional()
          .transform((v, c) => {
            if (!v) return undefined;
            const states = v.split(',').map((s) => s.trim());
            for (const s of states) {
              if (!(BRIEF_STATES as readonly string[]).includes(s)) {
                c.addIssue({ code: 'custom', message: `unknown state ${s}; use ${BRIEF_STATES.join(', ')}` });
                return z.NEVER;
              }
            }
            return states as Array<(typeof BRIEF_STATES)[number]>;
          })
          .describe(`Comma-separated states: ${BRIEF_STATES.join(', ')}`),
        accountId: z.string().max(100).optional(),
        dealId: z.string().max(100).optional().describe('The brief of one deal'),
        mine: z
          .enum(['true', 'false'])
          .optional()
          .describe('Only briefs where I am the account executive or the delivery lead'),
      }),
      response: { 200: page(summarySchema).extend({ counts: z.record(z.string(), z.number()) }), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const { state, mine, ...rest } = request.query;
      const userId = mine === 'true' && principal.kind === 'user' ? principal.userId : undefined;
      return listBriefs(db, principal.workspaceId, { ...rest, states: state, userId });
    },
  });

  r.get('/api/v1/handoffs/:id', {
    config: { access: 'handoffs:read' },
    schema: {
      tags: ['handoffs'],
      summary: 'One brief with its deal, completeness by field, clarifications and history; the ETag is its version',
      params: idParams,
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const brief = await getBrief(db, principalOf(request).workspaceId, request.params.id);
      return reply.header('etag', briefVersion(brief)).send(brief);
    },
  });

  r.put('/api/v1/handoffs/:id/content', {
    config: { access: 'handoffs:write' },
    schema: {
      tags: ['handoffs'],
      summary: 'Replace the brief’s fields (draft or returned briefs); send If-Match with its ETag',
      params: idParams,
      body: z.object({
        content: z.record(z.string(), z.unknown()),
        accountId: refId('account', 'The account the brief is for').nullable().optional(),
      }),
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const ifMatch = request.headers['if-match'];
      const brief = await db
        .transaction()
        .execute((trx) =>
          updateBriefContent(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            request.body,
            typeof ifMatch === 'string' ? ifMatch : undefined,
          ),
        );
      return reply.header('etag', briefVersion(brief)).send(brief);
    },
  });
}
