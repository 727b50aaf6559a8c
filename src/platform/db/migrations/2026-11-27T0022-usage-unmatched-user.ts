import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * The events kept aside, indexed by their user (user id, else anonymous id, as ingest keys users): when a group
 * call maps a user to an account, ingest gives that user's earlier events their account in the same transaction,
 * and finds them here instead of walking every event kept aside. Partial, like the other indexes of events kept
 * aside: a matched event is not in it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index usage_events_unmatched_user on usage_events (workspace_id, coalesce(user_id, anonymous_id)) where account_id is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('usage_events_unmatched_user').execute();
}
