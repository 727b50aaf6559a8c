import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses, isoDate } from '../../../platform/http/schemas.ts';
import { getHolidays, setHolidays } from './time-off.service.ts';

const holidaySchema = z.object({ date: isoDate, name: z.string().trim().min(1).max(200) });

/** A holidays CSV (`date,name`) read into the JSON body the route validates, so both speak the same rules. */
function holidaysFromCsv(text: string): { holidays: Array<Record<string, string>> } {
  const records = parse(text, {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Array<Record<string, string>>;
  return { holidays: records.map((r) => ({ date: r.date ?? r.on_date ?? '', name: r.name ?? r.holiday ?? '' })) };
}

/** The workspace's holidays, read and replaced (as JSON or a CSV). */
export function holidayRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/delivery/holidays', {
    config: { access: 'projects:read' },
    schema: {
      tags: ['delivery'],
      summary: 'Workspace holidays: nobody works on them',
      response: { 200: z.object({ items: z.array(holidaySchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await getHolidays(db, principalOf(request).workspaceId) }),
  });

  // Holidays are set as JSON or as a CSV (date,name): the CSV is read into the same body and checked alike.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'string', bodyLimit: 256 * 1024 },
      (_req, body, done) => {
        try {
          done(null, holidaysFromCsv(String(body)));
        } catch (error) {
          done(
            AppError.validation('body', `is not a readable CSV with columns date,name: ${(error as Error).message}`),
            undefined,
          );
        }
      },
    );
    scope.withTypeProvider<ZodTypeProvider>().put('/api/v1/delivery/holidays', {
      config: { access: 'resources:write' },
      schema: {
        tags: ['delivery'],
        summary: 'Replace the workspace holidays: JSON {holidays:[{date,name}]} or a CSV with columns date,name',
        consumes: ['application/json', 'text/csv'],
        body: z.object({ holidays: z.array(holidaySchema).max(1000) }),
        response: { 200: z.object({ items: z.array(holidaySchema) }), ...errorResponses },
      },
      handler: async (request) => {
        const p = principalOf(request);
        return {
          items: await db
            .transaction()
            .execute((trx) => setHolidays(trx, actorOf(p, request.id), p.workspaceId, request.body.holidays)),
        };
      },
    });
  });
}
