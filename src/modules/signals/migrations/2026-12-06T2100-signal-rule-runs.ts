import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Re-evaluations of a module's signal rules after their thresholds changed, with what they opened and closed. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signal_rule_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('setting_key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('accounts', 'integer')
    .addColumn('opened', 'integer')
    .addColumn('closed', 'integer')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('signal_rule_runs_setting')
    .on('signal_rule_runs')
    .columns(['workspace_id', 'setting_key', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signal_rule_runs').execute();
}
