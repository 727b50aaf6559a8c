import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importCounts, rowError, runOptions } from './import.schemas.ts';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../auth/principal.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, idParams, page, pageQuery, problemSchema } from '../http/schemas.ts';
import { getImportRun, listImportRuns } from './import-run.service.ts';
import { IMPORT_KINDS, IMPORT_RUN_STATUSES } from './import-run.ts';
import type { ImportRequest, OptionNamer } from './importer.ts';
import { composition } from '../modules/composition.ts';
import { previewImport } from './preview.ts';
import { acceptCsvStreams, csvUpload, once } from './upload.ts';
import { findBadText, nestsDeeperThan, tooDeepMessage } from '../http/json-input.ts';

/** A query parameter carrying JSON (a mapping, aliases …), checked against `schema`. */
const json = <T extends z.ZodType>(schema: T, example: string) =>
  z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      if (nestsDeeperThan(text)) {
        ctx.addIssue({ code: 'custom', message: tooDeepMessage() });
        return z.NEVER;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: `is not JSON; send e.g. ${example}` });
        return z.NEVER;
      }
      // The escape \u0000 in the JSON text is a NUL once parsed: refused like one written in the query itself.
      const bad = findBadText(value, '');
      if (bad) {
        ctx.addIssue({ code: 'custom', message: `${bad.field.slice(1) || 'the value'} ${bad.message}` });
        return z.NEVER;
      }
      return value;
    })
    .pipe(schema)
    .optional();

const names = z.record(z.string().max(200), z.string().max(200));

const requestQuery = z.object({
  format: z
    .string()
    .max(40)
    .optional()
    .describe(
      'hubspot-export, salesforce, fivetran-hubspot, fivetran-salesforce or mapped; detected from the header when left out',
    ),
  mapping: json(
    z.record(z.string().max(200), z.union([z.string().max(200), z.array(z.string().max(200)).min(1).max(50)])),
    '{"Company":"name"}',
  ).describe(
    'JSON: column → field, for the mapped format; a column feeding several fields names them in a list: {"Opportunity ID":["external_id","name"]}',
  ),
  columns: json(names, '{"segment":"Tier__c"}').describe("JSON: field → column, replacing a named format's own column"),
  aliases: json(z.record(z.string().max(50), names), '{"segment":{"Mid-Market":"mid_market"}}').describe(
    'JSON: per field, spelling → canonical value',
  ),
  defaults: json(names, '{"segment":"smb"}').describe(
    'JSON: per field, the value new records take when their row names none',
  ),
  dateOrder: z.enum(['mdy', 'dmy']).optional().describe('Order of dates like 03/04/24'),
  decimal: z.enum(['.', ',']).optional().describe('Deals: decimal separator of amounts'),
  currency: z.string().max(10).optional().describe('Deals: currency of rows that name none'),
});

const runQuery = requestQuery.extend(runOptions);

const counts = importCounts;

const runSchema = counts.extend({
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

const resultSchema = counts.extend({
  runId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  errorsTruncated: z.boolean(),
});

const previewSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
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

const inQuery: OptionNamer = (option) => `querystring.${option}`;

const requestOf = (q: z.infer<typeof requestQuery>): ImportRequest => ({
  format: q.format,
  mapping: q.mapping,
  columns: q.columns,
  aliases: q.aliases,
  defaults: q.defaults,
  dateOrder: q.dateOrder,
  decimal: q.decimal,
  currency: q.currency,
});

const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Imports through the API and the web page: the CSV is the request body (`Content-Type: text/csv`), read as
 * it streams in; preview reads the first rows and writes nothing; an import answers its report when done,
 * and its run (`GET /api/v1/imports/{id}`) shows the rows read so far while it runs.
 */
export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const maxBytes = ctx.config.importMaxBytes;
  app.register(async (scope) => {
    acceptCsvStreams(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    for (const [kind, importer] of composition().importers) {
      r.post(`/api/v1/imports/${kind}/preview`, {
        config: { access: 'imports:run' },
        schema: {
          tags: ['imports'],
          summary: `Preview a ${kind} import: the format, the column mapping, problems and the first 20 rows as Baton would read them; writes nothing`,
          description: 'The body is the CSV file (or its beginning), sent as text/csv.',
          consumes: ['text/csv'],
          querystring: requestQuery,
          response: { 200: previewSchema, ...uploadErrors },
        },
        handler: async (request) =>
          previewImport(importer, csvUpload(request, maxBytes), requestOf(request.query), inQuery, maxBytes),
      });

      r.post(`/api/v1/imports/${kind}`, {
        config: { access: 'imports:run' },
        schema: {
          tags: ['imports'],
          summary: `Import ${kind} from a CSV: a CRM export or any file with a mapping; answers the report with every rejected row`,
          description:
            'The body is the CSV file, sent as text/csv and read as it streams in, in batches of 2,000 rows that each commit whole. ' +
            'Re-importing the same file changes nothing. Send runId to follow the run with GET /api/v1/imports/{runId} while it goes on.',
          consumes: ['text/csv'],
          querystring: runQuery,
          response: { 200: resultSchema, ...uploadErrors },
        },
        handler: async (request) => {
          const principal = principalOf(request);
          const { dryRun, runId, fileName, ...rest } = request.query;
          return importer.run(db, {
            workspaceId: principal.workspaceId,
            actor: actorOf(principal, request.id),
            input: once(csvUpload(request, maxBytes)),
            fileName: fileName ?? null,
            request: requestOf(rest),
            dryRun,
            runId,
            name: inQuery,
          });
        },
      });
    }

    r.get('/api/v1/imports', {
      config: { access: 'deals:read' },
      schema: {
        tags: ['imports'],
        summary: 'Past imports, newest first',
        querystring: pageQuery.extend({ kind: z.enum(IMPORT_KINDS).optional() }),
        response: { 200: page(runSchema), ...errorResponses },
      },
      handler: async (request) => listImportRuns(db, principalOf(request).workspaceId, request.query),
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
