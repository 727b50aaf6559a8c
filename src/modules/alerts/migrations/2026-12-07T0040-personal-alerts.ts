import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * A person's own subscription may hear only of the accounts they own (`accounts_scope` 'mine'), and of their play
 * tasks due (`play_tasks`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('alert_subscriptions')
    .addColumn('accounts_scope', 'text', (c) => c.notNull().defaultTo('all'))
    .execute();
  await db.schema
    .alterTable('alert_subscriptions')
    .addColumn('play_tasks', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('alert_subscriptions_user')
    .on('alert_subscriptions')
    .columns(['workspace_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('alert_subscriptions_user').execute();
  await db.schema.alterTable('alert_subscriptions').dropColumn('play_tasks').execute();
  await db.schema.alterTable('alert_subscriptions').dropColumn('accounts_scope').execute();
}
