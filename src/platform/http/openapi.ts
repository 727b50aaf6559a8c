import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * What the API document says of a route beyond its validating schema: for routes that read their body
 * themselves (usage ingest, CRM webhooks) the body and answers are described here, for the document only,
 * so Fastify does not validate or serialise them. Same keys as a route schema (Zod schemas, summary, tags …).
 */
export type RouteDocs = FastifySchema & {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  consumes?: string[];
};

/** The security schemes of the document: who may call what. */
export const SECURITY_SCHEMES = {
  apiKey: { type: 'http', scheme: 'bearer', description: 'A workspace API key (bk_…)' },
  session: { type: 'apiKey', in: 'cookie', name: 'baton_session' },
  ingestWriteKey: {
    type: 'http',
    scheme: 'basic',
    description:
      'An API key of scope `ingest` as the Basic auth user name, no password (Segment’s write key). Segment libraries send it so; it may also be the body’s `writeKey`.',
  },
} as const;

/**
 * The operation id of a route: the one its config names, else derived from method and path, e.g.
 * `GET /api/v1/accounts/:id` → `getAccountsById`, `POST /v1/batch` → `postV1Batch`. `/api/v1` is the
 * API's own prefix and left out; every other segment is kept, so two routes never derive the same id.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^[:{](\w+)}?$/.exec(segment);
      return param ? `By-${param[1]}` : segment;
    })
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return method.toLowerCase() + words.join('');
}

/**
 * The one transform from routes to the API document: Zod schemas to JSON Schema (fastify-type-provider-zod),
 * a route's document-only `config.openapi` merged in, an `operationId` on every operation, and no security
 * requirement on public routes (`config.access: 'public'`, or `config.openapi.security`).
 */
export function openapiTransform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const route = (input as { route?: RouteOptions }).route;
  const config = (route?.config ?? {}) as { access?: string; operationId?: string; openapi?: RouteDocs };
  const docs = config.openapi;
  const merged = docs ? { ...withoutHide(input.schema), ...docs } : input.schema;
  const out = jsonSchemaTransform({ ...input, schema: merged } as TransformInput);
  const schema = out.schema as Record<string, unknown> | undefined;
  if (!schema || schema.hide) return out;
  const method = Array.isArray(route?.method) ? route.method[0] : route?.method;
  schema.operationId = config.operationId ?? operationIdOf(String(method ?? 'get'), route?.url ?? input.url);
  if (config.access === 'public' && !docs?.security) schema.security = [];
  return out;
}

function withoutHide(schema: FastifySchema | undefined): FastifySchema {
  const { hide: _hide, ...rest } = (schema ?? {}) as FastifySchema & { hide?: boolean };
  return rest;
}
