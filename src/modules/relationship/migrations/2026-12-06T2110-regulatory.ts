import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Regulatory events (industries, regions, effective day) and each account's review of them. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regulatory_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industries', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('regulatory_events_effective')
    .on('regulatory_events')
    .columns(['workspace_id', 'effective_on'])
    .execute();
  await db.schema
    .createTable('regulatory_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('regulatory_events.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('reviewed_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_by_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addUniqueConstraint('regulatory_reviews_once', ['workspace_id', 'event_id', 'account_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('regulatory_reviews').execute();
  await db.schema.dropTable('regulatory_events').execute();
}
