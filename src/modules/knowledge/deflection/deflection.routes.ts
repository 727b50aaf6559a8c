import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ingestKeys, presentedKey } from '../../usage/index.ts';
import type { AppContext } from '../../../platform/app-context.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { externalId, refId } from '../../../platform/http/references.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { searchHitSchema } from '../knowledge.schemas.ts';
import { DEFLECTION_CHANNELS } from './deflection.ts';
import { answerSuggestion, deflectionFigures, suggestArticles, suggestForTicket } from './deflection.service.ts';

const suggestionSchema = z.object({
  id: z.string(),
  channel: z.enum(DEFLECTION_CHANNELS),
  query: z.string(),
  articles: z.array(searchHitSchema),
});
const limit = z.coerce.number().int().min(1).max(10).default(3);
const question = z.string().trim().min(3).max(1000).describe('The question as the person asked it');
const answerBody = z.object({
  helped: z.boolean().describe('Whether the suggested articles answered the question'),
  articleId: externalId(
    z.string().min(1).max(100),
    'an article of the suggestion answered, checked against what it suggested (400 otherwise)',
  )
    .nullable()
    .optional()
    .describe('The suggested article that helped'),
});
const idParams = z.object({ id: z.string().min(1).max(100) });
const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  suggestions: z.number(),
  withArticles: z.number(),
  answered: z.number(),
  helped: z.number(),
  notHelped: z.number(),
  deflectionRate: z.number().nullable(),
  coverage: z.number().nullable(),
  byChannel: z.array(
    z.object({ channel: z.string(), suggestions: z.number(), answered: z.number(), helped: z.number() }),
  ),
  topArticles: z.array(z.object({ articleId: z.string(), helped: z.number() })),
  sentence: z.string(),
});

/** Deflection for people in Baton: suggest for a question or a ticket, record the answer, read the figures. */
export function deflectionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/knowledge/deflections', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary: 'Suggest the published articles that best answer a question, recording the suggestion',
      body: z.object({ query: question, accountId: refId('account').nullable().optional(), limit }),
      response: { 201: suggestionSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const { query, accountId, limit: n } = request.body;
      const s = await ctx.db
        .transaction()
        .execute((trx) =>
          suggestArticles(trx, workspaceId, { channel: 'staff', query, accountId, limit: n }, ctx.now()),
        );
      return reply.code(201).send(s);
    },
  });

  r.post('/api/v1/knowledge/tickets/:id/deflections', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary: 'Suggest articles for a ticket from its subject and description, recording the suggestion',
      params: idParams,
      querystring: z.object({ limit }),
      response: { 201: suggestionSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const s = await ctx.db
        .transaction()
        .execute((trx) => suggestForTicket(trx, workspaceId, request.params.id, request.query.limit, ctx.now()));
      return reply.code(201).send(s);
    },
  });

  r.post('/api/v1/knowledge/deflections/:id/answer', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary: 'Record whether a suggestion helped (once; the article must be one suggested)',
      params: idParams,
      body: answerBody,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { workspaceId } = principalOf(request);
      await answerSuggestion(ctx.db, workspaceId, request.params.id, request.body, ctx.now());
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/knowledge/deflections/report', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary: 'Deflection figures: of the suggestions answered, the share that helped; coverage; by channel',
      querystring: z
        .object({ from: z.iso.date(), to: z.iso.date() })
        .refine((q) => q.from < q.to, { path: ['to'], message: 'must be after from' }),
      response: { 200: reportSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { workspaceId } = principalOf(request);
      const { from, to } = request.query;
      return { from, to, ...(await deflectionFigures(ctx.db, workspaceId, from, `${to}T23:59:59.999Z`)) };
    },
  });
}

/** As many widget requests per minute per client address as a busy help centre sends, no more. */
const WIDGET_RATE = { max: 120, timeWindow: 60_000 };

/**
 * Deflection for a help widget in the customer's product, outside /api/v1: authenticated by the workspace's ingest
 * key (as usage events are), any origin (CORS, no cookies). It answers with articles only, never other records.
 */
export function deflectionWidgetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const authenticate = ingestKeys(ctx.db);
  void app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-allow-methods', 'POST, OPTIONS');
      reply.header('access-control-allow-headers', 'authorization, content-type');
      reply.header('access-control-max-age', '600');
    });
    for (const url of ['/embed/v1/deflections', '/embed/v1/deflections/:id/answer'])
      scope.options(url, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
        reply.status(204).send(),
      );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/embed/v1/deflections', {
      config: { access: 'public', rateLimit: WIDGET_RATE },
      schema: {
        tags: ['embed'],
        summary:
          'A help widget’s question: the published articles that best answer it (authenticated by the ingest key)',
        body: z.object({
          query: question,
          userId: z.string().min(1).max(200).nullable().optional().describe('The end user, as the product knows them'),
          limit,
        }),
        response: { 201: suggestionSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const principal = await authenticate(presentedKey(request));
        const { query, userId, limit: n } = request.body;
        const s = await ctx.db
          .transaction()
          .execute((trx) =>
            suggestArticles(
              trx,
              principal.workspaceId,
              { channel: 'widget', query, endUser: userId, limit: n },
              ctx.now(),
            ),
          );
        return reply.code(201).send(s);
      },
    });
    r.post('/embed/v1/deflections/:id/answer', {
      config: { access: 'public', rateLimit: WIDGET_RATE },
      schema: {
        tags: ['embed'],
        summary: 'Whether the widget’s suggestion helped (once; authenticated by the ingest key)',
        params: idParams,
        body: answerBody,
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        const principal = await authenticate(presentedKey(request));
        await answerSuggestion(ctx.db, principal.workspaceId, request.params.id, request.body, ctx.now());
        return reply.code(204).send(null);
      },
    });
  });
}
