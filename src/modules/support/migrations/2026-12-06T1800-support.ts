import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Support tickets and each workspace's fitted ticket classifier. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text')
    .addColumn('priority', 'text')
    .addColumn('category', 'text')
    .addColumn('category_source', 'text')
    .addColumn('channel', 'text')
    .addColumn('requester_email', 'text')
    .addColumn('organization', 'text')
    .addColumn('account_external_id', 'text')
    .addColumn('assignee', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('first_response_at', 'text')
    .addColumn('solved_at', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tickets_source_external', ['workspace_id', 'source', 'external_id'])
    .execute();
  await db.schema.createIndex('tickets_account').on('tickets').columns(['workspace_id', 'account_id']).execute();
  await db.schema.createIndex('tickets_created').on('tickets').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('ticket_models')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('trained_at', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('accuracy', 'double precision', (c) => c.notNull())
    .addColumn('macro_f1', 'double precision', (c) => c.notNull())
    .addColumn('metrics', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_models').execute();
  await db.schema.dropTable('tickets').execute();
}
