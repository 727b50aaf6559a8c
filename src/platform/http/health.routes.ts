import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { AppError } from '../errors/app-error.ts';

/** Liveness and readiness for load balancers and orchestrators. Both are public and outside /api/v1. */
export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async () => {
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
