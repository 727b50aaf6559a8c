import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * When a running import last showed it was alive. A run whose process stopped (a crash, a killed CLI, a server
 * restart) stays `running` in its row; readers call it interrupted once this is old. Runs already here keep a
 * null, and are judged by when they started.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_runs').addColumn('heartbeat_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_runs').dropColumn('heartbeat_at').execute();
}
