import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { acceptRawBodies, parseJsonBody, rawBodyOf } from '../../../platform/http/raw-body.ts';
import type { RouteDocs } from '../../../platform/http/openapi.ts';
import { problemSchema } from '../../../platform/http/schemas.ts';
import { findWorkspaceBySlug } from '../../../platform/identity/workspace.service.ts';
import { zendeskSecret } from './zendesk-secret.service.ts';
import { verifyZendesk } from './zendesk-signature.ts';
import { readZendeskWebhook } from './zendesk-ticket.ts';
import { applyZendeskDelivery, deliveryKey } from './zendesk-webhook.service.ts';

/** A ticket event is far smaller; 1 MiB is the same bound as the CRM and Stripe webhooks'. */
const BODY_LIMIT = 1024 * 1024;

const docs: RouteDocs = {
  tags: ['webhooks'],
  summary: 'Zendesk webhooks (signed): ticket created and updated',
  description:
    'The endpoint URL to give a Zendesk webhook, from a trigger (JSON body `{"ticket": {…}}`) or subscribed to ticket ' +
    'events (`{"type": "zen:event-type:ticket.created", "detail": {…}}`). No API key: each request is authenticated ' +
    'by `X-Zendesk-Webhook-Signature` (base64 HMAC-SHA256 of the timestamp header followed by the raw body, keyed ' +
    'with the webhook’s signing secret set by `baton integration set zendesk`) and ' +
    '`X-Zendesk-Webhook-Signature-Timestamp` within 5 minutes, refused with 401 otherwise. Each delivery is applied ' +
    'once; a ticket older than the one stored changes nothing.',
  security: [],
  params: z.object({ workspace: z.string().describe('The workspace’s slug') }),
  headers: z.object({
    'x-zendesk-webhook-signature': z.string().describe('base64 HMAC-SHA256(secret, timestamp + body)'),
    'x-zendesk-webhook-signature-timestamp': z.string().describe('ISO 8601 time of signing'),
  }),
  response: {
    200: z.object({
      received: z.literal(1),
      outcome: z.enum(['applied', 'stale', 'duplicate']),
      ticket: z.string(),
      detail: z.string(),
    }),
    400: problemSchema.describe('Not JSON, or no Zendesk ticket in it: nothing is stored; the field is named'),
    401: problemSchema.describe('The signature is missing, wrong or too old, or no workspace has this slug'),
    413: problemSchema.describe('The body is larger than 1 MiB'),
    503: problemSchema.describe('The same delivery is being applied by another request: retry'),
  },
};

const isDuplicateKey = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
};

const header = (request: FastifyRequest, name: string) => {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * `POST /webhooks/zendesk/:workspace`, outside /api/v1, in its own plugin so the raw-body parser the signature needs
 * reaches no other route. An unknown workspace is answered exactly as a bad signature, after the same work.
 */
export function zendeskWebhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const findWorkspace = (slug: string) => findWorkspaceBySlug(db, slug);

  void app.register(async (scope) => {
    acceptRawBodies(scope, { bodyLimit: BODY_LIMIT });

    scope.post<{ Params: { workspace: string } }>('/webhooks/zendesk/:workspace', {
      bodyLimit: BODY_LIMIT,
      config: { access: 'public', openapi: docs },
      handler: async (request: FastifyRequest<{ Params: { workspace: string } }>) => {
        const workspace = await findWorkspace(request.params.workspace);
        const secret = await zendeskSecret(db, ctx.secrets, workspace?.id ?? '');
        const body = rawBodyOf(request);
        const check = verifyZendesk({
          secret: workspace ? secret : undefined,
          signature: header(request, 'x-zendesk-webhook-signature'),
          timestamp: header(request, 'x-zendesk-webhook-signature-timestamp'),
          body,
          nowSeconds: ctx.now().getTime() / 1000,
        });
        if (!check.ok || !workspace) {
          const failed = check.ok
            ? { reason: 'mismatch', message: 'the X-Zendesk-Webhook-Signature does not match' }
            : check;
          request.log.warn(
            {
              requestId: request.id,
              workspace: request.params.workspace,
              source: 'zendesk',
              reason: workspace ? failed.reason : 'unknown workspace',
            },
            'webhook refused: signature check failed',
          );
          throw new AppError('unauthenticated', failed.message);
        }
        const parsed = parseJsonBody(body);
        const read = readZendeskWebhook(parsed);
        if (!read.ok) throw AppError.validation(read.field, read.message);
        const now = ctx.now().toISOString();
        try {
          // Storing the ticket publishes support.tickets-changed in the same transaction.
          const result = await db.transaction().execute((trx) =>
            applyZendeskDelivery(trx, workspace.id, {
              key: deliveryKey(read.eventId, body),
              eventType: read.eventType,
              record: read.record,
              now,
            }),
          );
          const { accountId: _accountId, ...answer } = result;
          return { received: 1 as const, ...answer };
        } catch (err) {
          if (isDuplicateKey(err))
            throw new AppError('unavailable', 'the same delivery is being applied by another request; retry', {
              retryAfterSeconds: 5,
              cause: err,
            });
          throw err;
        }
      },
    });
  });
}
