import { gunzip } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { principalFromApiKey } from '../../../platform/auth/api-key.service.ts';
import { actorOf, can, type Principal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { adoptionRoutes } from '../adoption/adoption.routes.ts';
import { usageSourceRoutes } from '../adoption/usage-sources.routes.ts';
import { IngestCounters } from './ingest-counters.ts';
import { posthogDocs, segmentDocs } from './ingest.docs.ts';
import { IngestWriter } from './ingest-writer.service.ts';
import { IngestWriteThread } from './write-thread.service.ts';
import { BodyReader } from './read-pool.service.ts';
import type { BodyRead } from './read-body.ts';
import { retentionRoutes } from '../retention/retention.routes.ts';
import {
  ingestTotals,
  listRejections,
  listUnmatched,
  recordRejectedRequest,
  rematchAndRecord,
} from './ingest.service.ts';
import {
  basicAuthUser,
  MAX_POSTHOG_BODY_BYTES,
  MAX_SEGMENT_BATCH_BYTES,
  type UsageSource,
  type UsageType,
} from './usage-event.ts';

/** A verified key is trusted for this long before it is checked again (a revoked key stops within it). */
const KEY_CACHE_MS = 10_000;
const KEY_CACHE_SIZE = 1000;

const inflate = (body: Buffer, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    gunzip(body, { maxOutputLength: limit }, (err, out) => {
      if (!err) return resolve(out);
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        return reject(
          new AppError('payload_too_large', `the inflated body is larger than ${Math.round(limit / 1024)} KB`),
        );
      }
      reject(AppError.validation('body', `not valid gzip (${err.message})`));
    });
  });

/** The raw body (none when the request sent no body: read as empty, which is not JSON). */
const bytesOf = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

const ingestStatusCounts = z.object({
  received: z.number(),
  stored: z
    .number()
    .describe(
      'Events stored, counted when stored: in total, raw events deleted past the retention window stay counted',
    ),
  duplicates: z.number(),
  rejected: z.number(),
  unmatched: z
    .number()
    .describe('In total: events kept aside now, waiting for their account; since start: those stored without one'),
  lastEventAt: z.string().nullable(),
});
const bySource = <T extends z.ZodType>(s: T) => z.object({ segment: s, posthog: s });

/**
 * Product usage ingest, outside /api/v1 (clients authenticate with an `ingest` API key as Segment's write key
 * or PostHog's `api_key`): Segment's `POST /v1/batch|track|identify|group|page` and PostHog's
 * `POST /batch/`, `/capture/`, `/e/` (gzip bodies). Registered in their own plugin so their body parser
 * (raw bytes, gzip inflated with a limit) does not reach other routes. Also the status and kept-aside lists
 * under /api/v1/usage, and the seats and adoption routes (adoption.routes.ts).
 */
