import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { getWorkspace } from '../../../platform/identity/workspace.service.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, page, pageQuery } from '../../../platform/http/schemas.ts';
import { listDeliveries, listIntegrations, setWebhookSecret } from './integration.service.ts';
import { MIN_SECRET_LENGTH } from './webhook.ts';

const secretStateSchema = z.object({
  set: z.boolean(),
  last4: z.string().nullable(),
  setAt: z.string().nullable(),
  setBy: z.string().nullable(),
});

const integrationSchema = z.object({
  source: z.string(),
  kind: z.enum(['hubspot', 'generic']),
  webhookPath: z.string().describe('append to Baton’s public address to get the URL to paste into the CRM'),
  secret: secretStateSchema,
  lastEventAt: z.string().nullable(),
  last7Days: z.object({ applied: z.number(), ignored: z.number(), rejected: z.number() }),
});

const deliverySchema = z.object({
  id: z.string(),
  source: z.string(),
  receivedAt: z.string(),
  requestId: z.string().nullable(),
  status: z.enum(['accepted', 'rejected']),
  received: z.number(),
  applied: z.number(),
  duplicates: z.number(),
  ignored: z.number(),
  detail: z.string().nullable(),
});

/** Settings → Integrations: webhook sources, their secrets (never shown) and recent deliveries. */
export function integrationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/integrations', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['integrations'],
      summary:
        'CRM webhook sources: HubSpot and every generic source with a secret, with the secret’s state and the last 7 days',
      response: { 200: z.object({ items: z.array(integrationSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const workspace = await getWorkspace(db, principalOf(request).workspaceId);
      return { items: await listIntegrations(db, workspace) };
    },
  });

  r.put('/api/v1/integrations', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['integrations'],
      summary: 'Set, replace or remove (secret: null) the webhook secret of a source; the secret is never shown again',
      body: z.object({
        source: z
          .string()
          .trim()
          .min(1)
          .max(40)
          .describe('hubspot, or the name a generic CRM sends in X-Baton-Source (e.g. salesforce)'),
        secret: z
          .string()
          .trim()
          .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`)
          .max(500)
          .nullable()
          .describe('HubSpot: the app’s client secret; generic: a shared secret (16+ characters); null removes it'),
      }),
      response: { 200: integrationSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const workspace = await getWorkspace(db, principal.workspaceId);
      return db.transaction().execute(async (trx) => {
        await setWebhookSecret(trx, ctx.secrets, actorOf(principal, request.id), workspace.id, request.body);
        const items = await listIntegrations(trx, workspace);
        const source = request.body.source.trim().toLowerCase();
        return (
          items.find((i) => i.source === source) ?? {
            source,
            kind: 'generic' as const,
            webhookPath: `/webhooks/crm/${workspace.slug}`,
            secret: { set: false, last4: null, setAt: null, setBy: null },
            lastEventAt: null,
            last7Days: { applied: 0, ignored: 0, rejected: 0 },
          }
        );
      });
    },
  });

  r.get('/api/v1/integrations/deliveries', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['integrations'],
      summary: 'Webhook deliveries that passed their signature check, newest first (unsigned ones are only logged)',
      querystring: pageQuery.extend({ source: z.string().trim().max(40).optional() }),
      response: { 200: page(deliverySchema), ...errorResponses },
    },
    handler: async (request) => {
      const { source, cursor, limit } = request.query;
      return listDeliveries(db, principalOf(request).workspaceId, { source: source?.toLowerCase(), cursor, limit });
    },
  });
}
