import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * The CRM's own ids of imported accounts and contacts (source + external id → record), so that importing
 * the same export again updates the same records instead of creating new ones.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_external_ids')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_external_ids_pk', ['workspace_id', 'source', 'external_id'])
    .execute();
  await db.schema
    .createIndex('account_external_ids_account')
    .on('account_external_ids')
    .columns(['workspace_id', 'account_id'])
    .execute();
  // Contacts name their account by its CRM id, whichever source imported it.
  await db.schema
    .createIndex('account_external_ids_external')
    .on('account_external_ids')
    .columns(['workspace_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('contact_external_ids')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_external_ids_pk', ['workspace_id', 'source', 'external_id'])
    .execute();
  await db.schema
    .createIndex('contact_external_ids_contact')
    .on('contact_external_ids')
    .columns(['workspace_id', 'contact_id'])
    .execute();

  // What a run said besides its row errors (the date order it read, rows it skipped and why).
  await db.schema.alterTable('import_runs').addColumn('notes', 'text').execute();

  // Imports match accounts by domain and contacts by email within their account.
  await db.schema.createIndex('accounts_workspace_domain').on('accounts').columns(['workspace_id', 'domain']).execute();
  await db.schema
    .createIndex('contacts_account_email')
    .on('contacts')
    .columns(['workspace_id', 'account_id', 'email'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contacts_account_email').execute();
  await db.schema.alterTable('import_runs').dropColumn('notes').execute();
  await db.schema.dropIndex('accounts_workspace_domain').execute();
  await db.schema.dropTable('contact_external_ids').execute();
  await db.schema.dropTable('account_external_ids').execute();
}
