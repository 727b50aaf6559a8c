import { gunzip } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, type Principal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { posthogDocs, segmentDocs } from './ingest.docs.ts';
import type { IngestRuntime } from './ingest-runtime.service.ts';
import { ingestKeys } from './ingest-keys.service.ts';
import { recordRejectedRequest } from './ingest.service.ts';
import type { BodyRead } from './read-body.ts';
import {
  basicAuthUser,
  MAX_POSTHOG_BODY_BYTES,
  MAX_SEGMENT_BATCH_BYTES,
  type UsageSource,
  type UsageType,
} from './usage-event.ts';

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

/**
 * Product usage ingest, outside /api/v1 (clients authenticate with an `ingest` API key as Segment's write key
 * or PostHog's `api_key`): Segment's `POST /v1/batch|track|identify|group|page` and PostHog's
 * `POST /batch/`, `/capture/`, `/e/` (gzip bodies). Registered in their own plugin so their body parser
 * (raw bytes, gzip inflated with a limit) does not reach other routes. `ingest` is the server's ingest runtime
 * (reader pool, writer, counters), built and stopped by usage's manifest.
 */
export function ingestRoutes(app: FastifyInstance, ctx: AppContext, ingest: IngestRuntime): void {
  const { db } = ctx;
  const { counters, reader, writer } = ingest;
  const authenticate = ingestKeys(db);

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
}
