import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { acceptRawBodies } from '../../../platform/http/raw-body.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, idParams, problemSchema } from '../../../platform/http/schemas.ts';
import { playbookDefinitionSchema, playbookFileSchema } from './playbook.ts';
import { detailSchema, note, patchBody, summarySchema, versionSchema } from './playbook.schemas.ts';
import { exportPlaybookText, importPlaybookText } from './playbook-import.service.ts';
import { explainSelection } from './playbook-select.service.ts';
import { getPlaybook, getPlaybookVersion, listPlaybooks, playbookEtag } from './playbook.service.ts';
import { createPlaybook, savePlaybookVersion, updatePlaybook } from './playbook-edit.service.ts';

/** The largest playbook file the import takes: the biggest real playbooks are a few dozen kilobytes. */
const IMPORT_LIMIT = 1024 * 1024;
const IMPORT_TYPES = [
  'application/json',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'text/plain',
  'application/octet-stream',
];

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

const ifMatchOf = (request: FastifyRequest): string | undefined => {
  const v = request.headers['if-match'];
  return typeof v === 'string' ? v : undefined;
};

/** A version number from the path; anything else is no version of that playbook (404, not 400). */
const versionParam = (v: string): number => {
  if (!/^\d{1,9}$/.test(v)) throw AppError.notFound(`version ${v} of the playbook`);
  return Number(v);
};

/**
 * Playbooks: the templates projects are made from. Reading needs `projects:read`, changing `playbooks:write`.
 * Bodies with a definition are read by the service's own checks (`attachValidation`), so every problem is
 * reported at its field in one form (`body.definition.phases[1].tasks[0].dependsOn[0]`).
 */
