import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importCounts, rowError, runOptions } from './import.schemas.ts';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../auth/principal.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, idParams, page, pageQuery, problemSchema } from '../http/schemas.ts';
import { getImportRun, listImportRuns } from './import-run.service.ts';
import { IMPORT_RUN_STATUSES } from './import-run.ts';
import type { Importer } from './importer.ts';
import { accessOf, importFile, kindView, runKindOf } from './import-file.ts';
import { inQuery, requestOf, requestQueryOf } from './import.query.ts';
import { composition } from '../modules/composition.ts';
import { previewImport } from './preview.ts';
import { acceptCsvStreams, CSV_TYPES, csvUpload, once } from './upload.ts';

const runSchema = importCounts.extend({
  id: z.string(),
  kind: z.string(),
  fileName: z.string().nullable(),
  status: z
    .enum(IMPORT_RUN_STATUSES)
    .describe(
      'interrupted: the process running it stopped before it finished; what it committed stays, and running it again is idempotent',
    ),
  actor: z.string(),
  startedAt: z.string(),
  heartbeatAt: z.string().nullable().describe('When a running import last showed it was alive'),
  finishedAt: z.string().nullable(),
});

const kindSchema = z.object({
  kind: z.string(),
  label: z.string(),
  description: z.string(),
  access: z.string().describe('The permission an import of this kind needs'),
  mediaTypes: z.array(z.string()).describe('What the file may be sent as'),
  preview: z.boolean().describe('Whether POST /api/v1/imports/{kind}/preview reads a file of this kind'),
  takes: z.array(z.string()).describe('The common options this kind reads'),
  formats: z.array(z.string()),
  fields: z.array(z.object({ name: z.string(), required: z.boolean(), description: z.string() })),
  aliasFields: z.array(z.string()),
  defaultFields: z.array(z.string()),
  options: z.array(z.object({ name: z.string(), description: z.string(), default: z.string().nullable() })),
  files: z
    .array(z.object({ name: z.string(), description: z.string() }))
    .describe('Further files this kind reads; the command line sends them'),
  runKind: z.string().describe('The kind its runs are listed under'),
});

const previewSchema = (kinds: readonly [string, ...string[]]) =>
  z.object({
    kind: z.enum(kinds),
    format: z.string().nullable(),
    detected: z.boolean(),
    formats: z.array(z.string()),
    fields: z.array(z.object({ name: z.string(), required: z.boolean(), description: z.string() })),
    aliasFields: z.array(z.string()),
    defaultFields: z.array(z.string()),
    headers: z.array(z.string()),
    mapping: z.array(z.object({ column: z.string(), field: z.string().nullable(), sample: z.string().nullable() })),
    problems: z.array(z.string()),
    dateOrder: z.object({
      order: z.enum(['mdy', 'dmy']).nullable(),
      status: z.enum(['declared', 'proven', 'none', 'ambiguous', 'conflict']),
      message: z.string(),
    }),
    rows: z.array(
      z.object({
        row: z.number(),
        values: z.record(z.string(), z.unknown()),
        errors: z.array(rowError),
        skipped: z.string().nullable(),
      }),
    ),
    maxBytes: z.number(),
  });

const uploadErrors = { ...errorResponses, 409: problemSchema, 413: problemSchema, 415: problemSchema };

const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** What an upload of the kind may be sent as besides CSV. */
const alsoOf = (importer: Importer) => (importer.mediaTypes ?? []).filter((t) => !CSV_TYPES.includes(t));

const GENERIC = (kind: string) => ({
  summary: `Import ${kind} from a CSV: a CRM export or any file with a mapping; answers the report with every rejected row`,
  description:
    'The body is the CSV file, sent as text/csv and read as it streams in, in batches of 2,000 rows that each commit whole. ' +
    'Re-importing the same file changes nothing. Send runId to follow the run with GET /api/v1/imports/{runId} while it goes on.',
});

/**
 * Imports through the API and the web page, one route per kind the modules declare: the file is the request body
 * (`Content-Type: text/csv`), read as it streams in; preview reads the first rows and writes nothing; an import
 * answers its report when done, and its run (`GET /api/v1/imports/{id}`) shows the rows read so far while it runs.
 */
