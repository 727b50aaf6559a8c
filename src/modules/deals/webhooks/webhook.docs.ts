import { z } from 'zod';
import type { RouteDocs } from '../../../platform/http/openapi.ts';
import { problemSchema } from '../../../platform/http/schemas.ts';
import { crmEventSchema, crmPayloadSchema } from './crm.mapper.ts';
import { hubspotPayload } from './hubspot.mapper.ts';

/*
 * The API document's description of the CRM webhooks. They read the raw body themselves (signatures are over
 * its bytes), so these schemas document and never validate: the mappers are the rules.
 */

const workspaceParams = z.object({ workspace: z.string().describe('The workspace’s slug') });

const delivered = z.object({
  received: z.number().int(),
  applied: z.number().int(),
  duplicates: z.number().int().describe('Events already applied (a retry)'),
  ignored: z.number().int().describe('Events older than a change already applied, or about no deal Baton keeps'),
});

const webhookErrors = {
  400: problemSchema.describe('Not JSON, or an event is malformed: nothing is stored; the field is named'),
  401: problemSchema.describe(
    'The signature is missing, wrong or too old, or no workspace has this slug: nothing is stored',
  ),
  413: problemSchema.describe('The body is larger than 1 MiB'),
  503: problemSchema.describe('The same events are being applied by another delivery: retry'),
};

export const hubspotWebhookDocs: RouteDocs = {
  tags: ['webhooks'],
  summary: 'HubSpot deal webhooks (signed with HubSpot’s v3 signature)',
  description:
    'The target URL of a HubSpot app’s webhook subscriptions (deal creation, property change, deletion). No API key: each request is ' +
    'authenticated by its `X-HubSpot-Signature-v3` with the app’s client secret (Settings → Integrations), and refused with 401 otherwise. ' +
    'Events are applied once per event id, never an older change over a newer one.',
  security: [],
  params: workspaceParams,
  headers: z.object({
    'x-hubspot-signature-v3': z
      .string()
      .describe('base64 HMAC-SHA256 of method, URI, body and timestamp with the client secret'),
    'x-hubspot-request-timestamp': z.string().describe('Milliseconds since the epoch; older than 5 minutes is refused'),
  }),
  body: hubspotPayload,
  response: { 200: delivered, ...webhookErrors },
};

export const crmWebhookDocs: RouteDocs = {
  tags: ['webhooks'],
  summary: 'Deal webhooks from any CRM (signed with an HMAC-SHA256 of the body)',
  description:
    'Deals created, changed or deleted in any CRM, in Baton’s own event shape. No API key: `X-Baton-Signature` is `sha256=` and the hex ' +
    'HMAC-SHA256 of the raw body with the source’s secret (Settings → Integrations), refused with 401 otherwise. ' +
    'Deal fields are those of the deal import; events are applied once per id, never an older change over a newer one.',
  security: [],
  params: workspaceParams,
  headers: z.object({
    'x-baton-source': z.string().describe('The CRM’s name (e.g. salesforce): it chooses the secret'),
    'x-baton-signature': z.string().describe('sha256=<hex HMAC-SHA256 of the body>'),
  }),
  body: z.union([crmPayloadSchema(), crmEventSchema()]),
  response: { 200: delivered, ...webhookErrors },
};
