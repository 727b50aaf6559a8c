import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * The commitments ledger (promises made in the sale, with product's status and its history) and the
 * contract terms of a deal (pricing model, billing terms, discount, non-standard clauses, services sold).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('deal_id', 'text', (c) => c.references('deals.id').onDelete('set null'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('to_contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('to_name', 'text', (c) => c.notNull())
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('strength', 'text', (c) => c.notNull())
    .addColumn('matched_phrase', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('roadmap_item', 'text')
    .addColumn('made_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('made_by_label', 'text', (c) => c.notNull())
    .addColumn('made_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitments_ledger')
    .on('commitments')
    .columns(['workspace_id', 'made_on', 'id'])
    .execute();
  await db.schema
    .createIndex('commitments_account')
    .on('commitments')
    .columns(['workspace_id', 'account_id'])
    .execute();
  await db.schema.createIndex('commitments_deal').on('commitments').columns(['workspace_id', 'deal_id']).execute();
  await db.schema
    .createIndex('commitments_status_due')
    .on('commitments')
    .columns(['workspace_id', 'status', 'due_date'])
    .execute();

  await db.schema
    .createTable('commitment_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('from_status', 'text') // null: the entry that records the promise
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('changed_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('changed_by_label', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitment_status_changes_commitment')
    .on('commitment_status_changes')
    .columns(['workspace_id', 'commitment_id', 'changed_at'])
    .execute();

  await db.schema.alterTable('deals').addColumn('pricing_model', 'text').execute();
  await db.schema.alterTable('deals').addColumn('billing_terms', 'text').execute();
  await db.schema.alterTable('deals').addColumn('discount_pct', 'double precision').execute();
  await db.schema.alterTable('deals').addColumn('non_standard_clauses', 'text').execute(); // JSON array of tags
  await db.schema.alterTable('deals').addColumn('services_sold', 'double precision').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['services_sold', 'non_standard_clauses', 'discount_pct', 'billing_terms', 'pricing_model']) {
    await db.schema.alterTable('deals').dropColumn(column).execute();
  }
  await db.schema.dropTable('commitment_status_changes').execute();
  await db.schema.dropTable('commitments').execute();
}
