import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  // The feature catalogue: a feature with a name and the plans entitled to it (JSON array; [] = every plan).
  await db.schema
    .createTable('usage_features')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plans', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_features_pk', ['workspace_id', 'key'])
    .execute();

  // Which feature a product event is usage of; an event maps to at most one feature.
  await db.schema
    .createTable('usage_feature_events')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('feature_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_feature_events_pk', ['workspace_id', 'event'])
    .execute();
  await db.schema
    .createIndex('usage_feature_events_feature')
    .on('usage_feature_events')
    .columns(['workspace_id', 'feature_key'])
    .execute();

  // The plan an account is on, for entitlements.
  await db.schema
    .createTable('usage_account_plans')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_account_plans_pk', ['workspace_id', 'account_id'])
    .execute();

  // Product releases; plans null = each feature's own plans.
  await db.schema
    .createTable('usage_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('released_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('plans', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('usage_releases_ws_day')
    .on('usage_releases')
    .columns(['workspace_id', 'released_on'])
    .execute();

  await db.schema
    .createTable('usage_release_features')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('release_id', 'text', (c) => c.notNull().references('usage_releases.id').onDelete('cascade'))
    .addColumn('feature_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_release_features_pk', ['release_id', 'feature_key'])
    .execute();
  await db.schema
    .createIndex('usage_release_features_ws')
    .on('usage_release_features')
    .columns(['workspace_id', 'feature_key'])
    .execute();

  // Integration sync reports counted per account × integration × UTC day.
  await db.schema
    .createTable('integration_status_daily')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('integration', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('ok_count', 'integer', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('integration_status_daily_pk', ['workspace_id', 'account_id', 'integration', 'day'])
    .execute();
  await db.schema
    .createIndex('integration_status_daily_day')
    .on('integration_status_daily')
    .columns(['workspace_id', 'day'])
    .execute();

  // The latest known state of each account × integration.
  await db.schema
    .createTable('integration_status')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('integration', 'text', (c) => c.notNull())
    .addColumn('last_status', 'text', (c) => c.notNull())
    .addColumn('last_reported_at', 'text', (c) => c.notNull())
    .addColumn('first_reported_at', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('last_error_detail', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('integration_status_pk', ['workspace_id', 'account_id', 'integration'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('integration_status').execute();
  await db.schema.dropTable('integration_status_daily').execute();
  await db.schema.dropTable('usage_release_features').execute();
  await db.schema.dropTable('usage_releases').execute();
  await db.schema.dropTable('usage_account_plans').execute();
  await db.schema.dropTable('usage_feature_events').execute();
  await db.schema.dropTable('usage_features').execute();
}
