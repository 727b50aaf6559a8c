import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * The portfolio's adoption numbers group a window of days by account and user (or feature). Indexes that hold
 * every column those passes read let the database answer from the index alone instead of visiting each row; they
 * replace the (workspace, day) indexes, which they cover.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('usage_daily_account_user_day').execute();
  await db.schema.dropIndex('usage_daily_account_feature_day').execute();
  await db.schema
    .createIndex('usage_daily_account_user_window')
    .on('usage_daily_account_user')
    .columns(['workspace_id', 'day', 'account_id', 'user_key', 'events'])
    .execute();
  await db.schema
    .createIndex('usage_daily_account_feature_window')
    .on('usage_daily_account_feature')
    .columns(['workspace_id', 'day', 'account_id', 'feature', 'events'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('usage_daily_account_feature_window').execute();
  await db.schema.dropIndex('usage_daily_account_user_window').execute();
  await db.schema
    .createIndex('usage_daily_account_feature_day')
    .on('usage_daily_account_feature')
    .columns(['workspace_id', 'day'])
    .execute();
  await db.schema
    .createIndex('usage_daily_account_user_day')
    .on('usage_daily_account_user')
    .columns(['workspace_id', 'day'])
    .execute();
}
