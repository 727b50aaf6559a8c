import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * Each integration sync report received, once: keyed by a digest of its source and report id, or of its source,
 * account as named, integration and time, so a report sent or imported again is recognised and not counted twice.
 * A report whose account Baton does not know yet is kept here with no account and counted when the account
 * appears (the partial index finds those alone). Reports received before this migration were counted without
 * being kept; they cannot be recognised again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('integration_status_reports')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('report_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text')
    .addColumn('account_ref', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('integration', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('integration_status_reports_pk', ['workspace_id', 'report_key'])
    .execute();
  await db.schema
    .createIndex('integration_status_reports_unmatched')
    .on('integration_status_reports')
    .columns(['workspace_id', 'account_ref'])
    .where(sql.ref('account_id'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('integration_status_reports').execute();
}
