import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, problemSchema } from '../../../platform/http/schemas.ts';
import { importCounts, runOptions } from '../../../platform/imports/import.schemas.ts';
import { acceptCsvStreams, csvUpload, once } from '../../../platform/imports/upload.ts';
import { importSeats } from './seats-import.service.ts';
import { importUsage } from './usage-import.service.ts';

const resultSchema = importCounts.extend({
  runId: z.string(),
  kind: z.string(),
  errorsTruncated: z.boolean(),
  notes: z.array(z.string()),
});

/**
 * Licensed seats (accounts:write) and daily usage tables (imports:run) from a CSV, as `baton import seats` and
 * `baton import usage` take them: the CSV is the body (text/csv), read as it streams in; the answer is the
 * row-level report, and the run is kept with the other imports. Usage files name their accounts here; tables
 * that name subscriptions, or need their columns mapped, go through the command line.
 */
export function usageImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  app.register(async (scope) => {
    acceptCsvStreams(scope);
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/imports/seats', {
      config: { access: 'accounts:write' },
      schema: {
        tags: ['imports', 'usage'],
        summary: 'Import licensed seats per account from a CSV (account, seats)',
        description:
          'The account by its Baton id, CRM id, domain or exact name; a blank seat count leaves the account as it is. Importing the same file again changes nothing.',
        consumes: ['text/csv'],
        querystring: z.object(runOptions),
        response: { 200: resultSchema, ...errorResponses, 409: problemSchema, 413: problemSchema, 415: problemSchema },
      },
      handler: async (request) => {
        const p = principalOf(request);
        const { dryRun, runId, fileName } = request.query;
        return importSeats(db, {
          workspaceId: p.workspaceId,
          actor: actorOf(p, request.id),
          input: once(csvUpload(request, ctx.config.importMaxBytes)),
          fileName: fileName ?? null,
          dryRun,
          runId,
        });
      },
    });

    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/imports/usage', {
      config: { access: 'imports:run' },
      schema: {
        tags: ['imports', 'usage'],
        summary:
          'Import a daily usage table from a CSV (day, account, feature, events, user) into the adoption rollups',
        description:
          'Columns read: day (or date, usage_date), account (or account_id: a Baton id, CRM id, domain or exact name), feature (or feature_name, event), events (or count, usage_count; 1 without one), user (or user_id), usage_id (or id) and duration_secs, optional. Importing the same file again changes nothing; a row with its id that changed replaces what it counted.',
        consumes: ['text/csv'],
        querystring: z.object({
          ...runOptions,
          source: z
            .string()
            .trim()
            .min(1)
            .max(50)
            .regex(/^[a-z0-9_-]+$/i)
            .optional()
            .describe('Where the rows come from (csv by default): row ids are unique per source'),
        }),
        response: { 200: resultSchema, ...errorResponses, 409: problemSchema, 413: problemSchema, 415: problemSchema },
      },
      handler: async (request) => {
        const p = principalOf(request);
        const { dryRun, runId, fileName, source } = request.query;
        return importUsage(db, {
          workspaceId: p.workspaceId,
          actor: actorOf(p, request.id),
          input: once(csvUpload(request, ctx.config.importMaxBytes)),
          fileName: fileName ?? null,
          source,
          dryRun,
          runId,
        });
      },
    });
  });
}
