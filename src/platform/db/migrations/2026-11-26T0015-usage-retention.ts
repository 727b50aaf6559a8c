import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Raw events are deleted by age of receipt (retention window): received_at only grows, so this index is
  // appended to, not rewritten.
  await db.schema
    .createIndex('usage_events_received')
    .on('usage_events')
    .columns(['workspace_id', 'received_at'])
    .execute();
  // Only events kept aside are ever looked up without their key (re-matching): a partial index holds just those,
  // so storing a matched event maintains one index fewer.
  await db.schema.dropIndex('usage_events_account').execute();
  await db.schema
    .createIndex('usage_events_unmatched')
    .on('usage_events')
    .columns(['workspace_id', 'group_id'])
    .where(sql.ref('account_id'), 'is', null)
    .execute();

  // Usage loaded from daily tables (imports): each source row once, with what it added to the rollups, so that
  // importing the file again changes nothing and a changed row replaces its earlier contribution.
  await db.schema
    .createTable('usage_import_rows')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('feature', 'text', (c) => c.notNull())
    .addColumn('user_key', 'text')
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('duration_secs', 'integer')
    .addColumn('run_id', 'text', (c) => c.notNull()) // the import run that wrote it last: a key seen twice in one run is a duplicate row
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_import_rows_pk', ['workspace_id', 'source', 'row_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_import_rows').execute();
  await db.schema.dropIndex('usage_events_unmatched').execute();
  await db.schema
    .createIndex('usage_events_account')
    .on('usage_events')
    .columns(['workspace_id', 'account_id', 'occurred_at'])
    .execute();
  await db.schema.dropIndex('usage_events_received').execute();
}