export function playbookRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/playbooks', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['playbooks'],
      summary: 'Every playbook with its current version, task count, effort and selection rules',
      querystring: z.object({
        archived: z.enum(['true', 'false']).optional().describe('true: only archived ones; false: only active ones'),
      }),
      response: { 200: z.object({ items: z.array(summarySchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const { archived } = request.query;
      return {
        items: await listPlaybooks(db, principalOf(request).workspaceId, {
          archived: archived === undefined ? undefined : archived === 'true',
        }),
      };
    },
  });

  r.get('/api/v1/playbooks/match', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['playbooks'],
      summary: 'Which playbook a deal with these products and segment would get, and why each other one would not',
      querystring: z.object({
        products: z.string().max(2000).optional().describe('Comma-separated product names'),
        segment: z.string().trim().max(40).optional(),
      }),
      response: {
        200: z.object({
          selected: summarySchema.nullable(),
          candidates: z.array(
            z.object({
              playbook: summarySchema,
              matches: z.boolean(),
              reason: z.string(),
              rank: z.number().nullable(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) =>
      explainSelection(db, principalOf(request).workspaceId, {
        products: list(request.query.products),
        segment: request.query.segment || null,
      }),
  });

  r.get('/api/v1/playbooks/:id', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['playbooks'],
      summary: 'One playbook with its current definition and version history; the ETag is its version, for If-Match',
      params: idParams,
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const playbook = await getPlaybook(db, principalOf(request).workspaceId, request.params.id);
      return reply.header('etag', playbookEtag(playbook)).send(playbook);
    },
  });

  r.get('/api/v1/playbooks/:id/versions/:version', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['playbooks'],
      summary: 'One version of a playbook, as the projects made from it keep it',
      params: z.object({ id: z.string().min(1).max(100), version: z.string().max(100).describe('A version number') }),
      response: { 200: versionSchema, ...errorResponses },
    },
    handler: async (request) => {
      const workspaceId = principalOf(request).workspaceId;
      await getPlaybook(db, workspaceId, request.params.id);
      return getPlaybookVersion(db, workspaceId, request.params.id, versionParam(request.params.version));
    },
  });

  r.get('/api/v1/playbooks/:id/export', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['playbooks'],
      summary:
        'The playbook as a YAML or JSON file (its current version, or the one asked for), to keep, review or import elsewhere',
      params: idParams,
      querystring: z.object({
        format: z.enum(['yaml', 'json']).default('yaml'),
        version: z.coerce.number().int().min(1).optional(),
      }),
      response: { 200: z.string().describe('The file'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format, version } = request.query;
      const file = await exportPlaybookText(db, principalOf(request).workspaceId, request.params.id, format, version);
      return reply
        .type(format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .serializer((payload: unknown) => String(payload))
        .send(file.text);
    },
  });

  r.post('/api/v1/playbooks', {
    config: { access: 'playbooks:write', idempotent: true },
    attachValidation: true,
    schema: {
      tags: ['playbooks'],
      summary: 'Create a playbook from its file form (JSON); checked whole: 400 naming each field, nothing saved',
      body: playbookFileSchema,
      response: { 201: detailSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const playbook = await db
        .transaction()
        .execute((trx) => createPlaybook(trx, actorOf(principal, request.id), principal.workspaceId, request.body));
      return reply.status(201).header('etag', playbookEtag(playbook)).send(playbook);
    },
  });

  r.put('/api/v1/playbooks/:id/definition', {
    config: { access: 'playbooks:write' },
    attachValidation: true,
    schema: {
      tags: ['playbooks'],
      summary:
        'Save a new version of the definition; send If-Match with the ETag you read (412 when someone saved since). Running projects keep their version',
      params: idParams,
      body: z.object({ definition: playbookDefinitionSchema, note }),
      response: { 200: detailSchema, ...errorResponses, 412: problemSchema },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const body = (request.body ?? {}) as { definition?: unknown; note?: unknown };
      const noteText = typeof body.note === 'string' ? body.note.slice(0, 500) : null;
      const playbook = await db
        .transaction()
        .execute((trx) =>
          savePlaybookVersion(
            trx,
            actorOf(principal, request.id),
            principal.workspaceId,
            request.params.id,
            { definition: body.definition, note: noteText },
            ifMatchOf(request),
          ),
        );
      return reply.header('etag', playbookEtag(playbook)).send(playbook);
    },
  });

  r.patch('/api/v1/playbooks/:id', {
    config: { access: 'playbooks:write' },
    schema: {
      tags: ['playbooks'],
      summary:
        'Change the name, description or selection rules (products, segments, priority), or archive / unarchive; no new version',
      params: idParams,
      body: patchBody,
      response: { 200: detailSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const playbook = await db
        .transaction()
        .execute((trx) =>
          updatePlaybook(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id, request.body),
        );
      return reply.header('etag', playbookEtag(playbook)).send(playbook);
    },
  });

  // The import reads its body as text, whatever the content type, so that syntax errors can name their line.
  void app.register(async (scope) => {
    acceptRawBodies(scope, { bodyLimit: IMPORT_LIMIT, as: 'text' });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/playbooks/import', {
      config: { access: 'playbooks:write' },
      schema: {
        tags: ['playbooks'],
        summary:
          'Import a playbook file (YAML or JSON, by Content-Type or by its first character): a new key creates the playbook, a known one gets a new version when its definition changed; the same file twice changes nothing',
        querystring: z.object({
          note: z.string().trim().max(500).optional().describe('Kept with the version the import makes'),
        }),
        response: {
          200: z.object({ outcome: z.enum(['versioned', 'updated', 'unchanged']), playbook: detailSchema }),
          201: z.object({ outcome: z.literal('created'), playbook: detailSchema }),
          ...errorResponses,
          415: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (type && !IMPORT_TYPES.includes(type) && !type.endsWith('+json') && !type.includes('yaml')) {
          throw new AppError(
            'unsupported_media_type',
            `send the file as application/yaml, text/yaml or application/json, not ${type}`,
          );
        }
        const text = typeof request.body === 'string' ? request.body : '';
        const principal = principalOf(request);
        const result = await db
          .transaction()
          .execute((trx) =>
            importPlaybookText(
              trx,
              actorOf(principal, request.id),
              principal.workspaceId,
              text,
              type || undefined,
              request.query.note ?? null,
            ),
          );
        return reply
          .status(result.outcome === 'created' ? 201 : 200)
          .header('etag', playbookEtag(result.playbook))
          .send(result as never);
      },
    });
  });
}
