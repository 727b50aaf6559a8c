import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * Ingest totals per workspace and source, kept as requests are recorded, so that the ingest status reads one
 * row per source instead of counting every raw event and every request on each view. Filled from what the
 * request log and the raw events hold. The events kept aside are counted per source through an index of those
 * events alone (partial: events with an account, nearly all of them, are not in it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('usage_ingest_totals')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull())
    .addColumn('stored', 'bigint', (c) => c.notNull())
    .addColumn('duplicates', 'bigint', (c) => c.notNull())
    .addColumn('rejected', 'bigint', (c) => c.notNull())
    .addColumn('last_event_at', 'text')
    .addColumn('last_received_at', 'text')
    .addPrimaryKeyConstraint('usage_ingest_totals_pk', ['workspace_id', 'source'])
    .execute();
  await sql`
    insert into usage_ingest_totals (workspace_id, source, received, stored, duplicates, rejected, last_event_at, last_received_at)
    select r.workspace_id, r.source, sum(r.received), sum(r.stored), sum(r.duplicates), sum(r.rejected),
      (select max(e.occurred_at) from usage_events e where e.workspace_id = r.workspace_id and e.source = r.source),
      (select max(e.received_at) from usage_events e where e.workspace_id = r.workspace_id and e.source = r.source)
    from usage_ingest_requests r
    group by r.workspace_id, r.source`.execute(db);
  await db.schema
    .createIndex('usage_events_unmatched_source')
    .on('usage_events')
    .columns(['workspace_id', 'source'])
    .where(sql.ref('account_id'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('usage_events_unmatched_source').execute();
  await db.schema.dropTable('usage_ingest_totals').execute();
}
