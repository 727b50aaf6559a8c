import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Zendesk webhook deliveries already applied (by event id, or the body's hash for triggers), each applied once. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_webhook_events')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_webhook_events_pk', ['workspace_id', 'event_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_webhook_events').execute();
}
