import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { AppError } from '../errors/app-error.ts';
import type { RouteDocs } from './openapi.ts';
import { problemSchema } from './schemas.ts';

const HEALTHZ_DOCS: RouteDocs = {
  tags: ['health'],
  summary: 'Liveness: the process answers',
  response: { 200: z.object({ status: z.literal('ok') }) },
};
const READYZ_DOCS: RouteDocs = {
  tags: ['health'],
  summary: 'Readiness: the database answers and no migration is pending (503 otherwise)',
  response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: problemSchema },
};

/** Liveness and readiness for load balancers and orchestrators. Both are public and outside /api/v1. */
export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', { config: { access: 'public', openapi: HEALTHZ_DOCS } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access: 'public', openapi: READYZ_DOCS } }, async () => {
    try {
      await sql`select 1`.execute(ctx.db);
    } catch (cause) {
      throw new AppError('unavailable', `database unreachable at ${ctx.dbh.displayUrl}`, { cause });
    }
    const pending = await pendingMigrations(ctx.db);
    if (pending.length > 0) {
      throw new AppError('unavailable', `migrations pending (${pending.join(', ')}): run \`baton migrate\``);
    }
    return { status: 'ready', database: ctx.caps.kind };
  });
}
