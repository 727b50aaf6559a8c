import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, problemSchema } from '../../../platform/http/schemas.ts';
import { importCounts, runOptions } from '../../../platform/imports/import.schemas.ts';
import { acceptCsvStreams, csvUpload, once } from '../../../platform/imports/upload.ts';
import { importTimeEntries } from '../time/time-import.service.ts';
import { importResources } from './resource-import.service.ts';

const resultSchema = importCounts.extend({ runId: z.string(), kind: z.string(), errorsTruncated: z.boolean() });

const runQuery = z.object(runOptions);

const uploadErrors = { ...errorResponses, 409: problemSchema, 413: problemSchema, 415: problemSchema };

/**
 * Delivery imports: people with their capacity (resources:write) and timesheets (time:write). The CSV is the
 * body (text/csv), read as it streams in; the answer is the row-level report, and the run is kept with the
 * other imports (`GET /api/v1/imports/{id}`).
 */
export function deliveryImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const maxBytes = ctx.config.importMaxBytes;
  app.register(async (scope) => {
    acceptCsvStreams(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/v1/imports/resources', {
      config: { access: 'resources:write' },
      schema: {
        tags: ['imports', 'delivery'],
        summary:
          'Import people and their capacity from a CSV (name, email, role, skills, weekly_capacity_hours, working_days, cost_rate, bill_rate, partner, active, user)',
        description:
          'Matched by email, else by exact name: re-importing the same file changes nothing. A row with an unknown role is rejected with the known ones.',
        consumes: ['text/csv'],
        querystring: runQuery,
        response: { 200: resultSchema, ...uploadErrors },
      },
      handler: async (request) => {
        const p = principalOf(request);
        const { dryRun, runId, fileName } = request.query;
        return importResources(db, {
          workspaceId: p.workspaceId,
          actor: actorOf(p, request.id),
          input: once(csvUpload(request, maxBytes)),
          fileName: fileName ?? null,
          dryRun,
          runId,
        });
      },
    });

    r.post('/api/v1/imports/time-entries', {
      config: { access: 'time:write' },
      schema: {
        tags: ['imports', 'delivery'],
        summary:
          'Import time entries from a CSV (date, person, project, task, hours, billable, rework, note, external_id)',
        description:
          'People by email or name, projects by id or name, tasks by key or name. Each row keeps the rules of time logged by hand; rows with an external_id are imported once.',
        consumes: ['text/csv'],
        querystring: runQuery,
        response: { 200: resultSchema, ...uploadErrors },
      },
      handler: async (request) => {
        const p = principalOf(request);
        const { dryRun, runId, fileName } = request.query;
        return importTimeEntries(db, scopeOf(p), {
          workspaceId: p.workspaceId,
          actor: actorOf(p, request.id),
          input: once(csvUpload(request, maxBytes)),
          fileName: fileName ?? null,
          dryRun,
          runId,
        });
      },
    });
  });
}