export function usageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const counters = new IngestCounters();
  // A served SQLite file stores ingest on a thread of its own (write-thread.ts); PostgreSQL and commands here.
  const file = ctx.dbh.sideThread && ctx.config.ingestWriteThread ? ctx.dbh.sqliteFile : undefined;
  const thread = file
    ? new IngestWriteThread(file, (reason) =>
        ctx.logger.warn({ reason }, 'the usage ingest write thread stopped: ingest is stored on the request thread'),
      )
    : undefined;
  app.addHook('onClose', async () => thread?.close());
  const writer = new IngestWriter(
    db,
    {
      maxPending: ctx.config.ingestMaxPending,
      retryAfterSeconds: ctx.config.ingestRetryAfterSeconds,
      // PostgreSQL (row locks) takes several writing transactions at once; SQLite one.
      writers: ctx.caps.singleWriter ? 1 : ctx.config.ingestPgWriters,
    },
    thread,
  );
  const reader = new BodyReader(ctx.config.ingestReadThreads);
  app.addHook('onClose', () => reader.close());
  const keys = new Map<string, { principal: Principal; until: number }>();

  /** The workspace of an ingest key, verified once per key every few seconds. */
  const authenticate = async (presented: string | null): Promise<Principal> => {
    if (!presented)
      throw new AppError(
        'unauthenticated',
        'present an ingest API key as the write key (Basic auth user name) or api_key',
      );
    const now = Date.now();
    const cached = keys.get(presented);
    if (cached && cached.until > now) return cached.principal;
    const principal = await principalFromApiKey(db, presented.trim());
    if (!principal) throw new AppError('unauthenticated', 'the API key is unknown or revoked');
    if (!can(principal, 'ingest:write'))
      throw new AppError('forbidden', 'this API key may not send usage data (needs scope ingest)');
    if (keys.size >= KEY_CACHE_SIZE) keys.clear();
    keys.set(presented, { principal, until: now + KEY_CACHE_MS });
    return principal;
  };

  const receive = async (
    request: FastifyRequest,
    principal: Principal,
    source: UsageSource,
    read: BodyRead['read'],
  ) => {
    const workspaceId = principal.workspaceId;
    if (!read.ok) {
      const shown = read.errors.slice(0, 10).map((e) => `${e.field}: ${e.message}`);
      const detail =
        shown.join('; ') + (read.errors.length > shown.length ? `; and ${read.errors.length - shown.length} more` : '');
      // A refused request counts at least once, even when its body held no readable message.
      const rejected = Math.max(1, read.count);
      counters.add(workspaceId, source, { received: rejected, rejected });
      await recordRejectedRequest(db, { workspaceId, source, rejected, detail });
      throw new AppError('validation', detail, { fieldErrors: read.errors.slice(0, 50) });
    }
    const outcome = await writer.submit({
      workspaceId,
      source,
      actor: actorOf(principal, request.id),
      messages: read.messages,
    });
    counters.add(workspaceId, source, outcome);
    return outcome;
  };

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, async (request: FastifyRequest, body: Buffer) => {
      const limit = request.url.startsWith('/v1/') ? MAX_SEGMENT_BATCH_BYTES : MAX_POSTHOG_BODY_BYTES;
      const encoding = String(request.headers['content-encoding'] ?? '').toLowerCase();
      // posthog-js sends gzip as `?compression=gzip-js` without the header: the gzip magic bytes tell.
      if (encoding === 'gzip' || (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b))
        return inflate(body, limit);
      if (encoding && encoding !== 'identity')
        throw new AppError(
          'unsupported_media_type',
          `Content-Encoding ${encoding} is not supported (send gzip or none)`,
        );
      return body;
    });

    // Admission from the first byte: too many ingest requests in flight is a 429 with Retry-After, before the body is read.
    const admitted = new WeakSet<FastifyRequest>();
    const leave = async (request: FastifyRequest) => {
      if (admitted.delete(request)) writer.leave();
    };
    scope.addHook('onRequest', async (request) => {
      writer.enter();
      admitted.add(request);
    });
    scope.addHook('onResponse', leave);
    scope.addHook('onRequestAbort', leave);

    // A Segment body refused for its size before it was read still counts as rejected for the key's workspace.
    scope.addHook('onError', async (request, _reply, error) => {
      const tooLarge =
        (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
        (error instanceof AppError && error.code === 'payload_too_large');
      const presented = basicAuthUser(request.headers.authorization);
      if (!tooLarge || !request.url.startsWith('/v1/') || !presented) return;
      const principal = await authenticate(presented).catch(() => undefined);
      if (!principal) return;
      counters.add(principal.workspaceId, 'segment', { received: 1, rejected: 1 });
      await recordRejectedRequest(db, {
        workspaceId: principal.workspaceId,
        source: 'segment',
        rejected: 1,
        detail: `body: ${error.message}`,
      });
    });

    const segment = (path: string, implied?: UsageType) =>
      scope.post(path, {
        bodyLimit: MAX_SEGMENT_BATCH_BYTES,
        config: { access: 'public', openapi: segmentDocs(implied) },
        handler: async (request) => {
          const header = basicAuthUser(request.headers.authorization);
          const body = await reader.read({
            source: 'segment',
            body: bytesOf(request.body),
            implied,
            now: new Date().toISOString(),
          });
          // A body that could not be read cannot give its write key: refused as it is, not as unauthenticated.
          if (!body.json && !header && !body.read.ok)
            throw new AppError('validation', body.read.errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
              fieldErrors: body.read.errors,
            });
          const principal = await authenticate(header ?? body.key);
          await receive(request, principal, 'segment', body.read);
          return { success: true };
        },
      });
    segment('/v1/batch');
    for (const type of ['track', 'identify', 'group', 'page', 'screen', 'alias'] as const) segment(`/v1/${type}`, type);

    for (const path of ['/batch', '/capture', '/e']) {
      for (const url of [path, `${path}/`]) {
        scope.post(url, {
          bodyLimit: MAX_POSTHOG_BODY_BYTES,
          // Documented once, with the trailing slash PostHog's libraries send.
          config: { access: 'public', ...(url.endsWith('/') ? { openapi: posthogDocs(url) } : {}) },
          schema: { hide: true },
          handler: async (request) => {
            const body = await reader.read({
              source: 'posthog',
              body: bytesOf(request.body),
              now: new Date().toISOString(),
            });
            if (!body.json) {
              const errors = body.read.ok ? [] : body.read.errors;
              throw new AppError(
                'validation',
                errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'body: not valid JSON',
                { fieldErrors: errors },
              );
            }
            const principal = await authenticate(body.key);
            await receive(request, principal, 'posthog', body.read);
            return { status: 1 };
          },
        });
      }
    }
  });

  adoptionRoutes(app, ctx);
  retentionRoutes(app, ctx);
  usageSourceRoutes(app, ctx);

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/usage/ingest-status', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary: 'Product usage ingest: counters since this instance started and in total, per source',
      response: {
        200: z.object({
          startedAt: z.string(),
          writeThread: z
            .boolean()
            .describe(
              'Whether events are stored on a thread of their own beside the one receiving requests (a served SQLite file)',
            ),
          sinceStart: bySource(ingestStatusCounts),
          total: bySource(ingestStatusCounts.extend({ lastReceivedAt: z.string().nullable() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const workspaceId = principalOf(req).workspaceId;
      return {
        startedAt: counters.startedAt,
        writeThread: thread?.writing ?? false,
        sinceStart: counters.snapshot(workspaceId),
        total: await ingestTotals(db, workspaceId),
      };
    },
  });

  r.get('/api/v1/usage/rejections', {
    config: { access: 'usage:read' },
    schema: {
      tags: ['usage'],
      summary:
        'Ingest requests refused lately (malformed or oversized), the newest first, with why; kept for the raw events’ retention window',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              source: z.enum(['segment', 'posthog']),
              receivedAt: z.string(),
              events: z.number(),
              detail: z.string().nullable(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => ({ items: await listRejections(db, principalOf(req).workspaceId, req.query.limit) }),
  });

  r.get('/api/v1/usage/unmatched', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Usage events kept aside (no account known for their group or user), by group and user',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              groupId: z.string().nullable(),
              userId: z.string().nullable(),
              events: z.number(),
              firstAt: z.string(),
              lastAt: z.string(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => ({ items: await listUnmatched(db, principalOf(req).workspaceId, req.query.limit) }),
  });

  r.post('/api/v1/usage/rematch', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['usage'],
      summary: 'Match the events kept aside again, after accounts were created or imported',
      response: { 200: z.object({ matched: z.number() }), ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      const matched = await db
        .transaction()
        .execute((trx) => rematchAndRecord(trx, actorOf(principal, req.id), principal.workspaceId));
      return { matched };
    },
  });
}
