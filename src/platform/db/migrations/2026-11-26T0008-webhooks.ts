import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  // One row per signed webhook request (unsigned ones are only logged): what it carried and what came of it.
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // accepted | rejected
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ignored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_recent')
    .on('webhook_deliveries')
    .columns(['workspace_id', 'source', 'received_at'])
    .execute();

  // One row per event taken in (applied or ignored with a reason); the unique key makes a retried event a duplicate.
  await db.schema
    .createTable('webhook_events')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull()) // applied | ignored
    .addColumn('detail', 'text')
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('property', 'text')
    .addColumn('occurred_at', 'text')
    .addColumn('deal_id', 'text')
    .addPrimaryKeyConstraint('webhook_events_pk', ['workspace_id', 'source', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_events_object')
    .on('webhook_events')
    .columns(['workspace_id', 'source', 'object_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('webhook_events_recent')
    .on('webhook_events')
    .columns(['workspace_id', 'source', 'received_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_events').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
}
