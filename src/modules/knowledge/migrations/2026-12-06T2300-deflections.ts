import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Each time articles were suggested for a question (a help widget, a new ticket, a person) and what it answered. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('knowledge_deflections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('end_user', 'text')
    .addColumn('suggested', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('helped_article_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('knowledge_deflections_created')
    .on('knowledge_deflections')
    .columns(['workspace_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('knowledge_deflections').execute();
}
