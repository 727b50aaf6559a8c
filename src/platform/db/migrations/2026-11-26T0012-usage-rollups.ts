import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Events per account, UTC day (YYYY-MM-DD) and feature, maintained as events are stored or re-matched.
  await db.schema
    .createTable('usage_daily_account_feature')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('feature', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_daily_account_feature_pk', ['workspace_id', 'account_id', 'day', 'feature'])
    .execute();
  await db.schema
    .createIndex('usage_daily_account_feature_day')
    .on('usage_daily_account_feature')
    .columns(['workspace_id', 'day'])
    .execute();

  // Events per account, UTC day and product user (user id, or anonymous id when there is none).
  await db.schema
    .createTable('usage_daily_account_user')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('user_key', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_daily_account_user_pk', ['workspace_id', 'account_id', 'day', 'user_key'])
    .execute();
  await db.schema
    .createIndex('usage_daily_account_user_day')
    .on('usage_daily_account_user')
    .columns(['workspace_id', 'day'])
    .execute();

  // Licensed seats per account, owned by product usage until the revenue module provides them.
  await db.schema
    .createTable('usage_account_seats')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_account_seats_pk', ['workspace_id', 'account_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_account_seats').execute();
  await db.schema.dropTable('usage_daily_account_user').execute();
  await db.schema.dropTable('usage_daily_account_feature').execute();
}