export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const maxBytes = ctx.config.importMaxBytes;
  const importers = [...composition().importers.values()];
  const kinds = importers.map((i) => i.kind) as [string, ...string[]];
  const resultSchema = importCounts.extend({
    runId: z.string(),
    kind: z.string(),
    errorsTruncated: z.boolean(),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("The kind's own figures besides the counts (pipelines: each pipeline loaded, the deals it moved)"),
  });
  app.register(async (scope) => {
    acceptCsvStreams(scope, [...new Set(importers.flatMap(alsoOf))]);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/imports/kinds', {
      config: { access: 'signed_in' },
      schema: {
        tags: ['imports'],
        summary:
          'The kinds of record Baton imports from files: their fields, formats and options, and who may run them',
        response: { 200: z.object({ items: z.array(kindSchema) }), ...errorResponses },
      },
      handler: async () => ({ items: importers.map(kindView) }),
    });

    for (const importer of importers) {
      const { kind } = importer;
      const query = requestQueryOf(importer);
      const also = alsoOf(importer);
      const consumes = ['text/csv', ...also];
      const { plan } = importer;
      if (plan)
        r.post(`/api/v1/imports/${kind}/preview`, {
          config: { access: accessOf(importer) },
          schema: {
            tags: ['imports'],
            summary: `Preview a ${kind} import: the format, the column mapping, problems and the first 20 rows as Baton would read them; writes nothing`,
            description: 'The body is the CSV file (or its beginning), sent as text/csv.',
            consumes,
            querystring: query,
            response: { 200: previewSchema(kinds), ...uploadErrors },
          },
          handler: async (request) =>
            previewImport(
              { ...importer, plan },
              csvUpload(request, maxBytes, also),
              requestOf(importer, request.query as Record<string, unknown>),
              inQuery,
              maxBytes,
            ),
        });

      r.post(`/api/v1/imports/${kind}`, {
        config: { access: accessOf(importer) },
        schema: {
          tags: ['imports'],
          ...(importer.api ?? GENERIC(kind)),
          consumes,
          querystring: query.extend(runOptions),
          response: { 200: resultSchema, ...uploadErrors },
        },
        handler: async (request) => {
          const principal = principalOf(request);
          const { dryRun, runId, fileName, ...rest } = request.query as Record<string, unknown> & {
            dryRun: boolean;
            runId?: string;
            fileName?: string;
          };
          return importFile(db, importer, {
            workspaceId: principal.workspaceId,
            partnerId: principal.partnerId,
            actor: actorOf(principal, request.id),
            input: once(csvUpload(request, maxBytes, also)),
            fileName: fileName ?? null,
            request: requestOf(importer, rest),
            dryRun,
            runId,
            name: inQuery,
          });
        },
      });
    }

    const byKind = new Map(importers.map((i) => [i.kind, runKindOf(i)]));
    r.get('/api/v1/imports', {
      config: { access: 'deals:read' },
      schema: {
        tags: ['imports'],
        summary: 'Past imports, newest first',
        querystring: pageQuery.extend({ kind: z.enum(kinds).optional() }),
        response: { 200: page(runSchema), ...errorResponses },
      },
      handler: async (request) => {
        const { kind, ...rest } = request.query;
        return listImportRuns(db, principalOf(request).workspaceId, { ...rest, kind: kind && byKind.get(kind) });
      },
    });

    r.get('/api/v1/imports/:id', {
      config: { access: 'deals:read' },
      schema: {
        tags: ['imports'],
        summary: 'One import run: while it runs, the rows read so far; then its report (the first 1,000 row errors)',
        params: idParams,
        response: { 200: runSchema, ...errorResponses },
      },
      handler: async (request) => getImportRun(db, principalOf(request).workspaceId, request.params.id),
    });

    r.get('/api/v1/imports/:id/errors', {
      config: { access: 'deals:read' },
      schema: {
        tags: ['imports'],
        summary: "An import run's rejected rows as CSV: row, field, reason",
        params: idParams,
        response: errorResponses,
      },
      handler: async (request, reply) => {
        const run = await getImportRun(db, principalOf(request).workspaceId, request.params.id);
        const lines = ['row,field,reason', ...run.errors.map((e) => [e.row, e.field, e.reason].map(csvCell).join(','))];
        const name = `${(run.fileName ?? run.kind).replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_')}-rejected.csv`;
        // Plain CSV text, not JSON: no response schema serializes it.
        const csv = `${lines.join('\r\n')}\r\n` as never;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(csv);
      },
    });
  });
}
