import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/app-context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { acceptRawBodies, rawBodyOf } from '../../../platform/http/raw-body.ts';
import { findBadText, nestsDeeperThan, tooDeepMessage } from '../../../platform/http/json-input.ts';
import { findWorkspaceBySlug } from '../../../platform/identity/workspace.service.ts';
import { readCrmEvents } from './crm.mapper.ts';
import { readHubspotEvents } from './hubspot.mapper.ts';
import { webhookSecret } from './integration.service.ts';
import { type SignatureCheck, verifyCrm, verifyHubspot } from './signature.ts';
import { HUBSPOT, sourceNameProblem, type EventFieldError, type WebhookEvent } from './webhook.ts';
import { applyDelivery, recordRejectedDelivery } from './webhook.service.ts';
import { crmWebhookDocs, hubspotWebhookDocs } from './webhook.docs.ts';

/** A webhook body may be at most 1 MiB; HubSpot sends at most 100 events a request. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** HubSpot signs the URI with these characters decoded (its v3 validation steps list them). */
const HUBSPOT_DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/** The full URL the CRM called: BATON_PUBLIC_URL when set (behind a proxy), else the request's protocol and Host. */
export function requestUri(request: FastifyRequest, publicUrl: string | undefined): string {
  const origin = publicUrl ?? `${request.protocol}://${request.host}`;
  return (
    origin +
    request.url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => HUBSPOT_DECODED[m.toUpperCase()] ?? m)
  );
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/** How many events a refused body held, as far as its shape tells. */
const eventCount = (body: unknown): number => {
  if (Array.isArray(body)) return body.length;
  const events = (body as { events?: unknown } | null)?.events;
  return Array.isArray(events) ? events.length : body !== null && typeof body === 'object' ? 1 : 0;
};

// A retried event racing its first delivery (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_*): the retry answers 503.
const isDuplicateKey = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
};

/**
 * Refuses an unsigned or badly signed request, or one for a workspace that does not exist: 401, a warning in the
 * log, nothing stored. An unknown workspace is answered exactly as a bad signature, so that the answer never tells
 * which workspace names exist.
 */
function refuse(
  request: FastifyRequest,
  source: string,
  workspace: string,
  check: SignatureCheck,
  known: boolean,
): never {
  const failed = check.ok ? { reason: 'mismatch', message: 'the signature does not match' } : check;
  request.log.warn(
    { requestId: request.id, workspace, source, reason: known ? failed.reason : 'unknown workspace' },
    'webhook refused: signature check failed',
  );
  throw new AppError('unauthenticated', failed.message);
}

/** The secret a workspace's source signs with; for an unknown workspace, the same lookup finding none. */
async function secretOf(ctx: AppContext, workspaceId: string | undefined, source: string) {
  const secret = await webhookSecret(ctx.db, ctx.secrets, workspaceId ?? '', source);
  return workspaceId === undefined ? undefined : secret;
}

/** Reads, checks and applies a signed delivery's events in one transaction; a refused body is logged, not applied. */
async function receive(
  db: Db,
  request: FastifyRequest,
  workspaceId: string,
  source: string,
  readEvents: (body: unknown) => { ok: true; events: WebhookEvent[] } | { ok: false; errors: EventFieldError[] },
) {
  const text = rawBodyOf(request).toString('utf8');
  let body: unknown;
  try {
    // Nesting is limited on the raw text, before anything walks it.
    body = nestsDeeperThan(text) ? undefined : JSON.parse(text);
  } catch (err) {
    body = err as Error;
  }
  if (body === undefined || body instanceof Error) {
    const message = body === undefined ? tooDeepMessage() : `not valid JSON (${body.message})`;
    await recordRejectedDelivery(db, {
      workspaceId,
      source,
      requestId: request.id,
      received: 0,
      detail: `body: ${message}`,
    });
    throw AppError.validation('body', message);
  }
  // A NUL character (PostgreSQL text cannot hold one) or a lone surrogate: refused, naming the field, on both databases.
  const bad = findBadText(body, 'body');
  if (bad) {
    await recordRejectedDelivery(db, {
      workspaceId,
      source,
      requestId: request.id,
      received: eventCount(body),
      detail: `${bad.field}: ${bad.message}`,
    });
    throw new AppError('validation', `${bad.field}: ${bad.message}`, { fieldErrors: [bad] });
  }
  const read = readEvents(body);
  if (!read.ok) {
    const detail = read.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    await recordRejectedDelivery(db, {
      workspaceId,
      source,
      requestId: request.id,
      received: eventCount(body),
      detail,
    });
    throw new AppError('validation', detail, { fieldErrors: read.errors });
  }
  const events = read.events;
  try {
    const counts = await db
      .transaction()
      .execute((trx) => applyDelivery(trx, { workspaceId, source, requestId: request.id, events }));
    return {
      received: counts.received,
      applied: counts.applied,
      duplicates: counts.duplicates,
      ignored: counts.ignored,
    };
  } catch (err) {
    if (isDuplicateKey(err))
      throw new AppError('unavailable', 'the same events are being applied by another delivery; retry', {
        retryAfterSeconds: 5,
        cause: err,
      });
    throw err;
  }
}

/**
 * Baton's CRM webhooks, outside /api/v1 (the CRM authenticates by signature, not by session or API key):
 * `POST /webhooks/hubspot/:workspace` (HubSpot v3 signatures) and `POST /webhooks/crm/:workspace` (any CRM,
 * `X-Baton-Source` + `X-Baton-Signature`). Registered in their own plugin so the raw-body parser they need
 * for signatures does not reach other routes.
 */
export function webhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  void app.register(async (scope) => {
    acceptRawBodies(scope, { bodyLimit: WEBHOOK_BODY_LIMIT });

    scope.post<{ Params: { workspace: string } }>('/webhooks/hubspot/:workspace', {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      config: { access: 'public', openapi: hubspotWebhookDocs },
      handler: async (request) => {
        const workspace = await findWorkspaceBySlug(db, request.params.workspace);
        const check = verifyHubspot({
          clientSecret: await secretOf(ctx, workspace?.id, HUBSPOT),
          method: request.method,
          uri: requestUri(request, ctx.config.publicUrl),
          body: rawBodyOf(request),
          signature: header(request, 'x-hubspot-signature-v3'),
          timestamp: header(request, 'x-hubspot-request-timestamp'),
          now: ctx.now().getTime(),
        });
        if (!check.ok || !workspace)
          return refuse(request, HUBSPOT, request.params.workspace, check, workspace !== undefined);
        return receive(db, request, workspace.id, HUBSPOT, readHubspotEvents);
      },
    });

    scope.post<{ Params: { workspace: string } }>('/webhooks/crm/:workspace', {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      config: { access: 'public', openapi: crmWebhookDocs },
      handler: async (request) => {
        const source = (header(request, 'x-baton-source') ?? '').trim().toLowerCase();
        if (!source)
          throw AppError.validation('headers.x-baton-source', 'name the CRM (e.g. salesforce): it chooses the secret');
        const problem = sourceNameProblem(source);
        if (problem) throw AppError.validation('headers.x-baton-source', problem);
        const workspace = await findWorkspaceBySlug(db, request.params.workspace);
        const check = verifyCrm({
          secret: await secretOf(ctx, workspace?.id, source),
          body: rawBodyOf(request),
          signature: header(request, 'x-baton-signature'),
        });
        if (!check.ok || !workspace)
          return refuse(request, source, request.params.workspace, check, workspace !== undefined);
        return receive(db, request, workspace.id, source, (body) => readCrmEvents(source, body));
      },
    });
  });
}
