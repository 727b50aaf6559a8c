import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Health scores with their components, one row per rescoring that changed something (the history). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('health_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('band', 'text')
    .addColumn('scorecard_version', 'integer', (c) => c.notNull())
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('health_scores_account')
    .on('health_scores')
    .columns(['workspace_id', 'account_id', 'scored_at'])
    .execute();
  await db.schema
    .createIndex('health_scores_current')
    .on('health_scores')
    .columns(['workspace_id', 'is_current'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('health_scores').execute();
}
