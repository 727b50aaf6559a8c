import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Product usage events as Segment and PostHog clients send them; the key makes a retried event a duplicate.
  await db.schema
    .createTable('usage_events')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull()) // segment | posthog
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull()) // track | identify | group | page | screen | alias
    .addColumn('event', 'text')
    .addColumn('user_id', 'text')
    .addColumn('anonymous_id', 'text')
    .addColumn('account_id', 'text') // null: kept aside until the group is known
    .addColumn('group_id', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_events_pk', ['workspace_id', 'source', 'message_id'])
    .execute();
  await db.schema
    .createIndex('usage_events_account')
    .on('usage_events')
    .columns(['workspace_id', 'account_id', 'occurred_at'])
    .execute();

  // Which group (and so which account) a product user belongs to.
  await db.schema
    .createTable('usage_users')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_users_pk', ['workspace_id', 'user_id'])
    .execute();

  // One row per authenticated ingest request: the totals of the status page.
  await db.schema
    .createTable('usage_ingest_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('stored', 'integer', (c) => c.notNull())
    .addColumn('duplicates', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('unmatched', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('usage_ingest_requests_recent')
    .on('usage_ingest_requests')
    .columns(['workspace_id', 'source', 'received_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_ingest_requests').execute();
  await db.schema.dropTable('usage_users').execute();
  await db.schema.dropTable('usage_events').execute();
}
