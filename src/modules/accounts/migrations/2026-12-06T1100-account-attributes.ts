import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Custom account attributes from imports (a JSON object of column → text) and the renewal outcome with its day. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_attributes')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('outcome', 'integer')
    .addColumn('outcome_recorded_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('account_attributes_workspace')
    .on('account_attributes')
    .columns(['workspace_id', 'outcome'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_attributes').execute();
}
