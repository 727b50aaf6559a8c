import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, type Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, page } from '../../platform/http/schemas.ts';
import {
  createArticle,
  deleteArticle,
  getArticle,
  getVersion,
  listArticles,
  listVersions,
  updateArticle,
} from './article.service.ts';
import { draftFromTicket } from './draft.service.ts';
import {
  articleCreateBody,
  articleListQuery,
  articleSchema,
  articleUpdateBody,
  versionSchema,
} from './knowledge.schemas.ts';

/** A partner firm's people read published articles only: a draft is as good as absent to them. */
async function readable(db: Db, principal: Principal, id: string) {
  const article = await getArticle(db, principal.workspaceId, id);
  if (principal.partnerId && article.status !== 'published') throw AppError.notFound('article');
  return article;
}

/** Articles of the knowledge base: list, read, write, delete, their versions, and drafts from resolved tickets. */
export function articleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const now = () => ctx.now().toISOString();

  r.get('/api/v1/knowledge/articles', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary: 'Articles by title, of a status and with every tag asked',
      querystring: articleListQuery,
      response: { 200: page(articleSchema), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const { tag, status, ...rest } = request.query;
      return listArticles(db, principal.workspaceId, {
        ...rest,
        status: principal.partnerId ? 'published' : status,
        tags: tag === undefined ? undefined : [tag].flat(),
      });
    },
  });

  r.post('/api/v1/knowledge/articles', {
    config: { access: 'knowledge:write', idempotent: true },
    schema: {
      tags: ['knowledge'],
      summary: 'Write an article (a draft unless published); its first version',
      body: articleCreateBody,
      response: { 201: articleSchema, ...errorResponses, 409: errorResponses[400] },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const { externalId, ...content } = request.body;
      const article = await db
        .transaction()
        .execute((trx) =>
          createArticle(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            { externalId, content, source: 'person' },
            now(),
          ),
        );
      return reply.status(201).send(article);
    },
  });

  r.get('/api/v1/knowledge/articles/:id', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary: 'One article as it reads now',
      params: idParams,
      response: { 200: articleSchema, ...errorResponses },
    },
    handler: async (request) => readable(db, principalOf(request), request.params.id),
  });

  r.put('/api/v1/knowledge/articles/:id', {
    config: { access: 'knowledge:write' },
    schema: {
      tags: ['knowledge'],
      summary: 'Change an article’s title, body, tags or status: a new version when anything changes',
      params: idParams,
      body: articleUpdateBody,
      response: { 200: articleSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          updateArticle(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            request.body,
            now(),
          ),
        );
    },
  });

  r.delete('/api/v1/knowledge/articles/:id', {
    config: { access: 'knowledge:write' },
    schema: {
      tags: ['knowledge'],
      summary: 'Delete an article with its versions',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await db
        .transaction()
        .execute((trx) => deleteArticle(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/knowledge/articles/:id/versions', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary: 'Every saved version of an article, newest first',
      params: idParams,
      response: { 200: z.object({ items: z.array(versionSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      await readable(db, principal, request.params.id);
      return { items: await listVersions(db, principal.workspaceId, request.params.id) };
    },
  });

  r.get('/api/v1/knowledge/articles/:id/versions/:version', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary: 'One saved version of an article',
      params: idParams.extend({ version: z.string().max(100) }),
      response: { 200: versionSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      await readable(db, principal, request.params.id);
      const version = Number(request.params.version);
      if (!Number.isSafeInteger(version) || version < 1) throw AppError.notFound('article version');
      return getVersion(db, principal.workspaceId, request.params.id, version);
    },
  });

  r.post('/api/v1/knowledge/articles/from-ticket/:ticketId', {
    config: { access: 'knowledge:write' },
    schema: {
      tags: ['knowledge'],
      summary:
        'Draft an article from a resolved ticket: its subject the title, its description the body, its ' +
        'category and tags the tags',
      params: z.object({ ticketId: z.string().min(1).max(100) }),
      response: { 201: articleSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const article = await db
        .transaction()
        .execute((trx) =>
          draftFromTicket(trx, actorOf(principal, request.id), principal.workspaceId, request.params.ticketId, now()),
        );
      return reply.status(201).send(article);
    },
  });
}
