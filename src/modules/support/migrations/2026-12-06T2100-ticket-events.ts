import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Tickets' status histories (from event logs and webhooks) and how often each ticket was reopened. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('reopens', 'integer').execute();
  await db.schema
    .createTable('ticket_events')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_events_pk', ['workspace_id', 'source', 'external_id', 'at', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_events').execute();
  await db.schema.alterTable('tickets').dropColumn('reopens').execute();
}
