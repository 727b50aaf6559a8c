import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { acceptRawBodies, parseJsonBody, rawBodyOf } from '../../../platform/http/raw-body.ts';
import type { RouteDocs } from '../../../platform/http/openapi.ts';
import { problemSchema } from '../../../platform/http/schemas.ts';
import { findWorkspaceBySlug } from '../../../platform/identity/workspace.service.ts';
import { stripeSecret } from './stripe-secret.service.ts';
import { readStripeEvent } from './stripe.mapper.ts';
import { applyStripeEvent } from './stripe.service.ts';
import { verifyStripe } from './stripe-signature.ts';

/** A Stripe event is far smaller; 1 MiB is the same bound as the CRM webhooks'. */
const BODY_LIMIT = 1024 * 1024;

const docs: RouteDocs = {
  tags: ['webhooks'],
  summary: 'Stripe webhooks (signed events): customers, subscriptions and invoices',
  description:
    'The endpoint URL to give Stripe (Developers → Webhooks) for customer.created|updated, customer.subscription.created|updated|deleted, ' +
    'invoice.paid and invoice.payment_failed. No API key: each request is authenticated by its `Stripe-Signature` (a timestamp within 5 minutes ' +
    'and one or more v1 HMAC-SHA256 signatures) with the endpoint’s signing secret (`baton integration set stripe`), and refused with 401 otherwise. ' +
    'Each event is applied once; an event older than the state already applied changes nothing.',
  security: [],
  params: z.object({ workspace: z.string().describe('The workspace’s slug') }),
  headers: z.object({ 'stripe-signature': z.string().describe('t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=…]') }),
  response: {
    200: z.object({
      received: z.literal(1),
      outcome: z.enum(['applied', 'ignored', 'duplicate']),
      detail: z.string(),
    }),
    400: problemSchema.describe('Not JSON, or not a Stripe event: nothing is stored; the field is named'),
    401: problemSchema.describe(
      'The signature is missing, wrong or too old, or no workspace has this slug: nothing is stored',
    ),
    413: problemSchema.describe('The body is larger than 1 MiB'),
    503: problemSchema.describe('The same event is being applied by another delivery: retry'),
  },
};

const isDuplicateKey = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
};

/**
 * `POST /webhooks/stripe/:workspace`, outside /api/v1 (Stripe authenticates by signature), in its own plugin so the
 * raw-body parser the signature needs reaches no other route. An unknown workspace is answered exactly as a bad
 * signature, after the same work, so that no answer tells which workspace names exist.
 */
export function stripeWebhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const findWorkspace = (slug: string) => findWorkspaceBySlug(db, slug);

  void app.register(async (scope) => {
    acceptRawBodies(scope, { bodyLimit: BODY_LIMIT });

    scope.post<{ Params: { workspace: string } }>('/webhooks/stripe/:workspace', {
      bodyLimit: BODY_LIMIT,
      config: { access: 'public', openapi: docs },
      handler: async (request: FastifyRequest<{ Params: { workspace: string } }>) => {
        const workspace = await findWorkspace(request.params.workspace);
        const secret = await stripeSecret(db, ctx.secrets, workspace?.id ?? '');
        const body = rawBodyOf(request);
        const header = request.headers['stripe-signature'];
        const check = verifyStripe({
          secret: workspace ? secret : undefined,
          header: typeof header === 'string' ? header : undefined,
          body,
          nowSeconds: Math.floor(ctx.now().getTime() / 1000),
        });
        if (!check.ok || !workspace) {
          const failed = check.ok
            ? { reason: 'mismatch', message: 'no v1 signature of the Stripe-Signature header matches' }
            : check;
          request.log.warn(
            {
              requestId: request.id,
              workspace: request.params.workspace,
              source: 'stripe',
              reason: workspace ? failed.reason : 'unknown workspace',
            },
            'webhook refused: signature check failed',
          );
          throw new AppError('unauthenticated', failed.message);
        }
        const parsed = parseJsonBody(body);
        const read = readStripeEvent(parsed);
        if (!read.ok) throw AppError.validation(read.field, read.message);
        try {
          const result = await db.transaction().execute((trx) => applyStripeEvent(trx, workspace.id, read.event));
          return { received: 1 as const, ...result };
        } catch (err) {
          if (isDuplicateKey(err))
            throw new AppError('unavailable', 'the same event is being applied by another delivery; retry', {
              retryAfterSeconds: 5,
              cause: err,
            });
          throw err;
        }
      },
    });
  });
}
