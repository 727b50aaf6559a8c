import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Subscriptions, Stripe customers and events, and the seats revenue gives adoption. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('revenue_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('account_ref', 'text')
    .addColumn('account_name', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('arr_cents', 'bigint', (c) => c.notNull())
    .addColumn('mrr_cents', 'bigint')
    .addColumn('seats', 'integer')
    .addColumn('plan', 'text')
    .addColumn('is_trial', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('billing_period', 'text')
    .addColumn('auto_renew', 'integer')
    .addColumn('renews_on', 'text')
    .addColumn('status', 'text')
    .addColumn('last_invoice_status', 'text')
    .addColumn('last_invoice_at', 'text')
    .addColumn('source_updated_at', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('revenue_subscriptions_source_external', ['workspace_id', 'source', 'external_id'])
    .execute();
  await db.schema
    .createIndex('revenue_subscriptions_account')
    .on('revenue_subscriptions')
    .columns(['workspace_id', 'account_id'])
    .execute();

  await db.schema
    .createTable('revenue_stripe_customers')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('email', 'text')
    .addColumn('name', 'text')
    .addColumn('metadata_account', 'text')
    .addColumn('source_updated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('revenue_stripe_customers_pk', ['workspace_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('revenue_stripe_events')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('revenue_stripe_events_pk', ['workspace_id', 'event_id'])
    .execute();

  await db.schema
    .createTable('revenue_seat_feeds')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('fed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('revenue_seat_feeds_pk', ['workspace_id', 'account_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('revenue_seat_feeds').execute();
  await db.schema.dropTable('revenue_stripe_events').execute();
  await db.schema.dropTable('revenue_stripe_customers').execute();
  await db.schema.dropTable('revenue_subscriptions').execute();
}
