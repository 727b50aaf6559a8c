import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('account_name', 'text')
    .addColumn('account_external_id', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_category', 'text', (c) => c.notNull())
    .addColumn('pipeline', 'text')
    .addColumn('amount', 'real')
    .addColumn('currency', 'text')
    .addColumn('close_date', 'text')
    .addColumn('signed_date', 'text')
    .addColumn('created_date', 'text')
    .addColumn('owner', 'text')
    .addColumn('products', 'text', (c) => c.notNull())
    .addColumn('partner_name', 'text')
    .addColumn('finance_confirmed_at', 'text')
    .addColumn('journey_state', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deals_source_external', ['workspace_id', 'source', 'external_id'])
    .execute();
  await db.schema
    .createIndex('deals_workspace_state')
    .on('deals')
    .columns(['workspace_id', 'journey_state', 'close_date'])
    .execute();

  await db.schema
    .createTable('deal_stage_mappings')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('pipeline', 'text', (c) => c.notNull()) // '' = any pipeline of that source
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addPrimaryKeyConstraint('deal_stage_mappings_pk', ['workspace_id', 'source', 'pipeline', 'stage'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deal_stage_mappings').execute();
  await db.schema.dropTable('deals').execute();
}
